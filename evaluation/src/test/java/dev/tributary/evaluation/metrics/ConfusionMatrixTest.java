package dev.tributary.evaluation.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConfusionMatrixTest {

    private static final long[][] COUNTS = {{2, 1, 0}, {0, 3, 1}, {1, 1, 0}};

    @Test
    void exposesCountsAndTotals() {
        ConfusionMatrix m = new ConfusionMatrix(COUNTS);
        assertEquals(3, m.numClasses());
        assertEquals(1, m.count(1, 2));
        assertEquals(9, m.total());
        assertEquals(5, m.correct());
        assertEquals(4, m.actualTotal(1));
        assertEquals(5, m.predictedTotal(1));
        assertEquals(1, m.predictedTotal(2));
    }

    @Test
    void copiesOnTheWayInAndOut() {
        long[][] input = {{1, 2}, {3, 4}};
        ConfusionMatrix m = new ConfusionMatrix(input);
        input[0][0] = 100;
        assertEquals(1, m.count(0, 0));
        long[][] output = m.toArray();
        output[1][1] = 100;
        assertEquals(4, m.count(1, 1));
        assertArrayEquals(new long[] {1, 2}, m.toArray()[0]);
    }

    @Test
    void equalityIsByContent() {
        ConfusionMatrix a = new ConfusionMatrix(COUNTS);
        ConfusionMatrix b = new ConfusionMatrix(new long[][] {{2, 1, 0}, {0, 3, 1}, {1, 1, 0}});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, new ConfusionMatrix(new long[][] {{2, 1, 0}, {0, 3, 1}, {1, 0, 1}}));
        assertEquals("ConfusionMatrix[[1, 2], [3, 4]]", new ConfusionMatrix(new long[][] {{1, 2}, {3, 4}}).toString());
    }

    @Test
    void emptyIsAllZeros() {
        ConfusionMatrix m = ConfusionMatrix.empty(2);
        assertEquals(new ConfusionMatrix(new long[2][2]), m);
        assertEquals(0, m.total());
    }

    @Test
    void rejectsMalformedInput() {
        assertThrows(IllegalArgumentException.class, () -> new ConfusionMatrix(new long[0][0]));
        assertThrows(IllegalArgumentException.class, () -> new ConfusionMatrix(null));
        assertThrows(IllegalArgumentException.class, () -> new ConfusionMatrix(new long[][] {{1, 2}, {3}}));
        assertThrows(IllegalArgumentException.class, () -> new ConfusionMatrix(new long[][] {{1, -2}, {3, 4}}));
        ConfusionMatrix m = new ConfusionMatrix(COUNTS);
        assertThrows(IllegalArgumentException.class, () -> m.count(3, 0));
        assertThrows(IllegalArgumentException.class, () -> m.count(0, -1));
    }
}
