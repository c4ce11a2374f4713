package dev.tributary.model;

import dev.tributary.common.TributaryException;
import dev.tributary.common.config.ModelConfig;
import dev.tributary.common.provenance.ModelMetadata;
import dev.tributary.model.test.CraftedModelRecords;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

import static dev.tributary.model.test.CraftedModelRecords.COEFFICIENTS;
import static dev.tributary.model.test.CraftedModelRecords.CONFIGURATION;
import static dev.tributary.model.test.CraftedModelRecords.HUGE_LENGTH;
import static dev.tributary.model.test.CraftedModelRecords.METADATA;
import static dev.tributary.model.test.CraftedModelRecords.NETWORK;
import static dev.tributary.model.test.CraftedModelRecords.STANDARDIZER;
import static dev.tributary.model.test.CraftedModelRecords.UPDATER_STATE;
import static dev.tributary.model.test.CraftedModelRecords.entries;
import static dev.tributary.model.test.CraftedModelRecords.nd4jArray;
import static dev.tributary.model.test.CraftedModelRecords.networkEntry;
import static dev.tributary.model.test.CraftedModelRecords.vectorShape;
import static dev.tributary.model.test.CraftedModelRecords.withEntry;
import static dev.tributary.model.test.CraftedModelRecords.withNetworkEntry;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Hostile model records (issue 18, items 1 and 2): each crafted from a real artifact, each
 * must be rejected with a {@link TributaryException}, quickly, allocating little heap and no
 * native memory to speak of, and a good artifact must decode to the same model afterwards.
 */
class ModelCodecBoundsTest {

    /** 3 features, one hidden layer of 8, 2 classes: 41 parameters, 82 floats of Adam's state. */
    private static final ModelConfig CONFIG = new ModelConfig(List.of(8), 1e-2);
    /** A rejection must take well under this, in milliseconds; a 2-core machine shared with a build included. */
    private static final long MAX_DECODE_MILLIS = 2_000;
    /**
     * What one rejected decode may allocate on the heap, in bytes: configuration parsing and a few
     * buffers (measured: under 1 MB each, against 250 MB and more for the old decoder).
     */
    private static final long MAX_HEAP_BYTES_PER_DECODE = 8L * 1024 * 1024;
    /**
     * What decoding every crafted record, three times over, may add to the process's resident
     * memory, in bytes (measured: nothing; the old decoder zero-filled 8 GiB for one lying header).
     */
    private static final long MAX_RESIDENT_GROWTH_BYTES = 128L * 1024 * 1024;

    private static byte[] good;
    private static ModelArtifact goodDecoded;

    @BeforeAll
    static void encodeAGoodArtifact() {
        NeuralNetwork network = NeuralNetwork.create(CONFIG, 3, 2, 1);
        Standardizer standardizer = new Standardizer(3);
        double[][] rows = {{1, 2, 3}, {3, 2, 1}, {0, 1, 0}};
        standardizer.update(rows);
        network.fit(standardizer.transform(rows), new int[] {0, 1, 1});
        good = ModelCodec.encode(new ModelArtifact(network, standardizer,
                new ModelMetadata("online", 3, 3, "t", Map.of(0, 3L), 1L, CONFIG, 3, 2, 1, 0)));
        // The first decode loads DL4J's classes; later ones are what is measured.
        goodDecoded = ModelCodec.decode(good);
    }

