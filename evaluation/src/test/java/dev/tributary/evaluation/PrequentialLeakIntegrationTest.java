package dev.tributary.evaluation;

import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.data.Example;
import dev.tributary.common.data.Schema;
import dev.tributary.common.kafka.KafkaConnection;
import dev.tributary.common.model.ModelArtifact;
import dev.tributary.common.model.ModelMetadata;
import dev.tributary.common.test.SharedKafka;
import dev.tributary.common.test.TopicFixtures;
import dev.tributary.evaluation.strategy.Strategies;
import dev.tributary.evaluation.strategy.Strategy;
import dev.tributary.evaluation.strategy.StrategyContext;
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

    /** Fails on any label of a scored event it has not predicted first. */
    static final class LeakDetector implements Strategy {
        final BitSet predicted = new BitSet();
        final long history;
        long learned;

        LeakDetector(long history) {
            this.history = history;
        }

        @Override
        public String name() {
            return "leak-detector";
        }

        @Override
        public void learnHistory(double[][] features, int[] labels) {
            throw new AssertionError("learns incrementally");
        }

        @Override
        public boolean learnsHistoryInBatch() {
            return false;
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
        public void learn(double[][] features, int[] labels) {
            for (double[] row : features) {
                int position = (int) row[0];
                if (position >= history && !predicted.get(position)) {
                    throw new AssertionError("label of event " + position + " seen before it was predicted");
                }
            }
            learned += features.length;
        }

        @Override
        public long incorporated() {
            return learned;
        }

        @Override
        public long gradientSteps() {
            return 0;
        }

        @Override
        public ModelArtifact artifact(ModelMetadata metadata) {
            return null;
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
        StrategyContext context = new StrategyContext(new ModelConfig(List.of(8), 0.01), new BatchTrainingConfig(1, 32),
                new StreamTrainingConfig(32, 1, 64, 100, 0, 0, "g"), new PeriodicRetrainConfig(150, 150), 2, 2, 1, 2);
        Map<String, Strategy> strategies = new LinkedHashMap<>();
        strategies.put(detector.name(), detector);
        for (String name : ScenarioConfig.ALL_STRATEGIES) {
            strategies.put(name, Strategies.create(name, context));
        }
        Map<String, Long> historyOf = new LinkedHashMap<>();
        strategies.keySet().forEach(name -> historyOf.put(name, HISTORY));

        StrategyDriver.Run run = new StrategyDriver(kafka, topic, SCHEMA, 64, historyOf, true, 100, 0.999, 100)
                .run(strategies, EVENTS, null, consumed -> { });

        assertEquals(EVENTS, run.events());
        assertEquals(EVENTS - HISTORY, detector.predicted.cardinality(), "every event after the history was predicted");
        assertEquals(EVENTS, detector.learned, "and then learned");
        for (StrategyDriver.Outcome o : run.outcomes().values()) {
            assertEquals(EVENTS - HISTORY, o.prequential().events(), o.strategy().name());
        }
        // The frozen baseline never learns a scored event; online learns each within its poll of 64.
        assertEquals(EVENTS - HISTORY, run.outcomes().get("batch").freshness().never());
        assertEquals(0, run.outcomes().get("online").freshness().never());
        assertTrue(run.outcomes().get("online").freshness().events().max() <= 64,
                "online: an event is learned by the end of its own poll");
        assertEquals(1, run.outcomes().get("online").freshness().events().decode().getMinNonZeroValue());
    }

    @Test
    void theDetectorCatchesALeak() {
        LeakDetector detector = new LeakDetector(0);
        assertThrows(AssertionError.class, () -> detector.learn(new double[][] {{5, 0}}, new int[] {1}));
    }
}
