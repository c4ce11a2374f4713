package dev.tributary.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files so that a reader, or a crash, never sees half of one: the bytes go to a
 * temporary sibling first, which then replaces the destination in one atomic rename.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * @param file    the destination; its directory is created if needed
     * @param content the whole content
     * @throws TributaryException if the file cannot be written
     */
    public static void write(Path file, byte[] content) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                Files.write(tmp, content);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new TributaryException("cannot write " + file + ": " + e, e);
        }
    }
}
