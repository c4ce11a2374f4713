package dev.tributary.cli;

import dev.tributary.common.TributaryException;
import dev.tributary.common.config.ConfigException;
import dev.tributary.common.provenance.BuildInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The root {@code tributary} command. Run without a subcommand it prints its usage.
 */
@Command(name = "tributary",
        mixinStandardHelpOptions = true,
        versionProvider = TributaryCommand.Version.class,
        description = "Batch versus streaming learning on Apache Kafka, measured.",
        subcommands = {RunCommand.class, ProduceCommand.class, TrainBatchCommand.class, TrainStreamCommand.class,
                EvaluateCommand.class, CommandLine.HelpCommand.class})
public final class TributaryCommand implements Runnable {

    /** Exit code of a bad option or value (picocli's usage code). */
    public static final int EXIT_USAGE = CommandLine.ExitCode.USAGE;
    /** Exit code of a known operational failure. */
    public static final int EXIT_FAILURE = 3;
    /** Exit code of a bug. */
    public static final int EXIT_BUG = CommandLine.ExitCode.SOFTWARE;

    /**
     * Configuration fields and the options that set them, so that an invalid value is reported
     * under the name the user typed.
     */
    static final Map<String, String> OPTION_OF_FIELD = Map.ofEntries(
            Map.entry("split.train-fraction", "--train-fraction"),
            Map.entry("model.hidden-layers", "--hidden-layers"),
            Map.entry("model.learning-rate", "--learning-rate"),
            Map.entry("batch.epochs", "--epochs"),
            Map.entry("batch.batch-size", "--batch-size"),
            Map.entry("stream.batch-size", "--stream-batch-size"),
            Map.entry("stream.epochs", "--stream-epochs"),
            Map.entry("stream.max-poll-records", "--max-poll-records"),
            Map.entry("stream.checkpoint-every", "--checkpoint-every"),
            Map.entry("stream.idle-timeout-ms", "--idle-timeout-ms"),
            Map.entry("stream.max-records", "--max-records"),
            Map.entry("stream.group-id", "--group-id"),
            Map.entry("dataset.name", "--dataset-name"),
            Map.entry("dataset.label-column", "--label-column"),
            Map.entry("dataset.ignored-columns", "--ignore-column"),
            Map.entry("dataset.classes", "--classes"),
            Map.entry("dataset.location", "--csv"));

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
     * @return the exit code: 0 ok, 2 bad option or value, 3 operational failure, 1 bug
     */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        PrintWriter outWriter = new PrintWriter(out, true, StandardCharsets.UTF_8);
        PrintWriter errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8);
        CommandLine cli = new CommandLine(new TributaryCommand())
                .setOut(outWriter)
                .setErr(errWriter)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                    PrintWriter w = commandLine.getErr();
                    if (e instanceof ConfigException c) {
                        String option = OPTION_OF_FIELD.get(c.field());
                        w.println("tributary: invalid value for " + (option == null ? c.field() : "option '" + option + "'")
                                + ": " + c.problem());
                        return EXIT_USAGE;
                    }
                    if (e instanceof TributaryException) {
                        w.println("tributary: " + e.getMessage());
                        return EXIT_FAILURE;
                    }
                    w.println("tributary: unexpected error (a bug; please report it with this trace):");
                    e.printStackTrace(w);
                    return EXIT_BUG;
                });
        int code = cli.execute(args);
        outWriter.flush();
        errWriter.flush();
        return code;
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
