package dev.tributary.evaluation;

import dev.tributary.common.ProgressListener;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.config.ScenarioFiles;
import dev.tributary.common.config.Strategy;
import dev.tributary.common.data.Example;
import dev.tributary.broker.test.SharedKafka;
import dev.tributary.results.ExperimentResults;
import dev.tributary.results.HoldoutResult;
import dev.tributary.results.PrequentialResult;
import dev.tributary.results.StrategyResult;
import dev.tributary.producer.generator.ExampleGenerator;
import dev.tributary.producer.generator.Generators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same scenario and seed give the same quality numbers, bit for bit, whatever the rate, the
 * polls or the machine's speed: mini-batches are cut by event count, never by poll boundaries.
 * Four runs of a small drifting SEA stream, every strategy: as fast as possible with polls of
 * 500, produced concurrently at 2,000 events/s with polls of 500, as fast as possible with polls of
 * 7 (each strategy after the other, on its own production of the stream), and with every
 * strategy on its own consumer of one production, side by side.
 */
@Tag("integration")
class DeterminismIntegrationTest {

    private static final long EVENTS = 3_000;
    @TempDir
    static Path output;
    private static ExperimentResults fast;
    private static ExperimentResults paced;
    private static ExperimentResults smallPolls;
    private static ExperimentResults concurrent;
    private static ScenarioConfig base;

    private static ExperimentResults run(String tag, double rate, int maxPollRecords) {
        return run(tag, rate, maxPollRecords, false);
    }

    private static ExperimentResults run(String tag, double rate, int maxPollRecords, boolean sideBySide) {
        Map<String, Object> overrides = new HashMap<>(Map.of(
                "name", SharedKafka.unique("det-" + tag),
                "source.events", EVENTS,
                "source.generator.drift.positions", java.util.List.of(1_500L),
                "model.hidden-layers", java.util.List.of(16),
                "batch.epochs", 2,
                "stream.epochs", 1,
                "periodic.every", 500L,
                "periodic.window", 500,
                "rate.events-per-second", rate,
                "stream.max-poll-records", maxPollRecords));
        overrides.put("evaluation.concurrent", sideBySide);
        overrides.put("evaluation.warm-up", false);
        ScenarioConfig scenario = ScenarioFiles.load("sea-abrupt", overrides);
        base = scenario;
        return new ExperimentRunner(SharedKafka.connection(), true, scenario, output.resolve(tag),
                ProgressListener.NONE).run();
    }

    @BeforeAll
    static void runThreeWays() {
        fast = run("fast", 0, 500);
        paced = run("paced", 2_000, 500);
        smallPolls = run("polls", 0, 7);
        concurrent = run("side", 0, 500, true);
    }

    @Test
    void theRateAndThePollsChangeNoQualityFigure() {
        for (Strategy strategy : Strategy.ALL) {
            PrequentialResult expected = fast.strategy(strategy.key()).prequential();
            for (ExperimentResults other : new ExperimentResults[] {paced, smallPolls, concurrent}) {
                PrequentialResult actual = other.strategy(strategy.key()).prequential();
                String what = strategy + " in " + other.runId();
                assertEquals(expected.events(), actual.events(), what);
                assertEquals(expected.cumulative(), actual.cumulative(), what + ": cumulative metrics, bit for bit");
                assertEquals(expected.window(), actual.window(), what + ": windowed metrics");
                assertEquals(expected.fadingAccuracy(), actual.fadingAccuracy(), 0.0, what);
                assertEquals(expected.fadingKappa(), actual.fadingKappa(), 0.0, what);
                assertTrue(Arrays.deepEquals(expected.confusionMatrix(), actual.confusionMatrix()), what);
                assertEquals(expected.curve(), actual.curve(), what + ": the curve");
            }
        }
        // Not vacuous: the learners learn, and differ from each other.
        double online = fast.strategy("online").prequential().cumulative().get("accuracy");
        assertTrue(online > fast.strategy("majority").prequential().cumulative().get("accuracy"), "online " + online);
        assertNotEquals(fast.strategy("batch").prequential().cumulative(), fast.strategy("warm-start").prequential()
                .cumulative());
    }

