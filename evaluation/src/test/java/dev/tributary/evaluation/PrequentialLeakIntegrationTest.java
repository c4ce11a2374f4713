package dev.tributary.evaluation;

import dev.tributary.common.config.EvaluationConfig;
import dev.tributary.common.config.LearnerConfig;
import dev.tributary.common.config.Seeds;
import dev.tributary.common.config.StageTopics;
import dev.tributary.common.config.Strategy;
import dev.tributary.model.learn.Learner;
import dev.tributary.common.data.Example;
import dev.tributary.common.data.Schema;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.broker.test.SharedKafka;
import dev.tributary.broker.test.TopicFixtures;
import dev.tributary.evaluation.strategy.Learners;
import dev.tributary.common.config.BatchTrainingConfig;
import dev.tributary.common.config.ModelConfig;
import dev.tributary.common.config.PeriodicRetrainConfig;
import dev.tributary.common.config.StreamTrainingConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The prequential protocol's promise, checked through Kafka: no strategy sees an event's label
 * before it has predicted that event. The witness is a learner that knows each event by its
 * first feature (its position in the stream) and fails on a label it has not predicted yet.
 */
@Tag("integration")
class PrequentialLeakIntegrationTest {

    private static final int EVENTS = 1_000;
    private static final long HISTORY = 200;
    private static final Schema SCHEMA = new Schema(List.of("position", "x"), List.of("a", "b"));
    private final KafkaConnection kafka = SharedKafka.connection();

    /** Fails on any label of a scored event it has not predicted first. Takes the place of no-change. */
    static final class LeakDetector implements Learner {
        final BitSet predicted = new BitSet();
        final long history;
        long learned;

        LeakDetector(long history) {
            this.history = history;
        }

        @Override
        public Strategy strategy() {
            return Strategy.NO_CHANGE;
        }

        @Override
        public double[][] predict(double[][] features) {
            double[][] out = new double[features.length][];
            for (int i = 0; i < features.length; i++) {
                predicted.set((int) features[i][0]);
                out[i] = new double[] {0.5, 0.5};
            }
            return out;
        }

        @Override
        public void learn(double[] features, int label) {
            int position = (int) features[0];
            if (position >= history && !predicted.get(position)) {
                throw new AssertionError("label of event " + position + " seen before it was predicted");
            }
            learned++;
        }

        @Override
        public int eventsUntilUpdate() {
            // A model that changes after every 5th event: the driver must cut its segments there.
            return (int) (5 - learned % 5);
        }

        @Override
        public long incorporated() {
            return learned - learned % 5;
        }

        @Override
        public long gradientSteps() {
            return 0;
        }
    }

    @Test
    void everyScoredEventIsPredictedBeforeAnyStrategyLearnsIt() {
        String topic = SharedKafka.unique("leak");
        List<Example> stream = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            stream.add(new Example(new double[] {i, (i * 7919) % 13}, (i / 3) % 2));
        }
        TopicFixtures.write(kafka, topic, 1, stream);

        LeakDetector detector = new LeakDetector(HISTORY);
        LearnerConfig config = new LearnerConfig(new ModelConfig(List.of(8), 0.01), new BatchTrainingConfig(1, 32),
                new StreamTrainingConfig(64, 32, 1, 64, 100, 0, 0, "g"), new PeriodicRetrainConfig(150, 150), SCHEMA,
                new Seeds(0, 0, 1, 2));
        // Each strategy on its own driver, as the experiment runs them; the detector in no-change's place.
        Map<Strategy, StrategyDriver.Outcome> outcomes = new LinkedHashMap<>();
        for (Strategy strategy : Strategy.ALL) {
            Learner learner = strategy == Strategy.NO_CHANGE ? detector : Learners.create(strategy, config);
            StrategyDriver.Run run = new StrategyDriver(kafka, new StageTopics(topic, topic + "-experiment-dlq", null),
                    SCHEMA, 37, new EvaluationConfig(0.2, 100, 0.999, 100, 0, false, false), true)
                    .run(learner, HISTORY, EVENTS, null, l -> { });
            assertEquals(EVENTS, run.events(), strategy.key());
            outcomes.put(strategy, run.outcome());
        }

        assertEquals(EVENTS - HISTORY, detector.predicted.cardinality(), "every event after the history was predicted");
        assertEquals(EVENTS, detector.learned, "and then learned");
        for (StrategyDriver.Outcome o : outcomes.values()) {
            assertEquals(EVENTS - HISTORY, o.prequential().events(), o.learner().strategy().key());
        }
        // The frozen baseline never learns a scored event; online learns each within its mini-batch of 64.
        assertEquals(EVENTS - HISTORY, outcomes.get(Strategy.BATCH).freshness().never());
        assertEquals(EVENTS % 64, outcomes.get(Strategy.ONLINE).freshness().never(),
                "online: every event but those of the incomplete last mini-batch is learned while scored");
        assertTrue(outcomes.get(Strategy.ONLINE).freshness().events().max() <= 64,
                "online: an event is learned by the end of its own mini-batch");
        assertEquals(1, outcomes.get(Strategy.ONLINE).freshness().events().decode().getMinNonZeroValue());
    }

    @Test
    void theDetectorCatchesALeak() {
        LeakDetector detector = new LeakDetector(0);
        assertThrows(AssertionError.class, () -> detector.learn(new double[] {5, 0}, 1));
    }
}
