package dev.tributary.producer.generator;

import dev.tributary.common.config.generator.DriftKind;
import dev.tributary.common.config.generator.DriftSpec;
import dev.tributary.common.config.generator.GeneratorSpec;
import dev.tributary.common.config.generator.SeaSpec;
import dev.tributary.common.config.generator.SineSpec;
import dev.tributary.common.config.generator.StreamSpec;
import dev.tributary.common.data.Example;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConceptDriftStreamTest {

    /** SINE1 and its reverse label every point oppositely, so each label tells its concept. */
    private static final SineSpec SINE1 = new SineSpec(1, false, 0);
    private static final SineSpec SINE1_REVERSED = new SineSpec(2, false, 0);

    @Test
    void abruptDriftSwitchesTheRuleExactlyAtThePosition() {
        ConceptDriftStream stream = Generators.create(
                new StreamSpec(List.of(new SeaSpec(1, 0), new SeaSpec(3, 0)), DriftSpec.abrupt(5000)), 71);
        int oldRuleRightAfter = 0;
        for (int t = 0; t < 10_000; t++) {
            Example e = stream.next();
            double sum = e.features()[0] + e.features()[1];
            int oldRule = sum > 8 ? 1 : 0;
            int newRule = sum > 7 ? 1 : 0;
            assertEquals(t < 5000 ? oldRule : newRule, e.label(), "event " + t);
            if (t >= 5000 && oldRule == e.label()) {
                oldRuleRightAfter++;
            }
        }
        // The old rule errs where 7 < f1 + f2 <= 8, an area of 7.5 % of the square.
        assertEquals(0.925, oldRuleRightAfter / 5000.0, 0.015, "accuracy of concept A's rule after the change");
        assertEquals(10_000, stream.events());
    }

    @Test
    void abruptDriftWalksThroughSeveralConcepts() {
        List<GeneratorSpec> concepts = List.of(new SeaSpec(1, 0), new SeaSpec(3, 0), new SeaSpec(4, 0));
        ConceptDriftStream stream = Generators.create(new StreamSpec(concepts,
                new DriftSpec(DriftKind.ABRUPT, List.of(1000L, 2500L), 0, 0)), 72);
        for (int t = 0; t < 4000; t++) {
            Example e = stream.next();
            double theta = t < 1000 ? 8 : t < 2500 ? 7 : 9.5;
            assertEquals(e.features()[0] + e.features()[1] > theta ? 1 : 0, e.label(), "event " + t);
        }
    }

    @Test
    void gradualDriftFollowsMoasSigmoid() {
        long p = 50_000;
        long w = 10_000;
        ConceptDriftStream stream = Generators.create(
                new StreamSpec(List.of(SINE1, SINE1_REVERSED), DriftSpec.gradual(p, w)), 73);
        int window = 2000;
        int newInWindow = 0;
        double expectedInWindow = 0;
        int newBefore = 0;
        int newAfter = 0;
        int newAround = 0;
        for (long t = 0; t < 100_000; t++) {
            boolean isNew = fromReversed(stream.next());
            newInWindow += isNew ? 1 : 0;
            expectedInWindow += 1 / (1 + Math.exp(-4.0 * (t - p) / w));
            if (t < p - 2 * w) {
                newBefore += isNew ? 1 : 0;
            } else if (t >= p + 2 * w) {
                newAfter += isNew ? 1 : 0;
            } else if (t >= p - 500 && t < p + 500) {
                newAround += isNew ? 1 : 0;
            }
            if ((t + 1) % window == 0) {
                assertEquals(expectedInWindow / window, (double) newInWindow / window, 0.05,
                        "share of the new concept in the window ending at " + t);
                newInWindow = 0;
                expectedInWindow = 0;
            }
        }
        assertTrue(newBefore / 30_000.0 < 0.005, "new concept well before p - 2w: " + newBefore);
        assertEquals(0.5, newAround / 1000.0, 0.1, "share of the new concept within 500 events of p");
        assertTrue(newAfter / 30_000.0 > 0.995, "new concept well after p + 2w: " + newAfter);
    }

    @Test
    void recurringDriftAlternatesEveryPeriod() {
        ConceptDriftStream stream = Generators.create(
                new StreamSpec(List.of(SINE1, SINE1_REVERSED), DriftSpec.recurring(1000, 0)), 74);
        for (int t = 0; t < 10_000; t++) {
            boolean secondConcept = (t / 1000) % 2 == 1;
            assertEquals(secondConcept, fromReversed(stream.next()), "event " + t);
        }
    }

    @Test
    void recurringDriftCyclesThroughThreeConcepts() {
        List<GeneratorSpec> concepts = List.of(new SeaSpec(1, 0), new SeaSpec(3, 0), new SeaSpec(4, 0));
        double[] theta = {8, 7, 9.5};
        ConceptDriftStream stream = Generators.create(new StreamSpec(concepts, DriftSpec.recurring(500, 0)), 75);
        for (int t = 0; t < 5000; t++) {
            Example e = stream.next();
            assertEquals(e.features()[0] + e.features()[1] > theta[(t / 500) % 3] ? 1 : 0, e.label(), "event " + t);
        }
    }

    @Test
    void recurringDriftCanBlendEachSwitch() {
        ConceptDriftStream stream = Generators.create(
                new StreamSpec(List.of(SINE1, SINE1_REVERSED), DriftSpec.recurring(10_000, 1000)), 76);
        int[] second = new int[40];
        for (int t = 0; t < 40_000; t++) {
            if (fromReversed(stream.next())) {
                second[t / 1000]++;
            }
        }
        // Concept A's rule holds through the middle of even periods, concept B's through odd ones.
        for (int k : new int[] {2, 3, 4, 5, 6, 7, 22, 23, 24, 25, 26, 27}) {
            assertTrue(second[k] < 10, "thousand " + k + ": " + second[k] + " from the second concept");
        }
        for (int k : new int[] {12, 13, 14, 15, 16, 17, 32, 33, 34, 35, 36, 37}) {
            assertTrue(second[k] > 990, "thousand " + k + ": " + second[k] + " from the second concept");
        }
        // Around the switches at 10,000, 20,000 and 30,000, half and half.
        assertEquals(0.5, (second[9] + second[10]) / 2000.0, 0.1);
        assertEquals(0.5, (second[19] + second[20]) / 2000.0, 0.1);
        assertEquals(0.5, (second[29] + second[30]) / 2000.0, 0.1);
        assertTrue(second[9] < second[10] && second[19] > second[20], "B rises at 10,000 and falls at 20,000");
    }

    @Test
    void sameSeedSameStream() {
        StreamSpec spec = new StreamSpec(List.of(new SeaSpec(1, 0.1), new SeaSpec(3, 0.1)), DriftSpec.gradual(500, 200));
        GeneratorChecks.assertDeterministicPerSeed(seed -> Generators.create(spec, seed));
    }

    @Test
    void eachConceptHasItsOwnSeedAndAddingOneKeepsTheEarlierExamples() {
        SeaSpec sea = new SeaSpec(1, 0.1);
        ConceptDriftStream single = Generators.create(StreamSpec.of(sea), 77);
        ConceptDriftStream twice = Generators.create(new StreamSpec(List.of(sea, sea), DriftSpec.abrupt(1000)), 77);
        Example[] first = new Example[1000];
        for (int t = 0; t < 1000; t++) {
            first[t] = twice.next();
            assertEquals(single.next(), first[t], "event " + t);
        }
        int repeated = 0;
        for (int t = 0; t < 1000; t++) {
            repeated += twice.next().equals(first[t]) ? 1 : 0;
        }
        assertEquals(0, repeated, "an identical second concept draws its own examples");
    }

    @Test
    void aMillionEventsRunInConstantMemory() {
        StreamSpec spec = new StreamSpec(List.of(new SeaSpec(1, 0.1), new SeaSpec(3, 0.1), new SeaSpec(4, 0.1)),
                new DriftSpec(DriftKind.GRADUAL, List.of(300_000L, 700_000L), 50_000, 0));
        ConceptDriftStream stream = Generators.create(spec, 78);
        long ones = 0;
        for (int t = 0; t < 1_000_000; t++) {
            ones += stream.next().label();
        }
        assertEquals(1_000_000, stream.events());
        assertTrue(ones > 0 && ones < 1_000_000);
    }

    @Test
    void conceptsMustShareTheSchemaAndFitTheDrift() {
        ExampleGenerator two = new SineGenerator(new SineSpec(1, false, 0), 1);
        ExampleGenerator four = new SineGenerator(new SineSpec(1, true, 0), 2);
        assertThrows(IllegalArgumentException.class, () -> new ConceptDriftStream(List.of(two, four),
                DriftSpec.abrupt(10), 3));
        assertThrows(IllegalArgumentException.class, () -> new ConceptDriftStream(List.of(two, two), null, 3));
        assertThrows(IllegalArgumentException.class, () -> new ConceptDriftStream(List.of(two),
                DriftSpec.recurring(10, 0), 3));
        assertThrows(IllegalArgumentException.class, () -> new ConceptDriftStream(List.of(), null, 3));
        assertEquals(two.schema(), new ConceptDriftStream(List.of(two), null, 3).schema());
        assertNotEquals(two.schema(), four.schema());
    }

    /** With noise 0, SINE1 and its reverse disagree on every point: the label names the concept. */
    private static boolean fromReversed(Example e) {
        boolean below = e.features()[1] < Math.sin(e.features()[0]);
        int sine1 = below ? 0 : 1;
        return e.label() != sine1;
    }
}