    @Test
    void eachStrategyRanOnItsOwnAndSaysWhetherItKeptUp() {
        long scored = EVENTS - Math.round(EVENTS * base.evaluation().historyFraction());
        for (Strategy strategy : Strategy.ALL) {
            StrategyResult own = paced.strategy(strategy.key());
            assertEquals(scored, own.prequential().events(), strategy + ": every scored event predicted once");
            assertEquals(scored / base.evaluation().curveEvery(), own.keepingUp().lag().size(),
                    strategy + ": a lag sample at every curve point");
            assertTrue(own.keepingUp().keptUp() != null, strategy + ": a paced stream has a rate to keep up with");
            assertTrue(own.keepingUp().sustainableEventsPerSecond() > 0, strategy + ": its backlog rate was measured");
            assertEquals(null, fast.strategy(strategy.key()).keepingUp().keptUp(),
                    strategy + ": as fast as possible, there is no rate to keep up with");
            assertEquals(null, concurrent.strategy(strategy.key()).keepingUp().sustainableEventsPerSecond(),
                    strategy + ": side by side, no backlog pass");
        }
        assertEquals(false, paced.scenario().evaluation().concurrent(), "results.json records which mode ran");
        assertEquals(true, concurrent.scenario().evaluation().concurrent());
    }

    @Test
    void noChangeIsThePersistenceForecastOfEveryEvent() {
        // The stream, regenerated independently of Kafka and of the learners.
        ExampleGenerator generator = Generators.create(base.source().generator(), base.seeds().split());
        int[] labels = new int[(int) EVENTS];
        for (int i = 0; i < EVENTS; i++) {
            Example e = generator.next();
            labels[i] = e.label();
        }
        long history = Math.round(EVENTS * base.evaluation().historyFraction());
        long same = 0;
        for (int i = (int) history; i < EVENTS; i++) {
            same += labels[i] == labels[i - 1] ? 1 : 0;
        }
        StrategyResult noChange = fast.strategy(Strategy.NO_CHANGE.key());
        assertEquals((double) same / (EVENTS - history), noChange.prequential().cumulative().get("accuracy"), 1e-15,
                "no-change's accuracy is the fraction of consecutive equal labels");
        assertEquals(0.0, noChange.prequential().cumulative().get("kappa_temporal"), 0.0,
                "kappa-temporal compares with no-change itself");
        for (ExperimentResults r : new ExperimentResults[] {fast, paced, smallPolls}) {
            assertEquals(0.0, r.strategy("no-change").prequential().window().get("kappa_temporal"), 0.0, r.runId());
        }
    }

    @Test
    void holdoutIsDeterministicToo() {
        Map<String, Object> a = Map.of("name", SharedKafka.unique("det-h1"), "stream.max-poll-records", 500,
                "evaluation.warm-up", false);
        Map<String, Object> b = Map.of("name", SharedKafka.unique("det-h2"), "stream.max-poll-records", 11,
                "evaluation.warm-up", false);
        ExperimentResults one = new ExperimentRunner(SharedKafka.connection(), true,
                ScenarioFiles.load("breast-cancer", a), output.resolve("h1"), ProgressListener.NONE).run();
        ExperimentResults two = new ExperimentRunner(SharedKafka.connection(), true,
                ScenarioFiles.load("breast-cancer", b), output.resolve("h2"), ProgressListener.NONE).run();
        for (Strategy strategy : Strategy.ALL) {
            HoldoutResult x = one.strategy(strategy.key()).holdout();
            HoldoutResult y = two.strategy(strategy.key()).holdout();
            assertEquals(x.metrics(), y.metrics(), strategy + ": holdout metrics, bit for bit");
            assertTrue(Arrays.deepEquals(x.confusionMatrix(), y.confusionMatrix()), strategy.key());
        }
        assertEquals(one.strategy("online").learningCurve(), two.strategy("online").learningCurve(),
                "the learning curve's points fall on the same stream positions");
        assertArrayEquals(new long[] {one.produce().trainRecords()}, new long[] {two.produce().trainRecords()});
    }
}
