package dev.tributary.producer.generator;

import dev.tributary.common.config.generator.AgrawalSpec;
import dev.tributary.common.data.Example;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgrawalGeneratorTest {

    private static final int SALARY = 0;
    private static final int COMMISSION = 1;
    private static final int AGE = 2;
    private static final int ELEVEL = 3;
    private static final int CAR = 4;
    private static final int ZIPCODE = 5;
    private static final int HVALUE = 6;
    private static final int HYEARS = 7;
    private static final int LOAN = 8;

    @Test
    void everyFunctionMatchesAnIndependentReading() {
        for (int function = 1; function <= 10; function++) {
            AgrawalGenerator agrawal = new AgrawalGenerator(new AgrawalSpec(function, 0), 51);
            int ones = 0;
            for (int i = 0; i < 10_000; i++) {
                Example e = agrawal.next();
                assertEquals(groupB(function, e.features()) ? 1 : 0, e.label(), "function " + function + ", event " + i);
                ones += e.label();
            }
            assertTrue(ones > 0 && ones < 10_000, "function " + function + " should produce both classes");
        }
    }

    @Test
    void functionOneLabelsTheMiddleAgeBandGroupB() {
        // age is uniform over the 61 integers 20..80; group B is 40..59, 20 of them.
        double share = GeneratorChecks.labelShare(new AgrawalGenerator(new AgrawalSpec(1, 0), 52), 20_000, 1);
        assertEquals(20.0 / 61, share, 0.02);
    }

    @Test
    void attributesLieInTheirDefinedRanges() {
        AgrawalGenerator agrawal = new AgrawalGenerator(new AgrawalSpec(1, 0), 53);
        assertEquals(List.of("salary", "commission", "age", "elevel", "car", "zipcode", "hvalue", "hyears", "loan"),
                agrawal.schema().featureNames());
        for (int i = 0; i < 20_000; i++) {
            double[] x = agrawal.next().features();
            assertTrue(x[SALARY] >= 20_000 && x[SALARY] < 150_000, "salary " + x[SALARY]);
            if (x[SALARY] >= 75_000) {
                assertEquals(0.0, x[COMMISSION], "no commission from a salary of 75k");
            } else {
                assertTrue(x[COMMISSION] >= 10_000 && x[COMMISSION] < 75_000, "commission " + x[COMMISSION]);
            }
            assertInteger(x[AGE], 20, 80);
            assertInteger(x[ELEVEL], 0, 4);
            assertInteger(x[CAR], 0, 19);
            assertInteger(x[ZIPCODE], 0, 8);
            double k = 9 - x[ZIPCODE];
            assertTrue(x[HVALUE] >= 50_000 * k && x[HVALUE] < 150_000 * k, "hvalue " + x[HVALUE] + " for k " + k);
            assertInteger(x[HYEARS], 1, 30);
            assertTrue(x[LOAN] >= 0 && x[LOAN] < 500_000, "loan " + x[LOAN]);
        }
    }

    @Test
    void perturbationMovesNumericAttributesWithinTheirRanges() {
        AgrawalGenerator agrawal = new AgrawalGenerator(new AgrawalSpec(2, 0.05), 54);
        int agreeing = 0;
        int events = 20_000;
        for (int i = 0; i < events; i++) {
            Example e = agrawal.next();
            double[] x = e.features();
            assertTrue(x[SALARY] >= 20_000 && x[SALARY] <= 150_000, "salary " + x[SALARY]);
            assertTrue(x[COMMISSION] == 0 || x[COMMISSION] >= 10_000 && x[COMMISSION] <= 75_000);
            assertInteger(x[AGE], 20, 80);
            assertInteger(x[ELEVEL], 0, 4);
            assertInteger(x[CAR], 0, 19);
            assertInteger(x[ZIPCODE], 0, 8);
            assertTrue(x[HVALUE] >= 0 && x[HVALUE] <= 135_000, "MOA clamps a perturbed hvalue to 135k: " + x[HVALUE]);
            assertInteger(x[HYEARS], 1, 30);
            assertTrue(x[LOAN] >= 0 && x[LOAN] <= 500_000);
            if ((groupB(2, x) ? 1 : 0) == e.label()) {
                agreeing++;
            }
        }
        // Labels are fixed before perturbation, so the perturbed attributes sometimes cross a band edge.
        double agreement = (double) agreeing / events;
        assertTrue(agreement > 0.85 && agreement < 1, "agreement with the rule " + agreement);
    }

    @Test
    void sameSeedSameStream() {
        GeneratorChecks.assertDeterministicPerSeed(seed -> new AgrawalGenerator(new AgrawalSpec(5, 0.05), seed));
    }

    /**
     * Agrawal et al.'s functions, written from their table: each age band (under 40, 40 to 59,
     * 60 and over) has its own salary, education, total-salary and loan ranges for group A.
     */
    private static boolean groupB(int function, double[] x) {
        double salary = x[SALARY];
        double total = salary + x[COMMISSION];
        double age = x[AGE];
        double elevel = x[ELEVEL];
        double loan = x[LOAN];
        int band = age < 40 ? 0 : age < 60 ? 1 : 2;
        double[] salaryLow = {50_000, 75_000, 25_000};
        boolean salaryA = salary >= salaryLow[band] && salary <= salaryLow[band] + 50_000;
        int[][] elevelsA = {{0, 1}, {1, 3}, {2, 4}};
        boolean elevelA = elevel >= elevelsA[band][0] && elevel <= elevelsA[band][1];
        switch (function) {
            case 1:
                return band == 1;
            case 2:
                return !salaryA;
            case 3:
                return !elevelA;
            case 4: {
                double[] low = elevelA ? new double[] {25_000, 50_000, 50_000} : new double[] {50_000, 75_000, 25_000};
                return !(salary >= low[band] && salary <= low[band] + 50_000);
            }
            case 5: {
                double[] low = salaryA ? new double[] {100_000, 200_000, 300_000}
                        : new double[] {200_000, 300_000, 100_000};
                return !(loan >= low[band] && loan <= low[band] + 200_000);
            }
            case 6:
                return !(total >= salaryLow[band] && total <= salaryLow[band] + 50_000);
            case 7:
                return !(2 * total / 3 - loan / 5 - 20_000 > 0);
            case 8:
                return !(2 * total / 3 - 5_000 * elevel - 20_000 > 0);
            case 9:
                return !(2 * total / 3 - 5_000 * elevel - loan / 5 - 10_000 > 0);
            case 10: {
                double equity = x[HYEARS] >= 20 ? x[HVALUE] * (x[HYEARS] - 20) / 10 : 0;
                return !(2 * total / 3 - 5_000 * elevel + equity / 5 - 10_000 > 0);
            }
            default:
                throw new IllegalArgumentException("function " + function);
        }
    }

    private static void assertInteger(double value, int min, int max) {
        assertTrue(value == Math.rint(value) && value >= min && value <= max,
                value + " should be an integer in [" + min + ", " + max + "]");
    }
}
