package dev.tributary.model.test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Builds hostile model records from a real one (the output of {@code ModelCodec.encode}), by
 * replacing one entry of the artifact's zip, or one entry of the Deeplearning4j zip inside its
 * {@value #NETWORK} entry. The ND4J array layout is written here independently of the reader
 * under test: per buffer, an allocation mode (UTF), an element count (long) and an element type
 * (UTF), then the elements; first the shape information, then the data.
 */
public final class CraftedModelRecords {

    /** The artifact's entries, in the order {@code ModelCodec} writes them. */
    public static final String METADATA = "tributary-model.json";
    /** The standardizer's entry. */
    public static final String STANDARDIZER = "standardizer.json";
    /** The network's entry, itself Deeplearning4j's zip. */
    public static final String NETWORK = "network.dl4j";
    /** Inside the network's entry: its configuration. */
    public static final String CONFIGURATION = "configuration.json";
    /** Inside the network's entry: its parameters. */
    public static final String COEFFICIENTS = "coefficients.bin";
    /** Inside the network's entry: Adam's state. */
    public static final String UPDATER_STATE = "updaterState.bin";
    /** The number of floats the record claimed: 2^31, 8 GiB once allocated. */
    public static final long HUGE_LENGTH = 1L << 31;

    private CraftedModelRecords() {
    }

    /** @return the zip's entries by name, in their order */
    public static Map<String, byte[]> entries(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** @return a zip of the entries, in the map's order */
    public static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @return the artifact with one entry's content replaced (or removed, for {@code null}) */
    public static byte[] withEntry(byte[] artifact, String name, byte[] content) {
        Map<String, byte[]> entries = entries(artifact);
        if (content == null) {
            entries.remove(name);
        } else {
            entries.put(name, content);
        }
        return zip(entries);
    }

    /** @return the artifact with one entry of its network's zip replaced (or removed, for {@code null}) */
    public static byte[] withNetworkEntry(byte[] artifact, String name, byte[] content) {
        return withEntry(artifact, NETWORK, withEntry(entries(artifact).get(NETWORK), name, content));
    }

    /** @return one entry of the artifact's network zip */
    public static byte[] networkEntry(byte[] artifact, String name) {
        return entries(entries(artifact).get(NETWORK)).get(name);
    }

    /**
     * @param shapeInfo    the shape information as ND4J stores it (rank, shape, strides, option bits,
     *                     element-wise stride, order)
     * @param dataMode     the data buffer's allocation mode
     * @param dataType     the data buffer's element type
     * @param dataLength   the element count the data header declares
     * @param floatsPresent how many floats actually follow
     * @return an array in ND4J's layout, lying as asked
     */
    public static byte[] nd4jArray(long[] shapeInfo, String dataMode, String dataType, long dataLength,
                                   int floatsPresent) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF("MIXED_DATA_TYPES");
            out.writeLong(shapeInfo.length);
            out.writeUTF("LONG");
            for (long v : shapeInfo) {
                out.writeLong(v);
            }
            out.writeUTF(dataMode);
            out.writeLong(dataLength);
            out.writeUTF(dataType);
            for (int i = 0; i < floatsPresent; i++) {
                out.writeFloat(0.25f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @return the shape information of a dense C-ordered float vector of {@code length} */
    public static long[] vectorShape(long length) {
        return new long[] {1, length, 1, 8192, 1, 'c'};
    }

    /**
     * The 39 KB record: its parameters' headers declare {@link #HUGE_LENGTH} floats, and
     * only {@code floatsPresent} follow.
     *
     * @param artifact a real encoded artifact
     * @param entry    {@link #COEFFICIENTS} or {@link #UPDATER_STATE}
     * @return the record
     */
    public static byte[] lyingArrayHeader(byte[] artifact, String entry) {
        return withNetworkEntry(artifact, entry,
                nd4jArray(vectorShape(HUGE_LENGTH), "MIXED_DATA_TYPES", "FLOAT", HUGE_LENGTH, 10_000));
    }

    /**
     * The 295 KB record: the standardizer's JSON inflates to {@code inflatedBytes}, here
     * mostly one array of zeros, without the content ever being held in memory while it is built.
     *
     * @param artifact      a real encoded artifact
     * @param inflatedBytes about how large the standardizer entry inflates
     * @param filler        what fills it: {@code "0,"} (one value after another), {@code " "}
     *                      (whitespace) or {@code "1"} (one long number)
     * @return the record
     */
    public static byte[] inflatedStandardizer(byte[] artifact, long inflatedBytes, String filler) {
        Map<String, byte[]> entries = entries(artifact);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(METADATA));
            zip.write(entries.get(METADATA));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(STANDARDIZER));
            zip.write("{\"count\":2,\"mean\":[".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = filler.repeat(1024 * 1024 / filler.length()).getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < inflatedBytes; written += chunk.length) {
                zip.write(chunk);
            }
            zip.write("0],\"m2\":[0,0,0]}".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(NETWORK));
            zip.write(entries.get(NETWORK));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @return a copy of the bytes with one byte changed */
    public static byte[] flipped(byte[] bytes, int index, int xor) {
        byte[] copy = Arrays.copyOf(bytes, bytes.length);
        copy[index] ^= (byte) xor;
        return copy;
    }
}
