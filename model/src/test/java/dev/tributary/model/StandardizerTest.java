package dev.tributary.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StandardizerTest {

    @Test
    void batchAtATimeEqualsAllAtOnce() {
        double[][] rows = {{1, 10}, {2, 10}, {3, 10}, {4, 10}, {10, 10}};
        Standardizer whole = new Standardizer(2);
        whole.update(rows);
        Standardizer incremental = new Standardizer(2);
        incremental.update(new double[][] {rows[0], rows[1]});
        incremental.update(new double[][] {rows[2]});
        incremental.update(new double[][] {rows[3], rows[4]});

        assertEquals(4.0, whole.mean()[0], 1e-12);
        // population variance: (9 + 4 + 1 + 0 + 36) / 5 = 10
        assertEquals(Math.sqrt(10), whole.std()[0], 1e-12);
        assertArrayEquals(whole.mean(), incremental.mean(), 1e-12);
        assertArrayEquals(whole.std(), incremental.std(), 1e-12);
    }

    @Test
    void constantFeatureIsOnlyCentred() {
        Standardizer s = new Standardizer(2);
        s.update(new double[][] {{1, 10}, {3, 10}});
        assertArrayEquals(new double[] {-1, 0}, s.transform(new double[][] {{1, 10}})[0], 1e-12);
        assertArrayEquals(new double[] {1, 5}, s.transform(new double[][] {{3, 15}})[0], 1e-12);
    }

    @Test
    void stateRoundTrips() {
        Standardizer s = new Standardizer(1);
        s.update(new double[][] {{1}, {5}});
        Standardizer copy = Standardizer.fromState(s.state());
        copy.update(new double[][] {{9}});
        s.update(new double[][] {{9}});
        assertEquals(s.state(), copy.state());
    }

    @Test
    void theMagnitudeBoundKeepsTheStandardisationFinite() {
        // What the bound prevents: accepted, two such values of opposite signs make the mean NaN.
        Standardizer s = new Standardizer(1);
        s.update(new double[][] {{1.7e308}, {-1.7e308}, {1}});
        assertTrue(Double.isNaN(s.mean()[0]));
        Standardizer bounded = new Standardizer(1);
        bounded.update(new double[][] {{dev.tributary.common.data.ExampleCodec.MAX_MAGNITUDE}, {-dev.tributary.common.data.ExampleCodec.MAX_MAGNITUDE}, {1}});
        assertTrue(Double.isFinite(bounded.mean()[0]) && Double.isFinite(bounded.std()[0]));
    }
}
