package dev.tributary.serving;

import dev.tributary.common.config.ModelConfig;
import dev.tributary.common.data.Example;
import dev.tributary.model.ModelArtifact;
import dev.tributary.model.ModelCodec;
import dev.tributary.common.provenance.ModelMetadata;
import dev.tributary.model.StandardizedNetwork;
import dev.tributary.common.test.SyntheticData;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Real, small trained models for the serving tests. */
final class ServingFixtures {

    private ServingFixtures() {
    }

    /** @return a model trained on blobs for {@code epochs} epochs, as version {@code version} */
    static ModelArtifact model(long version, int epochs) {
        ModelConfig config = new ModelConfig(List.of(16), 0.01);
        StandardizedNetwork network = StandardizedNetwork.fresh(config, 4, 2, 7);
        List<Example> train = SyntheticData.blobs(500, 1);
        network.learn(train.stream().map(Example::features).toArray(double[][]::new),
                train.stream().mapToInt(Example::label).toArray(), epochs, 32, 1, 0);
        return network.toArtifact(new ModelMetadata("online", version, 500L * epochs, "t", Map.of(0, 500L), 1L,
                config, 4, 2, 7, 0));
    }

    /** @return an untrained model of another shape, as version {@code version}: valid, but not for 4 features and 2 classes */
    static ModelArtifact shaped(long version, int numFeatures, int numClasses) {
        ModelConfig config = new ModelConfig(List.of(8), 0.01);
        return StandardizedNetwork.fresh(config, numFeatures, numClasses, 7).toArtifact(new ModelMetadata("online",
                version, 0, "t", Map.of(), 1L, config, numFeatures, numClasses, 7, 0));
    }

    /**
     * @param model   a model
     * @param padding bytes of random (incompressible) padding to add
     * @return the model's artifact with an extra, unknown zip entry of that size: a valid model
     *         that is too large for the models topic
     */
    static byte[] padded(ModelArtifact model, int padding) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(ModelCodec.encode(model)));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(in.readAllBytes());
                out.closeEntry();
            }
            byte[] noise = new byte[padding];
            new Random(5).nextBytes(noise);
            out.putNextEntry(new ZipEntry("padding.bin"));
            out.write(noise);
            out.closeEntry();
        }
        return bytes.toByteArray();
    }
}
