package dev.tributary.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

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
    @ValueSource(strings = {"run", "produce", "train-batch", "train-stream", "evaluate"})
    void everyCommandHasHelpWithDefaults(String command) {
        Outcome help = tributary(command, "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().startsWith("Usage: tributary " + command), help.out());
        assertTrue(help.out().contains("--bootstrap-servers"), help.out());
        assertTrue(help.out().contains("Default: breast-cancer"), "defaults are shown: " + help.out());
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
    }

    @ParameterizedTest
    @ValueSource(strings = {"--epochs=-1", "--train-fraction=1.5", "--learning-rate=0", "--hidden-layers=128,0",
            "--stream-batch-size=0", "--checkpoint-every=0", "--max-records=-5", "--dataset-name=bad name"})
    void invalidValueNamesTheOptionWithExitCodeTwo(String option) {
        Outcome bad = tributary("run", option);
        String name = option.substring(0, option.indexOf('='));
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("invalid value for option '" + name + "'"), bad.err());
        assertFalse(bad.err().contains("\tat "), "no stack trace for bad input: " + bad.err());
    }

    @Test
    void typeErrorsArePicocliUsageErrors() {
        Outcome bad = tributary("run", "--epochs", "many");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--epochs"), bad.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"produce", "train-batch", "train-stream", "evaluate"})
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
    void missingInputIsAnOperationalFailureInOneLine(@TempDir Path dir) {
        Outcome missing = tributary("produce", "--bootstrap-servers", "localhost:1",
                "--csv", dir.resolve("absent.csv").toString());
        assertEquals(3, missing.code(), missing.err());
        assertTrue(missing.err().contains("data set file not found"), missing.err());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
    }
}
