package dev.tributary.results;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The sign-test interval checked against its coverage counted by hand: {@code [x(k), x(n-k+1)]}
 * misses the median when at most k-1 of the n values fall on one side of it, so its coverage is
 * {@code 1 - 2 sum_{i<k} C(n, i) / 2^n}.
 */
class MedianIntervalTest {

    private static void assertInterval(double lower, double upper, double coverage, MedianInterval actual) {
        assertEquals(lower, actual.lower());
        assertEquals(upper, actual.upper());
        assertEquals(coverage, actual.coverage(), 1e-12);
    }

    private static List<Double> oneTo(int n) {
        List<Double> values = new ArrayList<>();
        for (int i = n; i >= 1; i--) {
            values.add((double) i); // unsorted on purpose
        }
        return values;
    }

    @Test
    void tenValuesGiveTheSecondAndNinth() {
        // k = 2: 1 - 2 (C(10,0) + C(10,1)) / 1024 = 1 - 22/1024; k = 3 would be 1 - 112/1024 = 0.89 < 0.95.
        assertInterval(2, 9, 1 - 22.0 / 1024, MedianInterval.of(oneTo(10)));
    }

    @Test
    void fewerThanSixCannotReachNinetyFivePercentAndSaySo() {
        assertInterval(1, 5, 1 - 2.0 / 32, MedianInterval.of(oneTo(5)));
        assertInterval(1, 3, 1 - 2.0 / 8, MedianInterval.of(oneTo(3)));
        assertInterval(7, 7, 0, MedianInterval.of(List.of(7.0)));
        // Six is the first count whose [min, max] reaches it: 1 - 2/64.
        assertInterval(1, 6, 1 - 2.0 / 64, MedianInterval.of(oneTo(6)));
    }

    @Test
    void theProducersFiveRepetitionsPlaceItsMedianWithinFiveHundredths() {
        // README's bench table: the producer ratio, 5 repetitions.
        MedianInterval i = MedianInterval.of(List.of(0.763, 0.837, 0.831, 0.755, 0.749));
        assertEquals(0.749, i.lower());
        assertEquals(0.837, i.upper());
        assertEquals(0.044, i.halfWidth(), 1e-12);
        assertEquals(0.9375, i.coverage(), 1e-12);
    }

    @Test
    void twentyValuesGiveTheSixthAndFifteenth() {
        // sum_{i<=5} C(20,i) = 1 + 20 + 190 + 1140 + 4845 + 15504 = 21700; 1 - 2 * 21700 / 2^20 = 0.9586;
        // k = 7 would add C(20,6) = 38760: 1 - 2 * 60460 / 2^20 = 0.8847 < 0.95.
        assertInterval(6, 15, 1 - 2 * 21_700.0 / 1_048_576, MedianInterval.of(oneTo(20)));
    }
}
