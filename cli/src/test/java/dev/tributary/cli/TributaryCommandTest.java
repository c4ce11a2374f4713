package dev.tributary.cli;

import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.config.ScenarioFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line's contract without a broker: help, usage errors and their exit codes. */
class TributaryCommandTest {

    /** What one invocation printed and returned. */
    record Outcome(int code, String out, String err) {
    }

    static Outcome tributary(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = TributaryCommand.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "produce", "train-batch", "train-stream", "evaluate", "score", "serve-bench", "soak", "scenarios",
            "export"})
    void everyCommandHasHelpWithDefaults(String command) {
        Outcome help = tributary(command, "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().startsWith("Usage: tributary " + command), help.out());
        boolean offline = command.equals("scenarios") || command.equals("export");
        assertEquals(!offline, help.out().contains("--bootstrap-servers"), help.out());
        assertTrue(help.out().contains("Default: breast-cancer"), "defaults are shown: " + help.out());
        String flat = help.out().replaceAll("\\s+", " ");
        assertEquals(1, flat.split("Default: breast-cancer", -1).length - 1, "the default once: " + help.out());
        assertFalse(flat.contains("Default: {}") || flat.contains("Default: []"), "no empty defaults: " + help.out());
        assertTrue(flat.matches(".*--seed=N Master seed;[^.]*\\([^)]*\\)\\. Default: the scenario's\\..*"),
                "a scenario-level option says where its default comes from: " + help.out());
    }

    @Test
    void everyDescriptionIsAFormatPicocliCanRender() {
        // picocli formats each line of a command's description as a format string; "95% interval"
        // failed to, so `compare --help` printed a warning and the raw text. An unescaped % in any
        // command's description, header or footer shows up here.
        CommandLine root = new CommandLine(TributaryCommand.class);
        List<CommandLine> commands = new java.util.ArrayList<>(root.getSubcommands().values());
        commands.add(root);
        List<String> unrenderable = new java.util.ArrayList<>();
        for (CommandLine command : commands) {
            CommandLine.Model.CommandSpec spec = command.getCommandSpec();
            List<String> lines = new java.util.ArrayList<>(List.of(spec.usageMessage().description()));
            lines.addAll(List.of(spec.usageMessage().header()));
            lines.addAll(List.of(spec.usageMessage().footer()));
            for (String line : lines) {
                try {
                    String.format(line);
                } catch (java.util.IllegalFormatException e) {
                    unrenderable.add(spec.qualifiedName() + ": " + line + " (" + e + ")");
                }
            }
        }
        assertEquals(List.of(), unrenderable);
    }

    @Test
    void scenariosListsEveryBuiltInOnALine() {
        Outcome list = tributary("scenarios");
        assertEquals(0, list.code(), list.err());
        List<String> lines = list.out().lines().toList();
        assertEquals(ScenarioFiles.BUILT_IN.size(), lines.size(), list.out());
        for (int i = 0; i < lines.size(); i++) {
            assertTrue(lines.get(i).startsWith(ScenarioFiles.BUILT_IN.get(i) + " "), lines.get(i));
        }
    }

    @Test
    void showPrintsAScenarioThatLoadsBackWithTheOverrides(@TempDir Path dir) throws Exception {
        Outcome shown = tributary("scenarios", "--show", "--scenario", "rbf-drift", "--events", "777", "--epochs", "4");
        assertEquals(0, shown.code(), shown.err());
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, shown.out());
        ScenarioConfig reloaded = ScenarioFiles.load(file.toString(), Map.of());
        assertEquals(777, reloaded.source().events());
        assertEquals(4, reloaded.batch().epochs());
        assertEquals(ScenarioFiles.load("rbf-drift", Map.of("source.events", 777L, "batch.epochs", 4)), reloaded);
    }

    @Test
    void timeOrderedKeepsADataSetsFileOrderAndSaysSo() {
        Outcome holdout = tributary("scenarios", "--show");
        assertTrue(holdout.out().contains("shuffle: true"), "the tutorial shuffles: " + holdout.out());
        Outcome ordered = tributary("scenarios", "--show", "--time-ordered");
        assertEquals(0, ordered.code(), ordered.err());
        assertTrue(ordered.out().contains("shuffle: false"), ordered.out());
        assertTrue(ordered.out().contains("in file order"), "the derived description says so: " + ordered.out());
        assertTrue(tributary("scenarios", "--show", "--protocol", "prequential").out().contains("shuffle: false"),
                "a prequential data set keeps its file order without the flag");
    }

    @Test
    void aBadScenarioFileIsRejectedNamingTheKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "name: bad\nstream: {epochs: -1}\n");
        Outcome bad = tributary("run", "--scenario", file.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("invalid value for stream.epochs: got -1"), bad.err());
    }

    @Test
    void benchRejectsBadSizesAndAMissingJmhFileBeforeMeasuring(@TempDir Path dir) {
        Outcome lengths = tributary("bench", "--cost-events", "1000");
        assertEquals(2, lengths.code());
        assertTrue(lengths.err().contains("--cost-events") && lengths.err().contains("SHORT,LONG"), lengths.err());
        Outcome order = tributary("bench", "--cost-events", "1000,10");
        assertEquals(2, order.code());
        assertTrue(order.err().contains("--cost-events"), order.err());
        Outcome jmh = tributary("bench", "--jmh", dir.resolve("none.json").toString(), "-o", dir.toString());
        assertEquals(3, jmh.code());
        assertTrue(jmh.err().contains("none.json"), jmh.err());
    }

    @Test
    void noSubcommandIsAUsageErrorThatListsThem() {
        Outcome none = tributary();
        assertEquals(2, none.code());
        assertTrue(none.err().contains("train-stream"), none.err());
    }

    @Test
    void unknownOptionIsNamedWithExitCodeTwo() {
        Outcome bad = tributary("run", "--epoch", "3");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("Unknown option") && bad.err().contains("'--epoch'"), bad.err());
        assertTrue(bad.err().contains("--epochs"), "the near name is suggested: " + bad.err());
        assertTrue(bad.err().contains("See 'tributary run --help'"), bad.err());
        assertFalse(bad.err().contains("Usage:"), "the error, not the whole usage: " + bad.err());
        assertTrue(bad.err().lines().count() <= 5, bad.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--epochs=-1", "--train-fraction=1.5", "--learning-rate=0", "--hidden-layers=128,0",
            "--stream-batch-size=0", "--checkpoint-every=0", "--max-records=-5", "--name=bad name", "--events=-3"})
    void invalidValueNamesTheOptionWithExitCodeTwo(String option) {
        Outcome bad = tributary("run", option);
        String name = option.substring(0, option.indexOf('='));
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("invalid value for option '" + name + "'"), bad.err());
        assertFalse(bad.err().contains("\tat "), "no stack trace for bad input: " + bad.err());
    }

    @Test
    void aClusterThatDoesNotAnswerFailsWithinTheConnectTimeoutNamingItsAddress() {
        // Port 1: nothing listens there; the probe gives up after the timeout, not Kafka's 60 s.
        Outcome none = tributary("produce", "--bootstrap-servers", "localhost:1", "--connect-timeout", "2");
        assertEquals(TributaryCommand.EXIT_FAILURE, none.code(), none.err());
        assertTrue(none.err().contains("no Kafka broker answered at localhost:1 within 2 s")
                && none.err().contains("--connect-timeout"), none.err());
        assertFalse(none.err().contains("\tat "), "one line, no stack trace: " + none.err());
        Outcome zero = tributary("produce", "--bootstrap-servers", "localhost:1", "--connect-timeout", "0");
        assertEquals(2, zero.code(), zero.err());
        assertTrue(zero.err().contains("--connect-timeout"), zero.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--max-batch=0", "--max-batch=-1", "--flush-interval-ms=-1", "--flush-interval-ms=0",
            "--commit-interval-ms=0"})
    void scorerSettingsItsStreamThreadWouldDieOfAreUsageErrors(String option) {
        // Once a dead stream thread under a live process; now refused before the cluster is dialled.
        Outcome bad = tributary("score", "--bootstrap-servers", "localhost:1", option);
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains(option.substring(0, option.indexOf('='))), bad.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--max-batch=0", "--flush-interval-ms=0", "--commit-interval-ms=0", "--commit-interval-ms=-5",
            "--warmups=-1"})
    void serveBenchRefusesScorerSettingsBeforeStartingAnything(String option) {
        Outcome bad = tributary("serve-bench", option);
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains(option.substring(0, option.indexOf('='))), bad.err());
        assertEquals(1, bad.err().strip().lines().count(), "one line, before any broker or model: " + bad.err());
    }

    @Test
    void helpListsTheCommandsOwnOptionsFirstThenKafkaThenTheScenario() {
        Outcome help = tributary("train-stream", "--help");
        assertEquals(0, help.code(), help.err());
        String out = help.out();
        // Each option's own line in the list (the usage synopsis above names them all too).
        int own = out.indexOf("\n      --strategy=NAME");
        int kafka = out.indexOf("\nKafka:\n");
        int scenario = out.indexOf("\nScenario (those this command uses");
        assertTrue(own > 0 && kafka > own && scenario > kafka, out);
        int bootstrap = out.indexOf("\n      --bootstrap-servers");
        assertTrue(bootstrap > kafka && bootstrap < scenario, out);
        assertTrue(out.indexOf("\n      --idle-timeout-ms") > scenario && out.indexOf("\n      --hidden-layers") > scenario,
                out);
        assertTrue(tributary("gate", "--help").out().indexOf("\nScenario (") < 0, "a command without a scenario has none");
    }

    /**
     * Each command's help lists the scenario options it uses and none of those it does not; given
     * one it does not use, a stage says so and goes on (here, to want a cluster or late labels).
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "run            | --epochs --idle-timeout-ms --strategies --rate --csv --label-delay-ms | ",
            "scenarios      | --epochs --idle-timeout-ms --strategies --csv                         | ",
            "produce        | --csv --events --rate --label-delay-events --protocol --seed            | --epochs --max-records --idle-timeout-ms --strategies --hidden-layers --curve-every",
            "export         | --csv --events --protocol --seed --max-line-bytes                       | --rate --label-delay-events --epochs --strategies --max-poll-records",
            "train-batch    | --csv --epochs --batch-size --hidden-layers --max-records --label-delay-events | --mini-batch --idle-timeout-ms --group-id --strategies --repetitions",
            "train-periodic | --epochs --idle-timeout-ms --max-records                             | --mini-batch --group-id --checkpoint-every --strategies",
            "train-stream   | --mini-batch --idle-timeout-ms --group-id --checkpoint-every --hidden-layers | --epochs --batch-size --strategies --warm-up",
            "score          | --csv --protocol --label-delay-events --rate                          | --epochs --hidden-layers --mini-batch --max-poll-records --strategies",
            "evaluate       | --csv --max-poll-records --seed                                       | --rate --label-delay-events --epochs --max-records --strategies",
            "evaluate-served | --label-delay-events --rate --max-poll-records                       | --epochs --hidden-layers --max-records --idle-timeout-ms --strategies",
            "join-labels    | --label-delay-events --label-horizon-events --rate                     | --epochs --hidden-layers --max-poll-records --strategies",
            "soak           | --events --rate --seed --protocol                                      | --strategies --epochs --csv --label-delay-events --max-records",
            "serve-bench    | --events --hidden-layers --epochs --seed                              | --rate --strategies --csv --mini-batch --label-delay-ms",
            "bench          | --events --hidden-layers --epochs --mini-batch --repetitions --curve-every       | --strategies --csv --label-delay-ms --warm-up"})
    void eachCommandShowsOnlyTheScenarioOptionsItUses(String command, String shown, String hidden) {
        Outcome help = tributary(command, "--help");
        assertEquals(0, help.code(), help.err());
        String list = help.out().substring(help.out().indexOf("\nScenario ("));
        for (String option : shown.split(" +")) {
            assertTrue(list.matches("(?s).*\\n  (-R, |    )" + java.util.regex.Pattern.quote(option) + "[=, \\n].*"),
                    command + " lists " + option + ":\n" + list);
        }
        for (String option : hidden == null ? new String[0] : hidden.split(" +")) {
            assertFalse(help.out().contains(option + "=") || help.out().contains(option + " ")
                    || help.out().contains(option + "]"), command + " does not list " + option + ":\n" + help.out());
            if (java.util.Set.of("produce", "train-batch", "train-periodic", "train-stream", "score", "evaluate",
                    "evaluate-served", "join-labels").contains(command)) {
                Outcome noted = tributary(command, option, option.equals("--warm-up") ? "true" : "1");
                assertEquals(2, noted.code(), command + " " + option + ": " + noted.err());
                assertTrue(noted.err().startsWith("tributary: note: " + command + " does not use " + option + " ("),
                        command + " " + option + ": " + noted.err());
                assertTrue(noted.err().lines().count() >= 2, "then goes on: " + noted.err());
            }
        }
    }

    @Test
    void aMistypedOptionDoesNotEchoTheSecretItCarried() {
        Outcome typo = tributary("run", "--kafka-proprety=sasl.jaas.config=x required username=\"u\" password=\"hunter2\";");
        assertEquals(2, typo.code(), typo.err());
        assertFalse(typo.err().contains("hunter2"), typo.err());
        Outcome quote = tributary("run", "-X", "ssl.key.password=\"hunter2", "--epoch", "1");
        assertFalse(quote.err().contains("hunter2"), quote.err());
        assertEquals("a password=[hidden] and token: [hidden], then more",
                TributaryCommand.withoutSecrets("a password=\"x y\" and token: abc, then more"));
    }

    @Test
    void typeErrorsArePicocliUsageErrors() {
        Outcome bad = tributary("run", "--epochs", "many");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--epochs"), bad.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"produce", "train-batch", "train-stream", "evaluate", "score"})
    void stagesNeedAClusterThatOutlivesThem(String command) {
        Outcome bad = tributary(command);
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--bootstrap-servers"), bad.err());
    }

    @Test
    void csvOptionsWithoutCsvAreRejected() {
        Outcome bad = tributary("run", "--label-column", "x");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--csv"), bad.err());
    }

    @Test
    void exportWritesAScenariosEventsWithoutABroker(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sea.arff");
        Outcome exported = tributary("export", "--scenario", "sea-abrupt", "--events", "500", "--drift-at", "250",
                "--protocol", "holdout", "--format", "arff", "-o", file.toString());
        assertEquals(0, exported.code(), exported.err());
        assertTrue(exported.out().contains("exported 500 events of sea-abrupt to " + file + " (arff): train 300 + test 200"),
                exported.out());
        assertTrue(exported.out().contains("read 500 = exported 500 + rejected 0"), exported.out());
        String text = Files.readString(file);
        assertTrue(text.contains("@relation sea-abrupt\n") && text.contains("% train: 300 events\n")
                && text.contains("% test: 200 events\n"), text.substring(0, 400));
        assertEquals(500, text.lines().filter(l -> !l.isEmpty() && !l.startsWith("%") && !l.startsWith("@")).count());

        Outcome usage = tributary("export", "--format", "xml", "-o", file.toString());
        assertEquals(2, usage.code());
        assertTrue(usage.err().contains("--format"), usage.err());
        assertEquals(2, tributary("export").code(), "--output is required");
    }

    @Test
    void anExportReadBackInFileOrderExportsTheSameEvents(@TempDir Path dir) throws Exception {
        Path arff = dir.resolve("bc.arff");
        Path arffAgain = dir.resolve("again.arff");
        assertEquals(0, tributary("export", "--format", "arff", "-o", arff.toString()).code());
        Outcome again = tributary("export", "--arff", arff.toString(), "--protocol", "prequential",
                "--format", "arff", "-o", arffAgain.toString());
        assertEquals(0, again.code(), again.err());
        assertEquals(dataRows(arff), dataRows(arffAgain));
        assertEquals(699, dataRows(arff).size());

        Path csv = dir.resolve("bc.csv");
        Path csvAgain = dir.resolve("again.csv");
        assertEquals(0, tributary("export", "-o", csv.toString()).code());
        again = tributary("export", "--csv", csv.toString(), "--label-column", "class", "--ignore-column", "split",
                "--protocol", "prequential", "-o", csvAgain.toString());
        assertEquals(0, again.code(), again.err());
        List<String> parts = Files.readAllLines(csv);
        assertEquals(parts.stream().map(l -> l.replaceFirst("^(split|train|test),", "")).toList(),
                Files.readAllLines(csvAgain), "the same header and rows, without the split column");
    }

    private static List<String> dataRows(Path arff) throws java.io.IOException {
        return Files.readAllLines(arff).stream().filter(l -> !l.isBlank() && !l.startsWith("%") && !l.startsWith("@"))
                .toList();
    }

    @Test
    void aCsvWithStrayQuotesIsReadRowByRow(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("quotes.csv");
        StringBuilder content = new StringBuilder("a,b,label\n");
        for (int i = 0; i < 20; i++) {
            content.append(i).append(',').append(i * 2).append(',').append(i % 2).append('\n');
            if (i == 3) {
                content.append("\"4,5,1\n");      // a quote that never closes
            }
            if (i == 9) {
                content.append("\"x\"y,1,abc\n"); // text after a closing quote; its label is no class
            }
        }
        Files.writeString(csv, content.toString());
        Outcome exported = tributary("export", "--csv", csv.toString(), "-o", dir.resolve("out.csv").toString());
        assertEquals(0, exported.code(), exported.err());
        assertTrue(exported.out().contains("read 22 = exported 20 + rejected 2"), exported.out());
        assertTrue(exported.out().contains("rejected by reason: {malformed=2}"), exported.out());
        assertTrue(Files.readAllLines(dir.resolve("out.csv")).stream().skip(1)
                .allMatch(l -> l.endsWith(",0") || l.endsWith(",1")), "two classes: 0 and 1");
    }

    @Test
    void arffOptionsAreCheckedAndABadHeaderIsOneLineNamingIt(@TempDir Path dir) throws Exception {
        Path arff = Files.writeString(dir.resolve("w.arff"), "@relation w\n@attribute x numeric\n@attribute c {a, b}\n"
                + "@data\n1,a\n2,b\n");
        Path out = dir.resolve("w.csv");
        Outcome ok = tributary("export", "--arff", arff.toString(), "--protocol", "prequential", "-o", out.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("exported 2 events of w to"), ok.out());

        Outcome csvOnly = tributary("export", "--arff", arff.toString(), "--classes", "a,b", "-o", out.toString());
        assertEquals(2, csvOnly.code());
        assertTrue(csvOnly.err().contains("only with --csv FILE"), csvOnly.err());
        Outcome both = tributary("export", "--arff", arff.toString(), "--csv", arff.toString(), "-o", out.toString());
        assertEquals(2, both.code());
        assertTrue(both.err().contains("one of --dataset, --csv, --arff"), both.err());
        Outcome noClass = tributary("export", "--arff", arff.toString(), "--label-column", "y", "-o", out.toString());
        assertEquals(2, noClass.code());
        assertTrue(noClass.err().contains("invalid value for option '--label-column': got y"), noClass.err());

        Path bad = Files.writeString(dir.resolve("bad.arff"), "@relation w\n@attribute x text\n@data\n");
        Outcome header = tributary("export", "--arff", bad.toString(), "-o", out.toString());
        assertEquals(3, header.code(), header.err());
        assertEquals("tributary: ARFF header, " + bad + ":2: attribute 'x': unknown type 'text', expected numeric, real, "
                + "integer or {nominal values}", header.err().strip());
    }

    @Test
    void missingInputIsAnOperationalFailureInOneLine(@TempDir Path dir) {
        Outcome missing = tributary("produce", "--bootstrap-servers", "localhost:1",
                "--csv", dir.resolve("absent.csv").toString());
        assertEquals(3, missing.code(), missing.err());
        assertTrue(missing.err().contains("data set file not found"), missing.err());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        // `run` checks its input before it starts the embedded broker it would otherwise start.
        Outcome run = tributary("run", "--csv", dir.resolve("absent.csv").toString());
        assertEquals(3, run.code(), run.err());
        assertEquals("tributary: data set file not found: " + dir.resolve("absent.csv"), run.err().strip());
        Outcome directory = tributary("run", "--csv", dir.toString());
        assertEquals(3, directory.code(), directory.err());
        assertEquals("tributary: data set file " + dir + " is a directory, not a file", directory.err().strip());
        // Endless input without a newline: refused at the line limit, in one line, not an OutOfMemoryError.
        Outcome zeros = tributary("run", "--csv", "/dev/zero");
        assertEquals(3, zeros.code(), zeros.err());
        assertEquals("tributary: /dev/zero:1: the header line is longer than 65536 bytes (split.max-line-bytes): is this "
                + "a text file?", zeros.err().strip());
    }

    @Test
    void anUnwritableOutputIsReportedBeforeAnyWork(@TempDir Path dir) throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("a-file"), "x");
        Outcome run = tributary("run", "-o", file.resolve("out").toString());
        assertEquals(3, run.code(), run.err());
        assertEquals("tributary: cannot write to --output " + file.resolve("out") + ": " + file + " is not a directory",
                run.err().strip());
        Outcome train = tributary("train-stream", "--bootstrap-servers", "localhost:1", "-o", file.toString());
        assertEquals(3, train.code(), train.err());
        assertTrue(train.err().contains("cannot write to --output " + file.resolve("models")), train.err());
        Outcome evaluate = tributary("evaluate", "--bootstrap-servers", "localhost:1", "-o", file.toString());
        assertEquals(3, evaluate.code(), evaluate.err());
        assertTrue(evaluate.err().contains("cannot write to --output " + file), evaluate.err());
        assertFalse(java.nio.file.Files.exists(dir.resolve("tributary-output")), "nothing is created by the check");
    }

    @Test
    void reportAndGateRejectAResultsFileOfAnUnknownSchemaVersionInOneLine(@TempDir Path dir) throws Exception {
        Path future = java.nio.file.Files.writeString(dir.resolve("results.json"), "{\"schemaVersion\": 99, \"runs\": []}");
        for (String[] command : new String[][] {{"report", future.toString()},
                {"gate", "--gates", dir.resolve("none.yaml").toString(), future.toString()},
                {"compare", future.toString(), future.toString()}}) {
            Outcome outcome = tributary(command);
            assertEquals(3, outcome.code(), command[0] + ": " + outcome.err());
            assertTrue(outcome.err().contains(future + " has results schemaVersion 99; this build reads schemaVersion 2"),
                    command[0] + ": " + outcome.err());
            assertEquals(1, outcome.err().strip().lines().count(), outcome.err());
        }
    }
}
