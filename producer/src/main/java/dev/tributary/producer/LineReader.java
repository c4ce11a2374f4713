package dev.tributary.producer;

import dev.tributary.common.TributaryException;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a data set line by line keeping each line's bytes, so that a rejected row reaches the
 * dead-letter topic exactly as it was in the file, bytes that are not UTF-8 included. A line
 * ends at {@code \n}, {@code \r} or {@code \r\n}, as for {@link java.io.BufferedReader}; its text
 * is the bytes decoded as UTF-8 with U+FFFD for malformed input, so that one bad row is rejected
 * on its own rather than failing the file.
 *
 * <p>Memory is bounded whatever the input: a line longer than {@code maxLineBytes} is read to its
 * end without being kept, and comes back as its first {@value #PREVIEW_BYTES} bytes and its length
 * ({@link Line#tooLong()}), to be rejected on its own. A header line is never that long
 * ({@link #nextHeader}): a file whose first line has no end ({@code /dev/zero}) fails at once. A
 * UTF-8 byte-order mark is skipped; a UTF-16 one is refused, since every row would be garbage.
 */
final class LineReader implements AutoCloseable {

    /** How much of a line too long to keep is kept, for the dead-letter topic. */
    static final int PREVIEW_BYTES = 256;

    /**
     * One line, without its terminator.
     *
     * @param bytes  the line as it is in the file, or its first {@value #PREVIEW_BYTES} bytes if it is too long
     * @param text   those bytes decoded as UTF-8, malformed input replaced by U+FFFD
     * @param length the line's length in bytes
     */
    record Line(byte[] bytes, String text, long length) {
        /** @return whether the line was longer than the reader keeps, and only its start is here */
        boolean tooLong() {
            return length > bytes.length;
        }
    }

    private final InputStream in;
    private final String location;
    private final int maxLineBytes;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream(256);
    /** The previous line ended at a {@code \r}: a {@code \n} right after it belongs to it. */
    private boolean afterCarriageReturn;
    private boolean started;
    private long lineNumber;

    /**
     * @param in           the file
     * @param location     where it is, for errors
     * @param maxLineBytes the longest line kept whole
     */
    LineReader(InputStream in, String location, int maxLineBytes) {
        this.in = new BufferedInputStream(in, 64 * 1024);
        this.location = location;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * @return the next line (only the start of one too long, see {@link Line#tooLong()}), or
     *         {@code null} at the end of the input
     * @throws TributaryException if the file is UTF-16
     */
    Line next() throws IOException {
        return read(false);
    }

    /**
     * @return the next line, or {@code null} at the end of the input
     * @throws TributaryException as soon as the line passes {@code maxLineBytes}, or if it holds a
     *                            NUL byte: a header is short text, and this is not
     */
    Line nextHeader() throws IOException {
        Line line = read(true);
        if (line != null) {
            for (byte b : line.bytes()) {
                if (b == 0) {
                    throw new TributaryException(location + ":" + lineNumber + ": the header holds NUL bytes: "
                            + "a binary file, or UTF-16 without a byte-order mark? Data sets are UTF-8 text");
                }
            }
        }
        return line;
    }

    private Line read(boolean header) throws IOException {
        if (!started) {
            started = true;
            skipByteOrderMark();
        }
        current.reset();
        long length = 0;
        for (int b; (b = in.read()) != -1; ) {
            boolean swallow = afterCarriageReturn && b == '\n';
            afterCarriageReturn = false;
            if (swallow) {
                continue;
            }
            if (b == '\n' || b == '\r') {
                afterCarriageReturn = b == '\r';
                return line(length);
            }
            length++;
            if (length <= maxLineBytes) {
                current.write(b);
            } else if (header) {
                lineNumber++;
                throw new TributaryException(location + ":" + lineNumber + ": the header line is longer than "
                        + maxLineBytes + " bytes (split.max-line-bytes): is this a text file?");
            }
        }
        return length == 0 ? null : line(length);
    }

    /** @return the 1-based number of the line {@link #next} returned last (0 before the first) */
    long lineNumber() {
        return lineNumber;
    }

    private Line line(long length) {
        lineNumber++;
        byte[] bytes = current.toByteArray();
        if (length > maxLineBytes) {
            bytes = Arrays.copyOf(bytes, PREVIEW_BYTES);
        }
        return new Line(bytes, new String(bytes, StandardCharsets.UTF_8), length);
    }

    private void skipByteOrderMark() throws IOException {
        in.mark(3);
        int first = in.read();
        int second = in.read();
        if ((first == 0xFE && second == 0xFF) || (first == 0xFF && second == 0xFE)) {
            throw new TributaryException(location + " is UTF-16 (it starts with a UTF-16 byte-order mark): data sets "
                    + "are read as UTF-8; convert it first, e.g. iconv -f UTF-16 -t UTF-8");
        }
        if (first == 0xEF && second == 0xBB && in.read() == 0xBF) {
            return;
        }
        in.reset();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
