package dev.tributary.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AtomicFilesTest {

    @Test
    void writesTheWholeFileWithThePermissionsAnyNewFileGets(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("out/index.html");
        AtomicFiles.write(report, "<html>".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(report, "<html>2".getBytes(StandardCharsets.UTF_8));
        assertEquals("<html>2", Files.readString(report));
        Path plain = Files.createFile(dir.resolve("out/plain.txt"));
        // Whatever the umask, the same as a file created the ordinary way (not owner-only 0600).
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(report));
        try (var files = Files.list(dir.resolve("out"))) {
            assertEquals(2, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void aFailedWriteLeavesTheDestinationUntouched(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("results.json");
        AtomicFiles.write(file, "{}".getBytes(StandardCharsets.UTF_8));
        assertThrows(java.io.IOException.class, () -> {
            try {
                AtomicFiles.write(file, out -> {
                    out.write('x');
                    throw new java.io.IOException("disk full");
                });
            } catch (TributaryException e) {
                throw (java.io.IOException) e.getCause();
            }
        });
        assertEquals("{}", Files.readString(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }
}
