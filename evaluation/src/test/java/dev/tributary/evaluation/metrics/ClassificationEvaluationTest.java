package dev.tributary.evaluation.metrics;

import dev.tributary.common.metrics.MetricId;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassificationEvaluationTest {

    private static Map<MetricId, Double> allMetrics(double value) {
        Map<MetricId, Double> metrics = new EnumMap<>(MetricId.class);
        for (MetricId id : MetricId.values()) {
            metrics.put(id, value);
        }
        return metrics;
    }

    @Test
    void metricsAreCompleteUnmodifiableAndInDeclarationOrder() {
        ClassificationEvaluator e = new ClassificationEvaluator(2);
        e.add(0, new double[] {0.7, 0.3});
        e.add(1, new double[] {0.4, 0.6});
        ClassificationEvaluation r = e.evaluate();
        assertEquals(List.of(MetricId.values()), List.copyOf(r.metrics().keySet()));
        for (MetricId id : MetricId.values()) {
            assertNotNull(r.metrics().get(id), id.key());
        }
        assertThrows(UnsupportedOperationException.class, () -> r.metrics().put(MetricId.ACCURACY, 0.0));
        assertThrows(NullPointerException.class, () -> r.get(null));
    }

    @Test
    void constructorCopiesAndRequiresEveryMetric() {
        Map<MetricId, Double> metrics = allMetrics(0.5);
        ClassificationEvaluation r = new ClassificationEvaluation(ConfusionMatrix.empty(2), metrics);
        metrics.put(MetricId.ACCURACY, 0.9);
        assertEquals(0.5, r.get(MetricId.ACCURACY));

        Map<MetricId, Double> missing = allMetrics(0.5);
        missing.remove(MetricId.ROC_AUC);
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> new ClassificationEvaluation(ConfusionMatrix.empty(2), missing));
        assertTrue(ex.getMessage().contains("roc_auc"), ex.getMessage());
    }

    @Test
    void countComesFromTheMatrixAndEqualityIsByContent() {
        ConfusionMatrix m = new ConfusionMatrix(new long[][] {{1, 2}, {3, 4}});
        ClassificationEvaluation a = new ClassificationEvaluation(m, allMetrics(Double.NaN));
        ClassificationEvaluation b = new ClassificationEvaluation(m, allMetrics(Double.NaN));
        assertEquals(10, a.count());
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
    }

    @Test
    void toStringUsesKeysAndRootLocale() {
        String s = new ClassificationEvaluation(ConfusionMatrix.empty(2), allMetrics(0.25)).toString();
        assertTrue(s.contains("count=0"), s);
        assertTrue(s.contains("accuracy=0.250000"), s);
        assertTrue(s.contains("cohen_kappa=0.250000"), s);
    }
}