    /**
     * Why some of the records must be rejected: each one is caught by the check made for it,
     * before anything is allocated at the size it declares.
     */
    private static final Map<String, String> REASONS = Map.ofEntries(
            // 3 features: 4 KiB and 64 bytes a feature.
            Map.entry("standardizer of 125 million zeros", "entry standardizer.json inflates to more than 4288 bytes"),
            Map.entry("standardizer padded with 250 MB of spaces", "entry standardizer.json inflates to more than 4288 bytes"),
            Map.entry("standardizer holding one 250 MB number", "entry standardizer.json inflates to more than 4288 bytes"),
            Map.entry("standardizer with 4 means for 3 features", "standardizer has more than 3 features in mean"),
            Map.entry("standardizer with a 1,000-digit number", "standardizer.json: not JSON"),
            Map.entry("standardizer with a field twice", "field mean appears twice"),
            Map.entry("parameters declaring 2^31 floats, body cut", "network.dl4j/coefficients.bin inflates to more than 420 bytes"),
            Map.entry("Adam state declaring 2^31 floats, body cut", "network.dl4j/updaterState.bin inflates to more than 584 bytes"),
            Map.entry("Adam state declaring 2^32 floats", "is not that of a dense float vector of 82"),
            Map.entry("right shape, data declaring 2^31 floats", "declares 2147483648 floats, the architecture has 41"),
            Map.entry("shape information of 2^40 longs", "holds 1099511627776 values"),
            Map.entry("parameters one float short", "holds 160 bytes of data, 41 floats take 164"),
            Map.entry("configuration naming a JDK class", "names class 'java.lang.Runtime'"),
            Map.entry("a Java-serialised preprocessor", "unexpected entry 'preprocessor.bin'"),
            Map.entry("configuration of 10 million parameters", "more than the 4194304 parameters"),
            Map.entry("metadata of 2^31 features", "describes no network"),
            Map.entry("an entry before the metadata", "its first entry is 'standardizer.json'"));

