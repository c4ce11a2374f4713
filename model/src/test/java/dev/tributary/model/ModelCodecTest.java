package dev.tributary.model;

import dev.tributary.common.provenance.ModelMetadata;
import dev.tributary.common.TributaryException;
import dev.tributary.common.config.ModelConfig;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelCodecTest {

    private static ModelArtifact artifact(int numClasses) {
        ModelConfig config = new ModelConfig(List.of(8), 1e-2);
        NeuralNetwork network = NeuralNetwork.create(config, 3, numClasses, 1);
        Standardizer standardizer = new Standardizer(3);
        standardizer.update(new double[][] {{1, 2, 3}, {3, 2, 1}});
        network.fit(standardizer.transform(new double[][] {{1, 2, 3}, {3, 2, 1}}), new int[] {0, numClasses - 1});
        return new ModelArtifact(network, standardizer,
                new ModelMetadata("online", 3, 2, "t", Map.of(0, 2L), 1L, config, 3, numClasses, 1, 1_700_000_000_123L));
    }

    @Test
    void roundTripKeepsPredictionsMetadataAndOptimiserState() {
        for (int classes : new int[] {2, 3}) {
            ModelArtifact original = artifact(classes);
            ModelArtifact copy = ModelCodec.decode(ModelCodec.encode(original));
            double[][] probe = {{2, 2, 2}};
            assertArrayEquals(original.predictProbabilities(probe)[0], copy.predictProbabilities(probe)[0], 1e-7);
            assertEquals(classes, copy.predictProbabilities(probe)[0].length);
            assertEquals(1.0, java.util.Arrays.stream(copy.predictProbabilities(probe)[0]).sum(), 1e-5);
            assertEquals(original.metadata(), copy.metadata());
            assertEquals(original.metadata(), ModelCodec.decodeMetadata(ModelCodec.encode(original)),
                    "the provenance alone reads the same");
            assertEquals(1_700_000_000_123L, copy.metadata().lastEventMs());
            // Training on continues identically only if Adam's moments were saved too.
            double[][] x = {{0.5, -1, 0.2}};
            original.network().fit(x, new int[] {1});
            copy.network().fit(x, new int[] {1});
            assertArrayEquals(original.network().predictProbabilities(x)[0], copy.network().predictProbabilities(x)[0], 1e-6);
        }
    }

    @Test
    void rejectsWhatIsNotAnArtifact() throws Exception {
        TributaryException notZip = assertThrows(TributaryException.class, () -> ModelCodec.decode(new byte[] {1, 2, 3}));
        assertTrue(notZip.getMessage().startsWith("not a model artifact"), notZip.getMessage());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(ModelCodec.METADATA_ENTRY));
            zip.write("{\"formatVersion\": 99}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        TributaryException partial = assertThrows(TributaryException.class, () -> ModelCodec.decode(bytes.toByteArray()));
        assertTrue(partial.getMessage().contains("is missing"), partial.getMessage());
        assertThrows(TributaryException.class, () -> ModelCodec.decodeMetadata(new byte[] {1, 2, 3}));
        TributaryException format = assertThrows(TributaryException.class,
                () -> ModelCodec.decodeMetadata(bytes.toByteArray()));
        assertTrue(format.getMessage().startsWith("not a model artifact"), format.getMessage());
    }

    @Test
    void wellFormedZipsWithBadContentAreRejectedNeverThrowingAnythingElse() throws Exception {
        ModelArtifact good = artifact(2);
        byte[] network = good.network().toBytes(true);
        String standardizer = "{\"count\":2,\"mean\":[1,2,3],\"m2\":[1,1,1]}";
        String metadata = new String(entries(ModelCodec.encode(good)).get(ModelCodec.METADATA_ENTRY),
                java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(2, ModelCodec.decode(zip(Map.of(ModelCodec.METADATA_ENTRY, metadata.getBytes(UTF_8),
                ModelCodec.STANDARDIZER_ENTRY, standardizer.getBytes(UTF_8), ModelCodec.NETWORK_ENTRY, network)))
                .metadata().recordsSeen(), "the hand-built artifact is valid");

        Map<String, String> badEntries = Map.of(
                "null metadata", "{\"formatVersion\":1,\"metadata\":null}",
                "null means", "{\"count\":2,\"mean\":null,\"m2\":null}",
                "standardizer of another width", "{\"count\":2,\"mean\":[1,2],\"m2\":[1,1]}",
                "metadata for 5 features", metadata.replace("\"numFeatures\":3", "\"numFeatures\":5"),
                "not JSON", "{{{");
        for (var bad : badEntries.entrySet()) {
            String entry = bad.getKey().contains("means") || bad.getKey().contains("width")
                    ? ModelCodec.STANDARDIZER_ENTRY : ModelCodec.METADATA_ENTRY;
            Map<String, byte[]> content = new java.util.HashMap<>(Map.of(ModelCodec.METADATA_ENTRY, metadata.getBytes(UTF_8),
                    ModelCodec.STANDARDIZER_ENTRY, standardizer.getBytes(UTF_8), ModelCodec.NETWORK_ENTRY, network));
            content.put(entry, bad.getValue().getBytes(UTF_8));
            TributaryException e = assertThrows(TributaryException.class, () -> ModelCodec.decode(zip(content)), bad.getKey());
            assertTrue(e.getMessage().contains("model artifact") || e.getMessage().contains("network has"),
                    bad.getKey() + ": " + e.getMessage());
        }
    }

    @Test
    void aZipBombIsRejectedBeforeItExhaustsTheHeap() throws Exception {
        // 300 MB of zeros deflates to about 300 KB: well under the models topic's 16 MB limit.
        byte[] metadata = entries(ModelCodec.encode(artifact(2))).get(ModelCodec.METADATA_ENTRY);
        byte[] innerBomb = bomb("configuration.json");
        Map<String, byte[]> bombs = new java.util.LinkedHashMap<>();
        bombs.put("first entry is 'network.dl4j'", bomb(ModelCodec.NETWORK_ENTRY));
        bombs.put("network entry: its first entry is missing", zip(Map.of(ModelCodec.METADATA_ENTRY, metadata,
                ModelCodec.NETWORK_ENTRY, entries(bomb("zeros")).get("zeros"))));
        bombs.put("entry network.dl4j/configuration.json inflates to more than 1048576 bytes", zip(Map.of(
                ModelCodec.METADATA_ENTRY, metadata, ModelCodec.NETWORK_ENTRY, innerBomb)));
        for (var bomb : bombs.entrySet()) {
            assertTrue(bomb.getValue().length < 16 * 1024 * 1024, "compressed: " + bomb.getValue().length);
            TributaryException e = assertThrows(TributaryException.class, () -> ModelCodec.decode(bomb.getValue()));
            assertTrue(e.getMessage().contains(bomb.getKey()), e.getMessage());
        }
    }

    /** @return a zip of one entry, 300 MB of zeros */
    private static byte[] bomb(String name) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 300; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void randomAndCorruptedBytesAreRejectedWithATributaryException() {
        byte[] good = ModelCodec.encode(artifact(2));
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 300; i++) {
            byte[] bytes;
            if (i % 3 == 0) {
                bytes = new byte[random.nextInt(2_000)];
                random.nextBytes(bytes);
            } else if (i % 3 == 1) {
                bytes = java.util.Arrays.copyOf(good, random.nextInt(good.length));
            } else {
                bytes = good.clone();
                bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
            }
            try {
                ModelArtifact decoded = ModelCodec.decode(bytes);
                // A flip the format cannot see (in the zip's central directory, which streaming ignores).
                assertEquals(3, decoded.metadata().numFeatures(), "case " + i);
            } catch (TributaryException expected) {
                // rejected: what a reader of untrusted bytes must get
            }
        }
    }

    private static Map<String, byte[]> entries(byte[] zipped) throws Exception {
        Map<String, byte[]> entries = new java.util.HashMap<>();
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zipped))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    /** Writes the entries in the format's order (metadata first), whatever the map's. */
    private static byte[] zip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<String> order = List.of(ModelCodec.METADATA_ENTRY, ModelCodec.STANDARDIZER_ENTRY, ModelCodec.NETWORK_ENTRY);
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var e : entries.entrySet().stream()
                    .sorted(java.util.Comparator.comparingInt(e -> order.indexOf(e.getKey()))).toList()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
