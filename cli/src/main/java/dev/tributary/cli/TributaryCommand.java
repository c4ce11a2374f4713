package dev.tributary.cli;

import dev.tributary.common.TributaryException;
import dev.tributary.common.config.ConfigException;
import dev.tributary.common.provenance.BuildInfo;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The root {@code tributary} command. Run without a subcommand it prints its usage.
 */
@Command(name = "tributary",
        mixinStandardHelpOptions = true,
        versionProvider = TributaryCommand.Version.class,
        description = "Batch versus streaming learning on Apache Kafka, measured.",
        subcommands = {RunCommand.class, ScenariosCommand.class, ProduceCommand.class, TrainBatchCommand.class,
                TrainPeriodicCommand.class, TrainStreamCommand.class, EvaluateCommand.class, ScoreCommand.class, JoinLabelsCommand.class, EvaluateServedCommand.class, SuiteCommand.class, CompareCommand.class, ExportCommand.class, ReportCommand.class, GateCommand.class,
                ServeBenchCommand.class, SoakCommand.class, BenchCommand.class, BrokerCommand.class,
                CommandLine.HelpCommand.class})
public final class TributaryCommand implements Runnable {

    /** Exit code of a bad option or value (picocli's usage code). */
    public static final int EXIT_USAGE = CommandLine.ExitCode.USAGE;
    /** Exit code of a known operational failure. */
    public static final int EXIT_FAILURE = 3;
    /** Exit code of results that miss a quality gate. */
    public static final int EXIT_GATE = 4;
    /** Exit code of a bug. */
    public static final int EXIT_BUG = CommandLine.ExitCode.SOFTWARE;

    @Spec
    private CommandSpec spec;

    private TributaryCommand() {
    }