    /** The records, by what they do; every one is a rejection. */
    private static Map<String, byte[]> crafted() {
        Map<String, byte[]> records = new LinkedHashMap<>();
        // Item 1: a standardizer that inflates to 250,000,000 bytes, under the old 256 MiB cap.
        records.put("standardizer of 125 million zeros", CraftedModelRecords.inflatedStandardizer(good, 250_000_000, "0,"));
        records.put("standardizer padded with 250 MB of spaces", CraftedModelRecords.inflatedStandardizer(good, 250_000_000, " "));
        records.put("standardizer holding one 250 MB number", CraftedModelRecords.inflatedStandardizer(good, 250_000_000, "1"));
        records.put("standardizer with 4 means for 3 features", withEntry(good, STANDARDIZER,
                utf8("{\"count\":2,\"mean\":[1,2,3,4],\"m2\":[1,1,1]}")));
        records.put("standardizer with a 1,000-digit number", withEntry(good, STANDARDIZER,
                utf8("{\"count\":2,\"mean\":[" + "1".repeat(1000) + ",2,3],\"m2\":[1,1,1]}")));
        records.put("standardizer with a field twice", withEntry(good, STANDARDIZER,
                utf8("{\"count\":2,\"mean\":[1,2,3],\"mean\":[1,2,3],\"m2\":[1,1,1]}")));
        records.put("standardizer nested 100,000 deep", withEntry(good, STANDARDIZER,
                utf8("{\"mean\":" + "[".repeat(100_000))));

        // Item 2: ND4J headers that declare more than the body holds, or anything but a float vector.
        records.put("parameters declaring 2^31 floats, body cut", CraftedModelRecords.lyingArrayHeader(good, COEFFICIENTS));
        records.put("Adam state declaring 2^31 floats, body cut", CraftedModelRecords.lyingArrayHeader(good, UPDATER_STATE));
        records.put("Adam state declaring 2^32 floats", withNetworkEntry(good, UPDATER_STATE,
                nd4jArray(vectorShape(1L << 32), "MIXED_DATA_TYPES", "FLOAT", 1L << 32, 82)));
        records.put("right shape, data declaring 2^31 floats", withNetworkEntry(good, COEFFICIENTS,
                nd4jArray(vectorShape(41), "MIXED_DATA_TYPES", "FLOAT", HUGE_LENGTH, 41)));
        records.put("shape information of 2^40 longs", withNetworkEntry(good, COEFFICIENTS,
                shapeBufferOfLength(1L << 40)));
        records.put("parameters as COMPRESSED data", withNetworkEntry(good, COEFFICIENTS,
                nd4jArray(vectorShape(41), "MIXED_DATA_TYPES", "COMPRESSED", 41, 41)));
        records.put("parameters as DOUBLE data", withNetworkEntry(good, COEFFICIENTS,
                nd4jArray(vectorShape(41), "MIXED_DATA_TYPES", "DOUBLE", 41, 82)));
        records.put("parameters in the old HEAP mode", withNetworkEntry(good, COEFFICIENTS,
                nd4jArray(vectorShape(41), "HEAP", "FLOAT", 41, 41)));
        records.put("parameters one float short", withNetworkEntry(good, COEFFICIENTS,
                nd4jArray(vectorShape(41), "MIXED_DATA_TYPES", "FLOAT", 41, 40)));
        records.put("parameters one float long", withNetworkEntry(good, COEFFICIENTS,
                nd4jArray(vectorShape(41), "MIXED_DATA_TYPES", "FLOAT", 41, 42)));
        records.put("parameters with a stride past their end", withNetworkEntry(good, COEFFICIENTS,
                nd4jArray(new long[] {1, 41, 1_000_000, 8192, 1, 'c'}, "MIXED_DATA_TYPES", "FLOAT", 41, 41)));
        records.put("parameters as a 41x41 matrix", withNetworkEntry(good, COEFFICIENTS,
                nd4jArray(new long[] {2, 41, 41, 41, 1, 8192, 1, 'c'}, "MIXED_DATA_TYPES", "FLOAT", 41, 41)));
        records.put("parameters flagged empty", withNetworkEntry(good, COEFFICIENTS,
                nd4jArray(new long[] {1, 41, 1, 8192 | 2, 1, 'c'}, "MIXED_DATA_TYPES", "FLOAT", 41, 41)));
        records.put("Adam state of another length", withNetworkEntry(good, UPDATER_STATE,
                nd4jArray(vectorShape(41), "MIXED_DATA_TYPES", "FLOAT", 41, 41)));
        records.put("parameters cut inside the header", withNetworkEntry(good, COEFFICIENTS,
                java.util.Arrays.copyOf(networkEntry(good, COEFFICIENTS), 30)));

        // Wrong shapes: the configuration, the metadata and the arrays must agree.
        String json = new String(networkEntry(good, CONFIGURATION), StandardCharsets.UTF_8);
        String metadata = new String(entries(good).get(METADATA), StandardCharsets.UTF_8);
        records.put("metadata of 2^31 features", withEntry(good, METADATA,
                utf8(metadata.replace("\"numFeatures\":3", "\"numFeatures\":2147483647"))));
        records.put("configuration of 10 million parameters", withNetworkEntry(good, CONFIGURATION,
                utf8(json.replaceFirst("\"nout\" : 8", "\"nout\" : 2000000").replaceFirst("\"nin\" : 8", "\"nin\" : 2000000"))));
        records.put("a network with its configuration last", withEntry(good, NETWORK,
                CraftedModelRecords.zip(configurationLast(entries(networkOf(good))))));
        records.put("metadata of 0 features", withEntry(good, METADATA, utf8(metadata.replace("\"numFeatures\":3", "\"numFeatures\":0"))));
        records.put("metadata of 1 class", withEntry(good, METADATA, utf8(metadata.replace("\"numClasses\":2", "\"numClasses\":1"))));
        records.put("configuration of 1,000,000 inputs", withNetworkEntry(good, CONFIGURATION,
                utf8(json.replaceFirst("\"nin\" : 3", "\"nin\" : 1000000"))));
        records.put("configuration of 3 outputs", withNetworkEntry(good, CONFIGURATION,
                utf8(json.replaceFirst("\"nout\" : 1", "\"nout\" : 3"))));
        records.put("configuration without biases", withNetworkEntry(good, CONFIGURATION,
                utf8(json.replaceFirst("\"hasBias\" : true", "\"hasBias\" : false"))));
        records.put("configuration naming a JDK class", withNetworkEntry(good, CONFIGURATION,
                utf8(json.replaceFirst("org.nd4j.linalg.activations.impl.ActivationReLU", "java.lang.Runtime"))));
        records.put("configuration of another updater", withNetworkEntry(good, CONFIGURATION,
                utf8(json.replace("org.nd4j.linalg.learning.config.Adam", "org.nd4j.linalg.learning.config.Sgd"))));
        records.put("configuration that is not JSON", withNetworkEntry(good, CONFIGURATION, utf8("{{{")));
        records.put("a Java-serialised preprocessor", withNetworkEntry(good, "preprocessor.bin", new byte[] {(byte) 0xac, (byte) 0xed, 0, 5}));
        records.put("a network without parameters", withNetworkEntry(good, COEFFICIENTS, null));
        records.put("the network of another artifact's shape", withEntry(good, NETWORK,
                entries(ModelCodec.encode(shaped(4))).get(NETWORK)));
        records.put("an entry before the metadata", CraftedModelRecords.zip(reordered(entries(good))));

        // Truncated zips: the artifact, and the network's own zip.
        byte[] network = entries(good).get(NETWORK);
        for (int cut : new int[] {10, 100, good.length / 3, good.length / 2}) {
            records.put("artifact cut at " + cut, java.util.Arrays.copyOf(good, cut));
        }
        // Cuts inside the entries; a cut in the central directory leaves every entry whole, and a
        // streaming reader rightly reads them.
        for (int cut : new int[] {10, 400, network.length / 2, network.length * 3 / 4}) {
            records.put("network zip cut at " + cut, withEntry(good, NETWORK, java.util.Arrays.copyOf(network, cut)));
        }
        return records;
    }

