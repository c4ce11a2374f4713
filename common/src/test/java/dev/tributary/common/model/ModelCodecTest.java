package dev.tributary.common.model;

import dev.tributary.common.TributaryException;
import dev.tributary.common.config.ModelConfig;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

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
                new ModelMetadata("online", 3, 2, "t", Map.of(0, 2L), 1L, config, 3, numClasses, 1));
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
    }
}
