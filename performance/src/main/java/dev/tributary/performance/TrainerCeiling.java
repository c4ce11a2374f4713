package dev.tributary.performance;

import dev.tributary.common.ProgressListener;
import dev.tributary.common.config.RateConfig;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.config.TopicsConfig;
import dev.tributary.common.data.Example;
import dev.tributary.common.data.Schema;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.evaluation.StrategyDriver;
import dev.tributary.common.config.LearnerConfig;
import dev.tributary.common.config.StageTopics;
import dev.tributary.common.config.Strategy;
import dev.tributary.common.config.TopicNames;
import dev.tributary.model.learn.Learner;
import dev.tributary.evaluation.strategy.Learners;
import dev.tributary.producer.Pacing;
import dev.tributary.producer.GeneratedSource;
import dev.tributary.producer.SourceProducer;
import dev.tributary.producer.generator.ExampleGenerator;
import dev.tributary.producer.generator.Generators;

import java.util.Arrays;

/**
 * The online learner end to end against the same learner in memory. Through Kafka it is the
 * harness's own prequential loop ({@link StrategyDriver}): poll, decode, predict every event,
 * learn the poll, update the prequential measures, from a topic filled beforehand. In memory,
 * a fresh learner with the same seeds predicts and then learns the same events in the same
 * mini-batches ({@code stream.mini-batch}), read from an array: the ceiling, the
 * network's own cost.
 */
final class TrainerCeiling {

    private final KafkaConnection connection;
    private final ScenarioConfig scenario;
    private final long events;
    private final Schema schema;
    /** The events the ceiling learns, generated on first use. */
    private double[][] x;
    private int[] y;

    TrainerCeiling(KafkaConnection connection, ScenarioConfig scenario, long events) {
        this.connection = connection;
        this.scenario = scenario;
        this.events = events;
        this.schema = Generators.create(scenario.source().generator(), scenario.seeds().split()).schema();
    }

    /** Fills the topic the harness side reads (not timed). */
    void prepare(String topic) {
        new SourceProducer(connection, new GeneratedSource(scenario.source().generator(), events, 1.0,
                scenario.seeds().split()), TopicsConfig.stream(topic, 1, scenario.kafka().replicationFactor()),
                Pacing.atRate(RateConfig.UNLIMITED), ProgressListener.NONE).produce();
    }

    /** @return events/s learned (test-then-train) from the topic */
    double harness(String topic) {
        StrategyDriver driver = new StrategyDriver(connection,
                new StageTopics(topic, deadLetterTopic(topic), null), schema,
                scenario.stream().maxPollRecords(), scenario.evaluation(), true);
        StrategyDriver.Run run = driver.run(learner(), 0, events, null, l -> { });
        return run.events() * 1000.0 / Math.max(1, run.wallTimeMs());
    }

    /** @return where the harness side puts records it cannot decode (none, but the feed has one) */
    static String deadLetterTopic(String topic) {
        return new TopicNames(topic).deadLetter(StrategyDriver.STAGE);
    }

    /** @return events/s learned (test-then-train) from memory */
    double ceiling() {
        if (x == null) {
            // The same events, in the same order, as prepare() sent.
            ExampleGenerator generator = Generators.create(scenario.source().generator(), scenario.seeds().split());
            x = new double[(int) events][];
            y = new int[(int) events];
            for (int i = 0; i < events; i++) {
                Example e = generator.next();
                x[i] = e.features();
                y[i] = e.label();
            }
        }
        Learner learner = learner();
        long start = System.nanoTime();
        for (int from = 0; from < events; ) {
            // The harness's segments: up to the model's next update, predicted, then learned.
            int to = (int) Math.min(events, from + learner.eventsUntilUpdate());
            learner.predict(Arrays.copyOfRange(x, from, to));
            for (int i = from; i < to; i++) {
                learner.learn(x[i], y[i]);
            }
            from = to;
        }
        return events * 1e9 / Math.max(1, System.nanoTime() - start);
    }

    private Learner learner() {
        return Learners.create(Strategy.ONLINE, LearnerConfig.of(scenario, schema));
    }
}