    @Test
    void everyCraftedRecordIsRejectedQuicklyWithinBoundedHeapAndNativeMemory() {
        Map<String, byte[]> records = crafted();
        assertTrue(records.keySet().containsAll(REASONS.keySet()), "every reason names a record");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long residentBefore = resident();
        List<String> failures = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (var record : records.entrySet()) {
                long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
                long start = System.nanoTime();
                try {
                    ModelArtifact decoded = ModelCodec.decode(record.getValue());
                    failures.add(record.getKey() + ": decoded, as version " + decoded.metadata().version());
                } catch (TributaryException expected) {
                    String reason = REASONS.getOrDefault(record.getKey(), "model artifact");
                    if (!expected.getMessage().contains(reason)) {
                        failures.add(record.getKey() + ": rejected as '" + expected.getMessage() + "', not for '"
                                + reason + "'");
                    }
                } catch (Throwable e) {
                    failures.add(record.getKey() + ": " + e);
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                long heap = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
                if (millis > MAX_DECODE_MILLIS || heap > MAX_HEAP_BYTES_PER_DECODE) {
                    failures.add(record.getKey() + ": " + millis + " ms, " + heap + " bytes of heap");
                }
            }
        }
        assertEquals(List.of(), failures, "every crafted record is rejected, quickly, in little heap");
        long growth = resident() - residentBefore;
        // One of the old decoder's lying headers zero-filled 8 GiB; three rounds of them, 100 GiB.
        assertTrue(growth < MAX_RESIDENT_GROWTH_BYTES, "resident memory grew by " + growth + " bytes over "
                + 3 * records.size() + " rejected records");
        assertDecodesAsBefore(good);
    }

