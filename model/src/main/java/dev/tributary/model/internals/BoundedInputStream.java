package dev.tributary.model.internals;

import dev.tributary.common.TributaryException;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * One entry of an untrusted zip, read through a byte budget: reading past {@code limitBytes}
 * throws at once, so a reader (a JSON parser, a copy into an array) can never inflate more than
 * the entry may hold. Closing it leaves the underlying stream open, for the zip's next entry.
 */
public final class BoundedInputStream extends FilterInputStream {

    private final String name;
    private final long limitBytes;
    private long readBytes;

    /**
     * @param in         the entry's content (a {@link java.util.zip.ZipInputStream} positioned on it)
     * @param name       the entry's name, for the message
     * @param limitBytes the most it may hold, inflated
     */
    public BoundedInputStream(InputStream in, String name, long limitBytes) {
        super(in);
        this.name = name;
        this.limitBytes = limitBytes;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        // Asking for one byte more than the budget is what lets an over-long entry be told apart.
        int n = in.read(buffer, offset, (int) Math.min(length, limitBytes - readBytes + 1));
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(Math.min(n, limitBytes - readBytes + 1));
        count(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() {
        // The zip stays open: its next entry is read after this one.
    }

    private void count(long n) {
        readBytes += n;
        if (readBytes > limitBytes) {
            throw new TributaryException("not a model artifact: entry " + name + " inflates to more than "
                    + limitBytes + " bytes");
        }
    }

    /** @return the bytes read so far */
    public long bytesRead() {
        return readBytes;
    }

    /**
     * Reads the rest of the entry and forgets it, within the budget: a zip moving on to its next
     * entry would otherwise inflate whatever is left, without limit.
     *
     * @throws IOException if the zip is unreadable
     */
    public void drain() throws IOException {
        byte[] buffer = new byte[64 * 1024];
        while (read(buffer, 0, buffer.length) > 0) {
            // discarded
        }
    }

    /**
     * @return the rest of the entry, within the budget; the array grows with what is actually
     *         read, never to a size the entry merely declares
     * @throws IOException if the zip is unreadable
     */
    public byte[] readAllWithinLimit() throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream((int) Math.min(limitBytes, 64 * 1024));
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = read(buffer, 0, buffer.length)) > 0; ) {
            content.write(buffer, 0, n);
        }
        return content.toByteArray();
    }
}