    @Override
    public void run() {
        // No subcommand: a usage error, answered with the list of subcommands.
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    /**
     * Runs a command line; what {@code main} calls and what tests call.
     *
     * @param args the arguments
     * @param out  standard output
     * @param err  standard error
     * @return the exit code: 0 ok, 2 bad option or value, 3 operational failure, 4 quality gate missed, 1 bug
     */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        PrintWriter outWriter = new PrintWriter(out, true, StandardCharsets.UTF_8);
        PrintWriter errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8);
        CommandLine cli = new CommandLine(new TributaryCommand())
                .setOut(outWriter)
                .setErr(errWriter)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(TributaryCommand::usageError)
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                    PrintWriter w = commandLine.getErr();
                    if (e instanceof ConfigException c) {
                        // Name the option only if the user typed it; a value from a scenario file
                        // is reported under its key.
                        String option = ScenarioOptions.optionOf(c.field());
                        boolean typed = option != null && commandLine.getParseResult() != null
                                && commandLine.getParseResult().hasMatchedOption(option);
                        w.println("tributary: invalid value for " + (typed ? "option '" + option + "'" : c.field())
                                + ": " + c.problem());
                        return EXIT_USAGE;
                    }
                    if (e instanceof TributaryException) {
                        w.println("tributary: " + e.getMessage());
                        return EXIT_FAILURE;
                    }
                    if (e instanceof KafkaException) {
                        // Kafka's clients throw these when their settings cannot work (a missing
                        // truststore, a malformed JAAS config) or the cluster refuses them: what
                        // the user must fix is the last cause. Kafka keeps secrets out of them.
                        w.println("tributary: Kafka client failed: " + causes(e));
                        return EXIT_FAILURE;
                    }
                    w.println("tributary: unexpected error (a bug; please report it with this trace):");
                    e.printStackTrace(w);
                    return EXIT_BUG;
                });
        cli.getSubcommands().values().forEach(sub -> {
            sub.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST,
                    TributaryCommand::optionList);
            if (sub.getCommandSpec().mixins().values().stream().anyMatch(m -> m.userObject() instanceof ScenarioOptions)) {
                ScenarioOptions.restrict(sub.getCommandSpec());
            }
        });
        int code = cli.execute(args);
        outWriter.flush();
        errWriter.flush();
        return code;
    }

    /**
     * A command's options, its own first, then the Kafka ones and the scenario's under headings
     * of their own; of the scenario's, only those the command uses ({@link ScenarioOptions#NOT_USED}).
     */
    private static String optionList(CommandLine.Help help) {
        java.util.Set<CommandLine.Model.OptionSpec> scenario = new java.util.LinkedHashSet<>();
        java.util.Set<CommandLine.Model.OptionSpec> kafka = new java.util.LinkedHashSet<>();
        help.commandSpec().mixins().values().forEach(mixin -> {
            if (mixin.userObject() instanceof ScenarioOptions) {
                scenario.addAll(mixin.options());
            } else if (mixin.userObject() instanceof KafkaOptions) {
                kafka.addAll(mixin.options());
            }
        });
        // The command's own list holds the hidden copies of those it does not use.
        scenario.retainAll(help.commandSpec().options());
        java.util.List<CommandLine.Model.OptionSpec> own = help.commandSpec().options().stream()
                .filter(o -> !scenario.contains(o) && !kafka.contains(o) && !o.hidden()).toList();
        StringBuilder list = new StringBuilder(help.optionListExcludingGroups(own));
        if (!kafka.isEmpty()) {
            list.append(String.format("%nKafka:%n"))
                    .append(help.optionListExcludingGroups(visible(kafka)));
        }
        if (!scenario.isEmpty()) {
            list.append(String.format("%nScenario (those this command uses; give every stage of a run the same%n"
                    + "values, so that all of them see one scenario; each defaults to the scenario's value):%n"))
                    .append(help.optionListExcludingGroups(visible(scenario)));
        }
        return list.toString();
    }

    private static java.util.List<CommandLine.Model.OptionSpec> visible(java.util.Set<CommandLine.Model.OptionSpec> options) {
        return options.stream().filter(o -> !o.hidden()).toList();
    }

    /**
     * A bad option or value: the error, picocli's suggestions for a mistyped name, and a one-line
     * hint, not the whole usage (a hundred lines that bury the one that matters). Only the bare
     * {@code tributary}, whose usage is the list of commands, prints its usage.
     */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter w = command.getErr();
        w.println("tributary: " + withoutSecrets(e.getMessage()));
        if (command.getParent() == null) {
            command.usage(w);
        } else {
            CommandLine.UnmatchedArgumentException.printSuggestions(e, w);
            w.println("See 'tributary " + command.getCommandName() + " --help' for its options.");
        }
        return EXIT_USAGE;
    }

    /** A secret-looking assignment inside an argument picocli quotes back: a mistyped option, a stray quote. */
    private static final java.util.regex.Pattern ECHOED_SECRET = java.util.regex.Pattern.compile(
            "(?i)(password|passphrase|secret|token|credentials?|jaas\\.config|api[_-]?key|user\\.info)(\\s*[=:]\\s*)"
                    + "(\"[^\"]*\"?|'[^']*'?|[^\\s,;'\"]+)");

    /**
     * @param message a usage error's message, which quotes the arguments it could not read
     * @return it with the value of anything that looks like a secret replaced by the mask
     */
    static String withoutSecrets(String message) {
        return message == null ? null : ECHOED_SECRET.matcher(message).replaceAll(
                "$1$2" + java.util.regex.Matcher.quoteReplacement(dev.tributary.common.config.Secrets.MASK));
    }

    /** @return the messages of an exception and its causes, on one line */
    static String causes(Throwable e) {
        StringBuilder line = new StringBuilder();
        for (Throwable t = e; t != null && line.length() < 1_000; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !line.toString().contains(t.getMessage())) {
                line.append(line.length() == 0 ? "" : ": ").append(t.getMessage());
            }
        }
        return line.toString().replace('\n', ' ');
    }

    /** The version line: Tributary, commit, Kafka and DL4J versions. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            BuildInfo build = BuildInfo.current();
            return new String[] {"tributary " + build.version() + " (commit " + build.gitCommit() + ")",
                    "Kafka " + build.kafkaVersion() + ", Deeplearning4j " + build.dl4jVersion(),
                    "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name") + " "
                            + System.getProperty("os.arch")};
        }
    }
}