    @Test
    void randomByteFlipsOfARealArtifactAreRejectedOrDecodeToAModelOfTheSameShape() {
        Random random = new Random(18);
        Map<String, UnaryOperator<byte[]>> targets = new LinkedHashMap<>();
        targets.put("artifact", bytes -> flip(random, bytes, 0, bytes.length));
        targets.put(CONFIGURATION, bytes -> withNetworkEntry(bytes, CONFIGURATION,
                flipAnywhere(random, networkEntry(bytes, CONFIGURATION))));
        // The headers are the first 100 or so bytes of each array; flips past them change a weight.
        for (String array : List.of(COEFFICIENTS, UPDATER_STATE)) {
            targets.put(array, bytes -> withNetworkEntry(bytes, array, flip(random, networkEntry(bytes, array), 0, 110)));
        }
        int rejected = 0;
        int decoded = 0;
        for (var target : targets.entrySet()) {
            for (int i = 0; i < 150; i++) {
                byte[] record = target.getValue().apply(good);
                long start = System.nanoTime();
                try {
                    ModelArtifact model = ModelCodec.decode(record);
                    assertEquals(3, model.metadata().numFeatures(), target.getKey() + " flip " + i);
                    assertEquals(goodDecoded.network().parameterCount(), model.network().parameterCount(),
                            target.getKey() + " flip " + i + " decoded: it must be a network of the same architecture");
                    assertEquals(2, model.predictProbabilities(new double[][] {{1, 2, 3}})[0].length);
                    decoded++;
                } catch (TributaryException expected) {
                    rejected++;
                } catch (Throwable e) {
                    fail(target.getKey() + " flip " + i + ": " + e, e);
                }
                assertTrue((System.nanoTime() - start) / 1_000_000 < MAX_DECODE_MILLIS, target.getKey() + " flip " + i);
            }
        }
        assertTrue(rejected > 300, rejected + " rejected, " + decoded + " decoded");
        assertDecodesAsBefore(good);
    }

    @Test
    void aGoodArtifactDecodesToTheSameModelEveryTime() {
        assertDecodesAsBefore(good);
        assertDecodesAsBefore(good);
    }

    /** Parameters bit for bit, optimiser state through one more identical step, standardizer and metadata. */
    private static void assertDecodesAsBefore(byte[] record) {
        ModelArtifact again = ModelCodec.decode(record);
        assertArrayEquals(goodDecoded.network().parameters(), again.network().parameters());
        assertEquals(goodDecoded.standardizer().state(), again.standardizer().state());
        assertEquals(goodDecoded.metadata(), again.metadata());
        ModelArtifact reference = ModelCodec.decode(record);
        double[][] x = {{0.5, -1, 0.2}};
        reference.network().fit(x, new int[] {1});
        again.network().fit(x, new int[] {1});
        assertArrayEquals(reference.network().parameters(), again.network().parameters());
    }

    private static ModelArtifact shaped(int numFeatures) {
        return new ModelArtifact(NeuralNetwork.create(CONFIG, numFeatures, 2, 1), new Standardizer(3),
                new ModelMetadata("online", 1, 0, "t", Map.of(), 1L, CONFIG, numFeatures, 2, 1, 0));
    }

    private static byte[] networkOf(byte[] artifact) {
        return entries(artifact).get(NETWORK);
    }

    private static Map<String, byte[]> configurationLast(Map<String, byte[]> entries) {
        Map<String, byte[]> reordered = new LinkedHashMap<>(entries);
        reordered.put(CONFIGURATION, reordered.remove(CONFIGURATION));
        return reordered;
    }

    private static Map<String, byte[]> reordered(Map<String, byte[]> entries) {
        Map<String, byte[]> reordered = new LinkedHashMap<>();
        reordered.put(STANDARDIZER, entries.get(STANDARDIZER));
        reordered.putAll(entries);
        return reordered;
    }

    /** A shape-information buffer that declares {@code length} longs and holds six. */
    private static byte[] shapeBufferOfLength(long length) {
        byte[] array = nd4jArray(vectorShape(41), "MIXED_DATA_TYPES", "FLOAT", 41, 41);
        // The count follows the mode's UTF string: 2 bytes of length and 16 of "MIXED_DATA_TYPES".
        java.nio.ByteBuffer.wrap(array).putLong(18, length);
        return array;
    }

    private static byte[] flip(Random random, byte[] bytes, int from, int to) {
        return CraftedModelRecords.flipped(bytes, from + random.nextInt(Math.min(to, bytes.length) - from),
                1 + random.nextInt(255));
    }

    private static byte[] flipAnywhere(Random random, byte[] bytes) {
        return flip(random, bytes, 0, bytes.length);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Resident memory after a collection, so that the heap's garbage does not count. */
    private static long resident() {
        System.gc();
        return Pointer.physicalBytes();
    }
}
