package dev.tributary.model.internals;

import dev.tributary.common.TributaryException;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * Checks, before ND4J sees them, the bytes of one array as {@code Nd4j.write} stores it in a
 * Deeplearning4j model ({@code coefficients.bin}, {@code updaterState.bin}): ND4J's reader
 * allocates (and zero-fills) whatever length a header declares before it reads the data, so a
 * header that lies costs native memory that a cut-short body never repays.
 *
 * <p>The layout, big-endian as {@link java.io.DataOutputStream} writes it, is two buffers one
 * after the other, each a header (allocation mode as a UTF string, element count as a long,
 * element type as a UTF string) followed by its elements:
 * <ol>
 *   <li>the shape information, {@code LONG}s: rank, shape, strides, option bits, element-wise
 *       stride, order;</li>
 *   <li>the data, here {@code FLOAT}s.</li>
 * </ol>
 * Only what this project's networks write is accepted: a dense, C-ordered float vector
 * ({@code [n]} or {@code [1, n]}) of exactly the expected length, with exactly that many floats
 * after the headers and nothing more.
 */
final class Nd4jArrayHeader {

    /** The allocation mode ND4J writes: element counts are longs and each buffer names its type. */
    static final String ALLOCATION_MODE = "MIXED_DATA_TYPES";
    /** The option bits of a plain float array (ND4J's {@code ArrayOptionsHelper}: the FLOAT type bit, no flags). */
    static final long FLOAT_OPTIONS = 8192;
    private static final long C_ORDER = 'c';
    private static final int FLOAT_BYTES = Float.BYTES;

    private Nd4jArrayHeader() {
    }

    /**
     * @param entry    the entry's bytes, as found
     * @param name     the entry's name, for the message
     * @param expected the number of floats the architecture calls for
     * @throws TributaryException if the bytes are anything but that array
     */
    static void requireFloatVector(byte[] entry, String name, long expected) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(entry));
            long shapeLength = header(in, name, "LONG", "shape information");
            if (shapeLength != 6 && shapeLength != 8) {
                throw reject(name, "its shape information holds " + shapeLength + " values, not those of a vector");
            }
            long[] shapeInfo = new long[(int) shapeLength];
            for (int i = 0; i < shapeInfo.length; i++) {
                shapeInfo[i] = in.readLong();
            }
            requireVector(shapeInfo, name, expected);
            long dataLength = header(in, name, "FLOAT", "data");
            if (dataLength != expected) {
                throw reject(name, "it declares " + dataLength + " floats, the architecture has " + expected);
            }
            long present = in.available();
            if (present != expected * FLOAT_BYTES) {
                throw reject(name, "it holds " + present + " bytes of data, " + expected + " floats take "
                        + expected * FLOAT_BYTES);
            }
        } catch (IOException e) {
            // A body cut inside the headers, or a string that is not modified UTF-8.
            throw reject(name, "its header is unreadable (" + e + ")");
        }
    }

    /** Reads one buffer's header and returns its declared element count. */
    private static long header(DataInputStream in, String name, String type, String what) throws IOException {
        String mode = in.readUTF();
        if (!ALLOCATION_MODE.equals(mode)) {
            throw reject(name, "its " + what + " buffer has allocation mode '" + cut(mode) + "', not " + ALLOCATION_MODE);
        }
        long length = in.readLong();
        String found = in.readUTF();
        if (!type.equals(found)) {
            throw reject(name, "its " + what + " buffer holds '" + cut(found) + "', not " + type);
        }
        return length;
    }

    /** Rank 1 {@code [n]} stride {@code [1]}, or rank 2 {@code [1, n]} strides {@code [n, 1]}; dense, C order. */
    private static void requireVector(long[] info, String name, long expected) {
        boolean shaped = info.length == 6
                ? info[0] == 1 && info[1] == expected && info[2] == 1
                : info[0] == 2 && info[1] == 1 && info[2] == expected && info[3] == expected && info[4] == 1;
        int n = info.length;
        if (!shaped || info[n - 3] != FLOAT_OPTIONS || info[n - 2] != 1 || info[n - 1] != C_ORDER) {
            throw reject(name, "its shape information " + java.util.Arrays.toString(info)
                    + " is not that of a dense float vector of " + expected);
        }
    }

    private static String cut(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    private static TributaryException reject(String name, String why) {
        return new TributaryException("not a model artifact: network entry " + name + ": " + why);
    }
}
