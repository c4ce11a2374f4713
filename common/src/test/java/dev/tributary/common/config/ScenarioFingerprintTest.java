package dev.tributary.common.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioFingerprintTest {

    private static String fingerprint(Map<String, Object> overrides) {
        return ScenarioFiles.load("sea-abrupt", overrides).fingerprint();
    }

    @Test
    void isSixteenHexDigitsAndStableAcrossLoads() {
        String f = fingerprint(Map.of());
        assertTrue(f.matches("[0-9a-f]{16}"), f);
        assertEquals(f, fingerprint(Map.of()));
    }

    @Test
    void changesWithWhatTheDataAndTheModelAre() {
        String base = fingerprint(Map.of());
        assertNotEquals(base, fingerprint(Map.of("seed", 2)), "the seed");
        assertNotEquals(base, fingerprint(Map.of("source.events", 30_000)), "the source");
        assertNotEquals(base, fingerprint(Map.of("name", "other")), "the name");
        assertNotEquals(base, fingerprint(Map.of("split.train-fraction", 0.5)), "the split");
        assertNotEquals(base, fingerprint(Map.of("protocol", "holdout")), "the protocol");
    }

    @Test
    void ignoresHowARunGoes() {
        String base = fingerprint(Map.of());
        assertEquals(base, fingerprint(Map.of("stream.max-records", 100, "stream.idle-timeout-ms", 3_000)),
                "limits and timeouts may change between a stop and a restart");
        assertEquals(base, fingerprint(Map.of("rate.events-per-second", 500)), "the pace");
        assertEquals(base, fingerprint(Map.of("repetitions", 3)), "the repetitions");
    }
}
