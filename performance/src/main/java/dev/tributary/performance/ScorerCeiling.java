package dev.tributary.performance;

import dev.tributary.common.config.TopicNames;
import dev.tributary.model.ModelCodec;
import dev.tributary.common.ProgressListener;
import dev.tributary.common.config.RateConfig;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.config.TopicsConfig;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.kafka.TopicFeed;
import dev.tributary.kafka.ModelTopic;
import dev.tributary.model.ModelArtifact;
import dev.tributary.producer.SourceProducer;
import dev.tributary.producer.Pacing;
import dev.tributary.producer.GeneratedSource;
import dev.tributary.producer.generator.ExampleGenerator;
import dev.tributary.producer.generator.Generators;
import dev.tributary.serving.ModelScorer;
import dev.tributary.serving.ScoringTopology;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * The scorer's sustained rate against batched inference in memory. Through Kafka: the scorer
 * (Kafka Streams, at-least-once) runs with its model loaded, then the events are sent as fast
 * as the producer can, so that the scorer works through a backlog; its rate is the predictions
 * read back per second, from the first to the last. In memory: the same model scores the same
 * rows in batches of the scorer's largest micro-batch, the most it could batch.
 */
final class ScorerCeiling {

    private static final String STRATEGY = "online";
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaConnection connection;
    private final ScenarioConfig scenario;
    private final long events;
    private final int maxBatch;
    private final long flushMs;
    private final Path stateDir;
    private final ModelArtifact model;
    /** The rows the ceiling scores, generated on first use. */
    private double[][] rows;

    ScorerCeiling(KafkaConnection connection, ScenarioConfig scenario, long events, int maxBatch, long flushMs,
                  Path stateDir) {
        this.connection = connection;
        this.scenario = scenario;
        this.events = events;
        this.maxBatch = maxBatch;
        this.flushMs = flushMs;
        this.stateDir = stateDir;
        this.model = ServingBenchmark.servingModel(scenario);
    }

    /** @return predictions/s delivered by the scorer */
    double harness(TopicNames names) {
        var topics = ScoringTopology.ScoringTopics.of(names);
        TopicsConfig input = TopicsConfig.stream(topics.events(), scenario.kafka().trainPartitions(),
                scenario.kafka().replicationFactor());
        SourceProducer.createTopics(connection, input);
        try (ModelTopic models = ModelTopic.open(connection, topics.models(), scenario.kafka().replicationFactor())) {
            models.publish(STRATEGY, ModelCodec.encode(model));
        }
        var schema = Generators.create(scenario.source().generator(), scenario.seeds().split()).schema();
        try (ModelScorer scorer = ModelScorer.start(connection, schema, new ModelScorer.Settings(applicationId(names),
                STRATEGY, topics, maxBatch, flushMs, false, stateDir.resolve(names.prefix())));
             TopicFeed reader = TopicFeed.fromBeginning(connection, topics.predictions(),
                     TopicFeed.Settings.exactly(500, events, STALL_TIMEOUT.toMillis()))) {
            ServingBenchmark.awaitModel(scorer);
            CompletableFuture<?> producer = CompletableFuture.runAsync(() -> new SourceProducer(connection,
                    new GeneratedSource(scenario.source().generator(), events, 1.0, scenario.seeds().split()), input,
                    Pacing.atRate(RateConfig.UNLIMITED), ProgressListener.NONE).produce());
            long[] span = {0, 0};
            reader.run(record -> {
                span[1] = System.nanoTime();
                span[0] = span[0] == 0 ? span[1] : span[0];
                return true;
            }, () -> {
                if (producer.isCompletedExceptionally()) {
                    producer.join();
                }
            });
            long count = reader.handed();
            long first = span[0];
            long last = span[1];
            producer.join();
            return count * 1e9 / Math.max(1, last - first);
        }
    }

    /** @return the scorer's application id for a measurement with these names */
    static String applicationId(TopicNames names) {
        return names.group(ModelScorer.STAGE);
    }

    /** @return rows/s of batched inference in memory */
    double ceiling() {
        if (rows == null) {
            // The same events, in the same order, as the harness side sends.
            ExampleGenerator generator = Generators.create(scenario.source().generator(), scenario.seeds().split());
            rows = new double[(int) events][];
            for (int i = 0; i < events; i++) {
                rows[i] = generator.next().features();
            }
        }
        long start = System.nanoTime();
        for (int from = 0; from < events; from += maxBatch) {
            model.predictProbabilities(Arrays.copyOfRange(rows, from, (int) Math.min(events, from + maxBatch)));
        }
        return events * 1e9 / Math.max(1, System.nanoTime() - start);
    }
}
