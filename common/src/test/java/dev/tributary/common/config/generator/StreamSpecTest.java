package dev.tributary.common.config.generator;

import dev.tributary.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StreamSpecTest {

    private static final SeaSpec SEA1 = new SeaSpec(1, 0.1);
    private static final SeaSpec SEA3 = new SeaSpec(3, 0.1);

    @Test
    void driftKindsValidateTheirOwnFields() {
        assertField("drift.kind", () -> new DriftSpec(null, List.of(5L), 0, 0));
        assertField("drift.positions", () -> new DriftSpec(DriftKind.ABRUPT, List.of(5L, 5L), 0, 0));
        assertField("drift.positions", () -> new DriftSpec(DriftKind.ABRUPT, List.of(0L), 0, 0));
        assertField("drift.positions", () -> new DriftSpec(DriftKind.ABRUPT, Arrays.asList(5L, null), 0, 0));
        assertField("drift.width", () -> new DriftSpec(DriftKind.ABRUPT, List.of(5L), 10, 0));
        assertField("drift.period", () -> new DriftSpec(DriftKind.ABRUPT, List.of(5L), 0, 10));
        assertField("drift.width", () -> DriftSpec.gradual(5, 0));
        assertField("drift.period", () -> new DriftSpec(DriftKind.GRADUAL, List.of(5L), 1, 10));
        assertField("drift.period", () -> DriftSpec.recurring(0, 0));
        assertField("drift.width", () -> DriftSpec.recurring(100, 51));
        assertField("drift.positions", () -> new DriftSpec(DriftKind.RECURRING, List.of(5L), 0, 100));
        DriftSpec.recurring(100, 50);
        assertEquals(List.of(), new DriftSpec(DriftKind.ABRUPT, null, 0, 0).positions());
    }

    @Test
    void driftKindReadsAnyCaseAndListsTheKindsOtherwise() {
        assertEquals(DriftKind.GRADUAL, DriftKind.of("Gradual"));
        assertEquals("recurring", DriftKind.RECURRING.key());
        ConfigException e = assertThrows(ConfigException.class, () -> DriftKind.of("sudden"));
        assertEquals("drift.kind: got sudden, expected [abrupt, gradual, recurring]", e.getMessage());
    }

    @Test
    void conceptsMustShareOneSchema() {
        assertField("concepts", () -> new StreamSpec(List.of(), null));
        assertField("concepts", () -> new StreamSpec(null, null));
        assertField("concepts[1]", () -> new StreamSpec(List.of(SEA1, new SineSpec(1, false, 0)), DriftSpec.abrupt(5)));
        assertField("concepts[1]", () -> new StreamSpec(List.of(new HyperplaneSpec(10, 2, 0, 0, 0),
                new HyperplaneSpec(5, 2, 0, 0, 0)), DriftSpec.abrupt(5)));
        assertField("concepts[1]", () -> new StreamSpec(List.of(new RandomRbfSpec(10, 2, 5, 0, 0),
                new RandomRbfSpec(10, 3, 5, 0, 0)), DriftSpec.abrupt(5)));
        assertField("concepts[1]", () -> new StreamSpec(List.of(new SineSpec(1, true, 0),
                new SineSpec(2, false, 0)), DriftSpec.abrupt(5)));
        new StreamSpec(List.of(new SineSpec(1, true, 0), new SineSpec(4, true, 0.1)), DriftSpec.abrupt(5));
    }

    @Test
    void driftMustFitTheNumberOfConcepts() {
        assertField("drift", () -> new StreamSpec(List.of(SEA1, SEA3), null));
        assertField("drift.positions", () -> new StreamSpec(List.of(SEA1, SEA3),
                new DriftSpec(DriftKind.ABRUPT, List.of(5L, 10L), 0, 0)));
        assertField("drift.positions", () -> new StreamSpec(List.of(SEA1, SEA3, SEA1), DriftSpec.gradual(5, 2)));
        assertField("concepts", () -> new StreamSpec(List.of(SEA1), DriftSpec.recurring(100, 0)));
        ConfigException e = assertThrows(ConfigException.class, () -> new StreamSpec(List.of(SEA1, SEA3), null));
        assertEquals("drift: got null, expected a drift saying how the 2 concepts change", e.getMessage());
        StreamSpec.of(SEA1);
        new StreamSpec(List.of(SEA1, SEA3, SEA1), DriftSpec.recurring(100, 0));
    }

    @Test
    void driftPositionsAreTheChangesWithinTheStream() {
        StreamSpec abrupt = new StreamSpec(List.of(SEA1, SEA3, SEA1),
                new DriftSpec(DriftKind.ABRUPT, List.of(5000L, 8000L), 0, 0));
        assertEquals(List.of(5000L, 8000L), abrupt.driftPositions(10_000));
        assertEquals(List.of(5000L), abrupt.driftPositions(8000));
        assertEquals(List.of(), abrupt.driftPositions(5000));
        StreamSpec recurring = new StreamSpec(List.of(SEA1, SEA3), DriftSpec.recurring(3000, 500));
        assertEquals(List.of(3000L, 6000L, 9000L), recurring.driftPositions(10_000));
        assertEquals(List.of(3000L, 6000L), recurring.driftPositions(9000));
        assertEquals(List.of(), StreamSpec.of(SEA1).driftPositions(1_000_000));
        assertThrows(IllegalArgumentException.class, () -> abrupt.driftPositions(-1));
    }

    @Test
    void describesConceptsAndDrift() {
        assertEquals("SEA function 1, 10% noise -> SEA function 3, 10% noise, abrupt drift at 5000",
                new StreamSpec(List.of(SEA1, SEA3), DriftSpec.abrupt(5000)).describe());
        assertEquals("SEA function 1, 10% noise -> SEA function 3, 10% noise, gradual drift at 5000 (sigmoid width 1000)",
                new StreamSpec(List.of(SEA1, SEA3), DriftSpec.gradual(5000, 1000)).describe());
        assertEquals("SEA function 1, 10% noise <-> SEA function 3, 10% noise, recurring every 2000 events",
                new StreamSpec(List.of(SEA1, SEA3), DriftSpec.recurring(2000, 0)).describe());
        assertEquals("SEA function 1, 10% noise", StreamSpec.of(SEA1).describe());
    }

    private static void assertField(String field, Runnable build) {
        assertEquals(field, assertThrows(ConfigException.class, build::run).field());
    }
}
