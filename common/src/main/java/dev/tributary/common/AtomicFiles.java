package dev.tributary.common;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Writes files so that a reader, or a crash, never sees half of one: the bytes go to a
 * temporary sibling first, which then replaces the destination in one atomic rename.
 */
public final class AtomicFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    /**
     * @param file    the destination; its directory is created if needed
     * @param content the whole content
     * @throws TributaryException if the file cannot be written
     */
    public static void write(Path file, byte[] content) {
        write(file, out -> out.write(content));
    }

    /**
     * @param file    the destination; its directory is created if needed
     * @param content writes the whole content to the stream it is given (which it need not close),
     *                so that a large file is never held in memory
     * @throws TributaryException if the file cannot be written; the destination is then untouched
     */
    public static void write(Path file, Content content) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            // Not Files.createTempFile: it makes the file owner-only (0600), which the rename kept, so reports
            // could not be served or shared; a plain new file gets the permissions the umask gives any file.
            Path tmp = dir.resolve("." + file.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
            try {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE), 64 * 1024)) {
                    content.writeTo(out);
                }
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new TributaryException("cannot write " + file + ": " + e, e);
        }
    }

    /** A file's content, written to a stream. */
    @FunctionalInterface
    public interface Content {
        /**
         * @param out where the content goes
         * @throws IOException if writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }
}
