package dev.tributary.common.metrics;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricIdTest {

    @Test
    void fromKeyRoundTripsEveryConstant() {
        for (MetricId id : MetricId.values()) {
            assertEquals(id, MetricId.fromKey(id.key()), "round trip of " + id);
        }
    }

    @Test
    void keysAreUniqueLowerSnakeCaseWithDescriptions() {
        Set<String> seen = new HashSet<>();
        for (MetricId id : MetricId.values()) {
            assertTrue(id.key().matches("[a-z][a-z0-9]*(_[a-z0-9]+)*"), "snake case: " + id.key());
            assertTrue(seen.add(id.key()), "duplicate key " + id.key());
            assertFalse(id.description().isBlank(), "description of " + id);
            assertFalse(id.description().contains("\n"), "one-line description of " + id);
        }
    }

    @Test
    void keysUsedInJsonAreStable() {
        assertEquals("accuracy", MetricId.ACCURACY.key());
        assertEquals("roc_auc", MetricId.ROC_AUC.key());
        assertEquals("log_loss", MetricId.LOG_LOSS.key());
        assertEquals("macro_f1", MetricId.MACRO_F1.key());
        assertEquals("micro_f1", MetricId.MICRO_F1.key());
        assertEquals("cohen_kappa", MetricId.COHEN_KAPPA.key());
        assertEquals("kappa_temporal", MetricId.KAPPA_TEMPORAL.key());
        assertEquals("kappa_m", MetricId.KAPPA_M.key());
    }

    @Test
    void unknownKeyNamesTheKeyAndListsValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MetricId.fromKey("auc"));
        assertTrue(e.getMessage().contains("'auc'"), e.getMessage());
        for (MetricId id : MetricId.values()) {
            assertTrue(e.getMessage().contains(id.key()), "message lists " + id.key() + ": " + e.getMessage());
        }
    }

    @Test
    void matchingIsExact() {
        assertThrows(IllegalArgumentException.class, () -> MetricId.fromKey("ACCURACY"));
        assertThrows(IllegalArgumentException.class, () -> MetricId.fromKey(" accuracy"));
        assertThrows(IllegalArgumentException.class, () -> MetricId.fromKey(null));
    }

    @Test
    void onlyLogLossIsLowerIsBetter() {
        for (MetricId id : MetricId.values()) {
            assertEquals(id == MetricId.LOG_LOSS ? MetricId.Direction.LOWER_IS_BETTER : MetricId.Direction.HIGHER_IS_BETTER,
                    id.direction(), id.key());
        }
    }

    @Test
    void worseningIsMeasuredInTheMetricsDirection() {
        assertEquals(0.03, MetricId.ACCURACY.direction().worsening(0.97, 0.94), 1e-12, "accuracy fell: worse");
        assertEquals(-0.02, MetricId.ACCURACY.direction().worsening(0.94, 0.96), 1e-12, "accuracy rose: better");
        assertEquals(0.06, MetricId.LOG_LOSS.direction().worsening(0.10, 0.16), 1e-12, "log loss rose: worse");
        assertEquals(-0.05, MetricId.LOG_LOSS.direction().worsening(0.15, 0.10), 1e-12, "log loss fell: better");
        assertEquals("lower is better", MetricId.LOG_LOSS.direction().toString());
    }
}
