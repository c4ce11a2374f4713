package dev.tributary.evaluation.strategy;

import dev.tributary.common.config.BatchTrainingConfig;
import dev.tributary.common.config.ModelConfig;
import dev.tributary.common.config.PeriodicRetrainConfig;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.config.StreamTrainingConfig;
import dev.tributary.common.data.Example;
import dev.tributary.common.test.SyntheticData;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrategiesTest {

    private static final StrategyContext CONTEXT = new StrategyContext(new ModelConfig(List.of(16), 0.01),
            new BatchTrainingConfig(5, 32), new StreamTrainingConfig(32, 2, 100, 100, 0, 0, "g"),
            new PeriodicRetrainConfig(100, 150), 4, 2, 3, 4);

    private static double[][] x(List<Example> examples) {
        return examples.stream().map(Example::features).toArray(double[][]::new);
    }

    private static int[] y(List<Example> examples) {
        return examples.stream().mapToInt(Example::label).toArray();
    }

    private static double accuracy(Strategy s, List<Example> examples) {
        double[][] p = s.predict(x(examples));
        long correct = 0;
        for (int i = 0; i < p.length; i++) {
            correct += (p[i][1] > p[i][0] ? 1 : 0) == examples.get(i).label() ? 1 : 0;
        }
        return (double) correct / p.length;
    }

    @Test
    void batchLearnsTheHistoryThenIsFrozen() {
        Strategy batch = Strategies.create(ScenarioConfig.BATCH, CONTEXT);
        List<Example> history = SyntheticData.blobs(300, 1);
        batch.learnHistory(x(history), y(history));
        assertEquals(300, batch.incorporated());
        assertTrue(accuracy(batch, SyntheticData.blobs(500, 2)) > 0.9);
        double[][] probe = x(SyntheticData.blobs(3, 3));
        double[][] before = batch.predict(probe);
        List<Example> more = SyntheticData.blobs(100, 4);
        batch.learn(x(more), y(more));
        assertEquals(300, batch.incorporated(), "frozen");
        assertArrayEquals(before[0], batch.predict(probe)[0], 0.0);
        assertTrue(batch.frozenAfterHistory());
    }

    @Test
    void onlineAndWarmStartLearnEveryBatch() {
        Strategy online = Strategies.create(ScenarioConfig.ONLINE, CONTEXT);
        Strategy warm = Strategies.create(ScenarioConfig.WARM_START, CONTEXT);
        List<Example> history = SyntheticData.blobs(200, 5);
        warm.learnHistory(x(history), y(history));
        assertThrows(IllegalStateException.class, () -> online.learnHistory(x(history), y(history)));
        for (int i = 0; i < 5; i++) {
            List<Example> batch = SyntheticData.blobs(100, 10 + i);
            online.learn(x(batch), y(batch));
            warm.learn(x(batch), y(batch));
        }
        assertEquals(500, online.incorporated());
        assertEquals(700, warm.incorporated());
        assertTrue(accuracy(online, SyntheticData.blobs(500, 2)) > 0.9);
        assertTrue(accuracy(warm, SyntheticData.blobs(500, 2)) > 0.9);
        assertTrue(online.gradientSteps() > 0);
    }

    @Test
    void periodicRetrainsEveryNEventsOnItsWindow() {
        Strategy periodic = Strategies.create(ScenarioConfig.PERIODIC, CONTEXT);
        List<Example> history = SyntheticData.blobs(200, 6);
        periodic.learnHistory(x(history), y(history));
        assertEquals(200, periodic.incorporated());
        List<Example> sixty = SyntheticData.blobs(60, 7);
        periodic.learn(x(sixty), y(sixty));
        assertEquals(200, periodic.incorporated(), "no retrain before 100 events");
        periodic.learn(x(sixty), y(sixty));
        assertEquals(320, periodic.incorporated(), "retrained at 120 >= 100 events, on the last 150");
        assertTrue(accuracy(periodic, SyntheticData.blobs(500, 2)) > 0.85);
    }

    @Test
    void referenceLearnersGiveTheChanceLevels() {
        Strategy majority = Strategies.create(ScenarioConfig.MAJORITY, CONTEXT);
        Strategy noChange = Strategies.create(ScenarioConfig.NO_CHANGE, CONTEXT);
        double[][] two = {{0, 0, 0, 0}, {1, 1, 1, 1}};
        assertArrayEquals(new double[] {0.5, 0.5}, noChange.predict(two)[0], 0.0, "nothing seen: uniform");
        majority.learn(two, new int[] {1, 1});
        majority.learn(new double[][] {{0, 0, 0, 0}}, new int[] {0});
        // add-one smoothing over 3 events and 2 classes: (1+1)/5 and (2+1)/5
        assertArrayEquals(new double[] {0.4, 0.6}, majority.predict(two)[1], 1e-12);
        noChange.learn(two, new int[] {0, 1});
        assertArrayEquals(new double[] {0, 1}, noChange.predict(two)[0], 0.0, "the last label learned");
        assertNull(majority.artifact(null));
        assertNotNull(Strategies.create(ScenarioConfig.ONLINE, CONTEXT).artifact(null));
        assertThrows(IllegalArgumentException.class, () -> Strategies.create("magic", CONTEXT));
    }
}
