package dev.tributary.model;

import dev.tributary.common.config.ModelConfig;
import dev.tributary.common.provenance.ModelMetadata;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A checkpoint's topic incarnation and scenario travel in its metadata; artifacts written before them still decode. */
class ModelCodecOriginTest {

    @Test
    void theTopicIdAndTheScenarioFingerprintSurviveTheRoundTrip() {
        ModelConfig config = new ModelConfig(List.of(4), 1e-2);
        ModelMetadata metadata = new ModelMetadata("online", 2, 10, "t", Map.of(0, 10L), 1L, config, 3, 2, 1, 5L,
                "h9ZLgw7JTeOKnRbmVTAoJA", "0123456789abcdef");
        ModelArtifact artifact = StandardizedNetwork.fresh(config, 3, 2, 1).toArtifact(metadata);
        ModelMetadata copy = ModelCodec.decodeMetadata(ModelCodec.encode(artifact));
        assertEquals(metadata, copy);
        assertEquals("h9ZLgw7JTeOKnRbmVTAoJA", copy.topicId());
        assertEquals("0123456789abcdef", copy.scenarioFingerprint());
    }

    @Test
    void theCommittedVersion1ArtifactHasNeither() throws IOException {
        try (InputStream in = ModelCodecOriginTest.class.getResourceAsStream(ModelCodecGoldenTest.MODEL)) {
            ModelMetadata m = ModelCodec.decode(in.readAllBytes()).metadata();
            assertNull(m.topicId(), "written before topic IDs were recorded: unknown");
            assertNull(m.scenarioFingerprint(), "and the fingerprint too");
        }
    }
}
