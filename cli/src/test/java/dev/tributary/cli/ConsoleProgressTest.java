package dev.tributary.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleProgressTest {

    /** The decision reads the descriptor's link, as /proc/self/fd shows a terminal, a file or a pipe. */
    @Test
    void theBarIsDrawnOnlyWhenStandardErrorIsATerminal(@TempDir Path dir) throws Exception {
        Path log = Files.createFile(dir.resolve("err.log"));
        assertTrue(ConsoleProgress.isTerminal(Files.createSymbolicLink(dir.resolve("pts"), Path.of("/dev/pts/3"))));
        assertTrue(ConsoleProgress.isTerminal(Files.createSymbolicLink(dir.resolve("tty"), Path.of("/dev/tty1"))));
        assertFalse(ConsoleProgress.isTerminal(Files.createSymbolicLink(dir.resolve("file"), log)), "2>file");
        assertFalse(ConsoleProgress.isTerminal(Files.createSymbolicLink(dir.resolve("pipe"), Path.of("pipe:[12345]"))),
                "2>&1 | tee");
        // Surefire hands the test JVM a pipe or a file, never a terminal.
        assertFalse(ConsoleProgress.isTerminal(ConsoleProgress.STDERR));
    }
}
