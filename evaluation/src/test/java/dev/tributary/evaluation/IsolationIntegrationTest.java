package dev.tributary.evaluation;

import dev.tributary.broker.test.SharedKafka;
import dev.tributary.broker.test.TopicFixtures;
import dev.tributary.common.config.EvaluationConfig;
import dev.tributary.common.config.StageTopics;
import dev.tributary.common.config.Strategy;
import dev.tributary.common.data.Example;
import dev.tributary.common.data.Schema;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.model.learn.Learner;
import dev.tributary.results.PrequentialResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each strategy consumes with its own consumer and position: a deliberately slow strategy beside
 * another changes nothing the other records (structure, not time).
 */
@Tag("integration")
class IsolationIntegrationTest {

    private static final int EVENTS = 600;
    private static final long HISTORY = 100;
    private static final Schema SCHEMA = new Schema(List.of("position", "x"), List.of("a", "b"));
    private final KafkaConnection kafka = SharedKafka.connection();

    /** Remembers the positions it predicted and learned, in order; optionally slow to learn. */
    static final class Recorder implements Learner {
        final List<Long> predicted = new ArrayList<>();
        final List<Long> learned = new ArrayList<>();
        final Strategy strategy;
        final long sleepMsPerEvent;
        int last;

        Recorder(Strategy strategy, long sleepMsPerEvent) {
            this.strategy = strategy;
            this.sleepMsPerEvent = sleepMsPerEvent;
        }

        @Override
        public Strategy strategy() {
            return strategy;
        }

        @Override
        public double[][] predict(double[][] raw) {
            double[][] out = new double[raw.length][];
            for (int i = 0; i < raw.length; i++) {
                predicted.add((long) raw[i][0]);
                out[i] = last == 0 ? new double[] {0.9, 0.1} : new double[] {0.1, 0.9};
            }
            return out;
        }

        @Override
        public void learn(double[] features, int label) {
            learned.add((long) features[0]);
            last = label;
            if (sleepMsPerEvent > 0) {
                try {
                    Thread.sleep(sleepMsPerEvent);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public int eventsUntilUpdate() {
            return 1;
        }

        @Override
        public long incorporated() {
            return learned.size();
        }

        @Override
        public long gradientSteps() {
            return 0;
        }
    }

    private StrategyDriver.Run drive(String topic, Recorder learner) {
        return new StrategyDriver(kafka, new StageTopics(topic, topic + "-experiment-dlq", null), SCHEMA, 50,
                new EvaluationConfig(0.2, 100, 0.999, 100, 0, true, false), true)
                .run(learner, HISTORY, EVENTS, null, l -> { });
    }

    @Test
    void aSlowStrategyBesideAnotherChangesNothingItRecords() throws Exception {
        String topic = SharedKafka.unique("isolation");
        List<Example> stream = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            stream.add(new Example(new double[] {i, i % 7}, (i / 5) % 2));
        }
        TopicFixtures.write(kafka, topic, 1, stream);

        Recorder alone = new Recorder(Strategy.NO_CHANGE, 0);
        PrequentialResult aloneResult = drive(topic, alone).outcome().prequential();

        Recorder fast = new Recorder(Strategy.NO_CHANGE, 0);
        Recorder slow = new Recorder(Strategy.MAJORITY, 2);
        CompletableFuture<StrategyDriver.Run> slowRun = CompletableFuture.supplyAsync(() -> drive(topic, slow));
        StrategyDriver.Run fastRun = drive(topic, fast);
        slowRun.get();

        List<Long> scored = LongStream.range(HISTORY, EVENTS).boxed().toList();
        List<Long> all = LongStream.range(0, EVENTS).boxed().toList();
        assertEquals(scored, fast.predicted, "every scored event predicted once, in order, beside a slow neighbour");
        assertEquals(all, fast.learned, "and every event learned once, in order");
        assertEquals(scored, slow.predicted, "the slow one, on its own position, missed nothing either");
        PrequentialResult besideResult = fastRun.outcome().prequential();
        assertEquals(aloneResult.cumulative(), besideResult.cumulative(), "the same figures as alone");
        assertEquals(aloneResult.curve(), besideResult.curve());
    }
}
