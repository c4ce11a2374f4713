package dev.tributary.common.provenance;

import dev.tributary.common.TributaryException;
import dev.tributary.common.config.ModelConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelMetadataTest {

    private static ModelMetadata of(String topicId, String fingerprint) {
        return new ModelMetadata("online", 4, 400, "prod-train", Map.of(0, 400L), 1L, new ModelConfig(List.of(4), 0.01),
                3, 2, 42, 0, topicId, fingerprint);
    }

    @Test
    void theSameTopicIncarnationAndScenarioAreAccepted() {
        assertTrue(of("id-1", "f1").requireOrigin("id-1", "f1", "checkpoint c", "delete c"));
    }

    @Test
    void aReCreatedTopicIsRefusedNamingBothIdsAndTheRemedy() {
        TributaryException e = assertThrows(TributaryException.class,
                () -> of("id-1", "f1").requireOrigin("id-2", "f1", "checkpoint out/online.model", "delete out/online.model"));
        assertEquals("checkpoint out/online.model was trained on topic prod-train with topic ID id-1, but prod-train now "
                + "has topic ID id-2: the topic was deleted and re-created since, and its offsets are other records'; "
                + "to start afresh, delete out/online.model", e.getMessage());
    }

    @Test
    void anotherScenarioIsRefusedNamingBothFingerprints() {
        TributaryException e = assertThrows(TributaryException.class,
                () -> of("id-1", "f1").requireOrigin("id-1", "f2", "checkpoint c", "delete c"));
        assertTrue(e.getMessage().contains("scenario fingerprint f1, but the scenario now has fingerprint f2"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("to start afresh, delete c"), e.getMessage());
    }

    @Test
    void anOldCheckpointIsAcceptedButReportedUnchecked() {
        ModelMetadata old = new ModelMetadata("online", 4, 400, "prod-train", Map.of(0, 400L), 1L,
                new ModelConfig(List.of(4), 0.01), 3, 2, 42, 0);
        assertFalse(old.requireOrigin("id-2", "f2", "checkpoint c", "delete c"), "nothing to compare: unchecked");
        assertFalse(of("id-1", null).requireOrigin("id-1", "f1", "c", "delete c"), "no fingerprint: half checked");
        assertTrue(of("id-1", null).requireOrigin("id-1", null, "c", "delete c"),
                "a run of no scenario has no fingerprint to check");
    }

    @Test
    void anUnknownCurrentSideIsNotCompared() {
        assertTrue(of("id-1", "f1").requireOrigin(null, null, "c", "delete c"), "the topic does not exist yet");
    }

    @Test
    void aStrategyCopyKeepsTheOrigin() {
        ModelMetadata copy = of("id-1", "f1").withStrategy("warm-start");
        assertEquals("id-1", copy.topicId());
        assertEquals("f1", copy.scenarioFingerprint());
    }
}
