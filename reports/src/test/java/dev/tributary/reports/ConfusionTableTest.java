package dev.tributary.reports;

import dev.tributary.results.HoldoutResult;
import dev.tributary.results.StrategyResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-class table against the worked example of Wikipedia's "Confusion matrix" article: 27
 * animals, 8 cats, 6 dogs, 13 rabbits, with the precision and recall computed there by hand.
 */
class ConfusionTableTest {

    private static final long[][] ANIMALS = {{5, 3, 0}, {2, 3, 1}, {0, 2, 11}};

    @Test
    void perClassFiguresAreThoseOfTheWorkedExample() {
        assertEquals(5.0 / 7, ConfusionTable.precision(ANIMALS, 0), 1e-15, "cat: 5 of the 7 predicted cats");
        assertEquals(5.0 / 8, ConfusionTable.recall(ANIMALS, 0), 1e-15, "cat: 5 of the 8 cats");
        assertEquals(3.0 / 8, ConfusionTable.precision(ANIMALS, 1), 1e-15);
        assertEquals(3.0 / 6, ConfusionTable.recall(ANIMALS, 1), 1e-15);
        assertEquals(11.0 / 12, ConfusionTable.precision(ANIMALS, 2), 1e-15);
        assertEquals(11.0 / 13, ConfusionTable.recall(ANIMALS, 2), 1e-15);
        assertEquals(2 * (5.0 / 7) * (5.0 / 8) / (5.0 / 7 + 5.0 / 8), ConfusionTable.f1(5.0 / 7, 5.0 / 8), 1e-15);
        assertEquals(0.0, ConfusionTable.f1(0, 0));
        assertTrue(Double.isNaN(ConfusionTable.precision(new long[][] {{1, 0}, {1, 0}}, 1)), "nothing predicted as 1");
    }

    @Test
    void theTableNamesTheClassesAndReconcilesWithTheMatrix() {
        StrategyResult result = new StrategyResult("batch", null, null, new HoldoutResult("t", List.of(), 27, 0,
                Map.of(), ANIMALS, 0), null, List.of(), null, null, null, null, null);
        List<String[]> rows = ConfusionTable.rows(result, List.of("cat", "dog", "rabbit"));
        assertArrayEquals(new String[] {"actual \\ predicted", "events", "cat", "dog", "rabbit", "precision", "recall", "F1"},
                rows.get(0));
        assertArrayEquals(new String[] {"cat", "8", "5", "3", "0", "0.7143", "0.6250", "0.6667"}, rows.get(1));
        assertArrayEquals(new String[] {"dog", "6", "2", "3", "1", "0.3750", "0.5000", "0.4286"}, rows.get(2));
        assertArrayEquals(new String[] {"rabbit", "13", "0", "2", "11", "0.9167", "0.8462", "0.8800"}, rows.get(3));
        assertEquals(List.of(), ConfusionTable.rows(new StrategyResult("x", null, null, null, null, List.of(), null,
                null, null, null, null), List.of("a", "b")));
    }
}
