package dev.tributary.producer;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a data set line by line keeping each line's bytes, so that a rejected row reaches the
 * dead-letter topic exactly as it was in the file, bytes that are not UTF-8 included. A line
 * ends at {@code \n}, {@code \r} or {@code \r\n}, as for {@link java.io.BufferedReader}; its text
 * is the bytes decoded as UTF-8 with U+FFFD for malformed input, so that one bad row is rejected
 * on its own rather than failing the file.
 */
final class LineReader implements AutoCloseable {

    /**
     * One line, without its terminator.
     *
     * @param bytes the line as it is in the file
     * @param text  the line decoded as UTF-8, malformed input replaced by U+FFFD
     */
    record Line(byte[] bytes, String text) {
    }

    private final InputStream in;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream(256);
    /** The previous line ended at a {@code \r}: a {@code \n} right after it belongs to it. */
    private boolean afterCarriageReturn;
    private long lineNumber;

    LineReader(InputStream in) {
        this.in = new BufferedInputStream(in, 64 * 1024);
    }

    /** @return the next line, or {@code null} at the end of the input */
    Line next() throws IOException {
        current.reset();
        for (int b; (b = in.read()) != -1; ) {
            boolean swallow = afterCarriageReturn && b == '\n';
            afterCarriageReturn = false;
            if (swallow) {
                continue;
            }
            if (b == '\n' || b == '\r') {
                afterCarriageReturn = b == '\r';
                return line();
            }
            current.write(b);
        }
        return current.size() == 0 ? null : line();
    }

    /** @return the 1-based number of the line {@link #next} returned last (0 before the first) */
    long lineNumber() {
        return lineNumber;
    }

    private Line line() {
        lineNumber++;
        byte[] bytes = current.toByteArray();
        return new Line(bytes, new String(bytes, StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
