package dev.tributary.evaluation.strategy;

import dev.tributary.common.config.BatchTrainingConfig;
import dev.tributary.common.config.LearnerConfig;
import dev.tributary.common.config.ModelConfig;
import dev.tributary.common.config.PeriodicRetrainConfig;
import dev.tributary.common.config.Seeds;
import dev.tributary.common.config.Strategy;
import dev.tributary.common.config.StreamTrainingConfig;
import dev.tributary.common.data.Example;
import dev.tributary.model.learn.HistoryLearner;
import dev.tributary.model.learn.Learner;
import dev.tributary.model.learn.ModelLearner;
import dev.tributary.common.test.SyntheticData;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LearnersTest {

    /** Mini-batches of 40 events, retrains every 100 events on the last 150. */
    private static final LearnerConfig CONFIG = new LearnerConfig(new ModelConfig(List.of(16), 0.01),
            new BatchTrainingConfig(5, 32), new StreamTrainingConfig(40, 32, 2, 100, 100, 0, 0, "g"),
            new PeriodicRetrainConfig(100, 150), SyntheticData.SCHEMA, new Seeds(1, 2, 3, 4));

    private static double[][] x(List<Example> examples) {
        return examples.stream().map(Example::features).toArray(double[][]::new);
    }

    private static int[] y(List<Example> examples) {
        return examples.stream().mapToInt(Example::label).toArray();
    }

    private static void learn(Learner learner, List<Example> examples) {
        examples.forEach(e -> learner.learn(e.features(), e.label()));
    }

    private static double accuracy(Learner learner, List<Example> examples) {
        double[][] p = learner.predict(x(examples));
        long correct = 0;
        for (int i = 0; i < p.length; i++) {
            correct += (p[i][1] > p[i][0] ? 1 : 0) == examples.get(i).label() ? 1 : 0;
        }
        return (double) correct / p.length;
    }

    @Test
    void batchLearnsTheHistoryThenIsFrozen() {
        Learner batch = Learners.create(Strategy.BATCH, CONFIG);
        List<Example> history = SyntheticData.blobs(300, 1);
        ((HistoryLearner) batch).learnHistory(x(history), y(history));
        assertEquals(300, batch.incorporated());
        assertTrue(accuracy(batch, SyntheticData.blobs(500, 2)) > 0.9);
        double[][] probe = x(SyntheticData.blobs(3, 3));
        double[][] before = batch.predict(probe);
        learn(batch, SyntheticData.blobs(100, 4));
        assertEquals(300, batch.incorporated(), "frozen");
        assertArrayEquals(before[0], batch.predict(probe)[0], 0.0);
        assertEquals(Learner.NEVER, batch.eventsUntilUpdate());
    }

    @Test
    void onlineChangesItsModelOnlyAtMiniBatchBoundaries() {
        Learner online = Learners.create(Strategy.ONLINE, CONFIG);
        assertFalse(online instanceof HistoryLearner, "online learns the history event by event");
        double[][] probe = x(SyntheticData.blobs(3, 3));
        List<Example> events = SyntheticData.blobs(100, 10);
        double[][] start = online.predict(probe);
        for (int i = 0; i < 39; i++) {
            assertEquals(40 - i, online.eventsUntilUpdate());
            online.learn(events.get(i).features(), events.get(i).label());
        }
        assertArrayEquals(start[0], online.predict(probe)[0], 0.0, "39 events: the model has not changed");
        assertEquals(0, online.incorporated());
        online.learn(events.get(39).features(), events.get(39).label());
        assertEquals(40, online.incorporated(), "the 40th event completes a mini-batch");
        assertFalse(Arrays.equals(start[0], online.predict(probe)[0]));
        assertEquals(40, online.eventsUntilUpdate());
        learn(online, events.subList(40, 100));
        assertEquals(80, online.incorporated(), "the last 20 wait for their mini-batch");
        online.finish();
        assertEquals(100, online.incorporated(), "finish learns an incomplete last mini-batch");
        assertTrue(online.gradientSteps() > 0);
    }

    @Test
    void onlineLearnsTheSameWhateverTheCallsAroundIt() {
        List<Example> events = SyntheticData.blobs(400, 11);
        ModelLearner one = (ModelLearner) Learners.create(Strategy.ONLINE, CONFIG);
        ModelLearner two = (ModelLearner) Learners.create(Strategy.ONLINE, CONFIG);
        learn(one, events);
        for (int i = 0; i < events.size(); i++) {
            if (i % 7 == 0) {
                two.predict(x(events.subList(i, Math.min(events.size(), i + 13))));
            }
            two.learn(events.get(i).features(), events.get(i).label());
        }
        assertArrayEquals(one.artifact(null).network().parameters(), two.artifact(null).network().parameters(),
                "predictions in between change nothing; the same events give the same weights");
    }

    @Test
    void warmStartStartsFromTheBatchModelThenLearnsOnline() {
        Learner warm = Learners.create(Strategy.WARM_START, CONFIG);
        Learner batch = Learners.create(Strategy.BATCH, CONFIG);
        List<Example> history = SyntheticData.blobs(200, 5);
        ((HistoryLearner) warm).learnHistory(x(history), y(history));
        ((HistoryLearner) batch).learnHistory(x(history), y(history));
        double[][] probe = x(SyntheticData.blobs(5, 3));
        assertArrayEquals(batch.predict(probe)[2], warm.predict(probe)[2], 0.0, "the batch model, exactly");
        assertEquals(200, warm.incorporated());
        assertEquals(40, warm.eventsUntilUpdate(), "mini-batches are aligned on stream positions (200 = 5 x 40)");
        learn(warm, SyntheticData.blobs(120, 12));
        assertEquals(320, warm.incorporated());
        assertTrue(accuracy(warm, SyntheticData.blobs(500, 2)) > 0.9);
    }

    @Test
    void periodicRetrainsEveryNEventsOnItsWindow() {
        Learner periodic = Learners.create(Strategy.PERIODIC_RETRAIN, CONFIG);
        List<Example> history = SyntheticData.blobs(200, 6);
        ((HistoryLearner) periodic).learnHistory(x(history), y(history));
        assertEquals(200, periodic.incorporated());
        assertEquals(100, periodic.eventsUntilUpdate());
        learn(periodic, SyntheticData.blobs(99, 7));
        assertEquals(200, periodic.incorporated(), "no retrain before 100 events");
        assertEquals(1, periodic.eventsUntilUpdate());
        learn(periodic, SyntheticData.blobs(1, 8));
        assertEquals(300, periodic.incorporated(), "retrained at exactly 100 events, on the last 150");
        assertTrue(accuracy(periodic, SyntheticData.blobs(500, 2)) > 0.85);
    }

    @Test
    void referenceLearnersLearnEveryEvent() {
        Learner majority = Learners.create(Strategy.MAJORITY, CONFIG);
        Learner noChange = Learners.create(Strategy.NO_CHANGE, CONFIG);
        double[] row = {0, 0, 0, 0};
        double[][] two = {row, row};
        assertArrayEquals(new double[] {1, 0}, noChange.predict(two)[0], 0.0,
                "nothing seen: class 0, as kappa-temporal's baseline");
        assertEquals(1, noChange.eventsUntilUpdate());
        majority.learn(row, 1);
        majority.learn(row, 1);
        majority.learn(row, 0);
        // add-one smoothing over 3 events and 2 classes: (1+1)/5 and (2+1)/5
        assertArrayEquals(new double[] {0.4, 0.6}, majority.predict(two)[1], 1e-12);
        noChange.learn(row, 1);
        assertArrayEquals(new double[] {0, 1}, noChange.predict(two)[0], 0.0, "the last label learned");
        noChange.learn(row, 0);
        assertArrayEquals(new double[] {1, 0}, noChange.predict(two)[1], 0.0);
        assertFalse(majority instanceof ModelLearner, "no model to save");
        assertInstanceOf(ModelLearner.class, Learners.create(Strategy.ONLINE, CONFIG));
    }
}
