package dev.tributary.model;

import dev.tributary.common.provenance.ModelMetadata;
import dev.tributary.common.config.ModelConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The model artifact format, frozen: a small artifact written by {@link ModelCodec} at format
 * version {@value ModelCodec#FORMAT_VERSION} is committed ({@value #MODEL}) with the
 * probabilities it predicted for a few fixed rows ({@value #PROBABILITIES}). This build must
 * decode it and predict the same probabilities, so that a change of the format (or of what
 * Deeplearning4j reads back) is deliberate: bump {@link ModelCodec#FORMAT_VERSION}, keep the old
 * file or say why it can no longer be read, and add the new one.
 *
 * <p>{@link #regenerate()} writes the files again; it runs only on purpose, from the project root:
 * {@code mvn -o test -pl common -Dtest=ModelCodecGoldenTest#regenerate -Dtributary.golden.regenerate=true}.
 * A missing file fails the test; it is never created here.
 */
class ModelCodecGoldenTest {

    static final String MODEL = "model-format-v1.model";
    static final String PROBABILITIES = "model-format-v1-probabilities.csv";

    /** The rows whose probabilities are recorded (raw features, before standardisation). */
    private static final double[][] ROWS = {{0, 0, 0}, {1, 2, 3}, {-1.5, 0.25, 4}, {3, 2, 1}, {10, -10, 0.5}};

    private static byte[] golden(String name) throws IOException {
        try (InputStream in = ModelCodecGoldenTest.class.getResourceAsStream(name)) {
            assertNotNull(in, "golden file " + name + " is missing from src/test/resources/dev/tributary/common/model;"
                    + " it is committed, not generated (see ModelCodecGoldenTest#regenerate)");
            return in.readAllBytes();
        }
    }

    @Test
    void theCommittedVersion1ArtifactDecodesWithItsMetadata() throws IOException {
        ModelArtifact artifact = ModelCodec.decode(golden(MODEL));
        ModelMetadata m = artifact.metadata();
        assertEquals("online", m.strategy());
        assertEquals(7, m.version());
        assertEquals(64, m.recordsSeen());
        // Written before the newest learned event was recorded: read as unknown.
        assertEquals(0, m.lastEventMs());
        assertEquals("golden-train", m.topic());
        assertEquals(Map.of(0, 40L, 1, 24L), m.nextOffsets());
        assertEquals(1_700_000_000_000L, m.createdAtMs());
        assertEquals(new ModelConfig(List.of(4), 1e-2), m.model());
        assertEquals(3, m.numFeatures());
        assertEquals(2, m.numClasses());
        assertEquals(42, m.seed());
    }

    @Test
    void theCommittedVersion1ArtifactPredictsTheRecordedProbabilities() throws IOException {
        ModelArtifact artifact = ModelCodec.decode(golden(MODEL));
        List<double[]> expected = parse(new String(golden(PROBABILITIES), StandardCharsets.UTF_8));
        assertEquals(ROWS.length, expected.size(), "one recorded row per probe row");
        double[][] predicted = artifact.predictProbabilities(ROWS);
        for (int i = 0; i < ROWS.length; i++) {
            double[] row = expected.get(i);
            assertArrayEquals(ROWS[i], Arrays.copyOf(row, 3), 0, "row " + i + " is the probe row");
            assertArrayEquals(Arrays.copyOfRange(row, 3, row.length), predicted[i], 1e-6,
                    "P(class) of row " + Arrays.toString(ROWS[i]) + " as recorded when the artifact was written");
        }
    }

    /** Lines {@code x0,x1,x2,p0,p1} after a header line; values in Java's round-trip notation. */
    private static List<double[]> parse(String csv) {
        List<double[]> rows = new ArrayList<>();
        for (String line : csv.strip().split("\n")) {
            if (!line.startsWith("x0")) {
                rows.add(Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray());
            }
        }
        return rows;
    }

    /**
     * Writes the golden files again, on purpose only (see the class comment): a tiny network
     * (3 features, one hidden layer of 4, 2 classes, seed 42) trained for a few steps on
     * seeded data, and what it predicts for {@link #ROWS}.
     */
    @Test
    @EnabledIfSystemProperty(named = "tributary.golden.regenerate", matches = "true")
    void regenerate() throws IOException {
        ModelConfig config = new ModelConfig(List.of(4), 1e-2);
        NeuralNetwork network = NeuralNetwork.create(config, 3, 2, 42);
        Random random = new Random(42);
        double[][] x = new double[64][3];
        int[] y = new int[64];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = random.nextGaussian() * (j + 1);
            }
            y[i] = x[i][0] + x[i][1] > x[i][2] ? 1 : 0;
        }
        Standardizer standardizer = new Standardizer(3);
        standardizer.update(x);
        for (int step = 0; step < 20; step++) {
            network.fit(standardizer.transform(x), y);
        }
        ModelArtifact artifact = new ModelArtifact(network, standardizer, new ModelMetadata("online", 7, 64,
                "golden-train", Map.of(0, 40L, 1, 24L), 1_700_000_000_000L, config, 3, 2, 42, 0));

        Path dir = Path.of(System.getProperty("basedir", "."), "src/test/resources/dev/tributary/common/model");
        Files.createDirectories(dir);
        Files.write(dir.resolve(MODEL), ModelCodec.encode(artifact));
        StringBuilder csv = new StringBuilder("x0,x1,x2,p0,p1\n");
        double[][] p = ModelCodec.decode(ModelCodec.encode(artifact)).predictProbabilities(ROWS);
        for (int i = 0; i < ROWS.length; i++) {
            csv.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s%n", ROWS[i][0], ROWS[i][1], ROWS[i][2], p[i][0], p[i][1]));
        }
        Files.writeString(dir.resolve(PROBABILITIES), csv);
    }
}
