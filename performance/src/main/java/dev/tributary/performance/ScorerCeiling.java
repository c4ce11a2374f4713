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
 * The scorer's sustained rate against two ceilings. Through Kafka: the scorer (Kafka Streams,
 * at-least-once) runs with its model loaded, then the events are sent as fast as the producer
 * can, so that the scorer works through a backlog; its rate is the predictions read back per
 * second, from the first to the last. The passthrough ceiling is the same measurement of a Kafka
 * Streams application of the scorer's shape (its topics, partitions, byte serdes, guarantee,
 * commit interval and client settings: {@link Passthrough}) that forwards each event
 * unchanged: what Kafka Streams, the broker, the backlog producer and the reader cost on this
 * machine, none of which Tributary controls. The inference ceiling: the same model scores the
 * same rows in memory in batches of the scorer's largest micro-batch, the most it could batch.
 * Neither ceiling alone bounds the scorer, which pays for both on the same cores; their
 * combination, {@code 1 / (1/passthrough + 1/inference)}, does.
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
        TopicsConfig input = input(topics);
        SourceProducer.createTopics(connection, input);
        try (ModelTopic models = ModelTopic.open(connection, topics.models(), scenario.kafka().replicationFactor())) {
            models.publish(STRATEGY, ModelCodec.encode(model));
        }
        var schema = Generators.create(scenario.source().generator(), scenario.seeds().split()).schema();
        try (ModelScorer scorer = ModelScorer.start(connection, schema, settings(names))) {
            ServingBenchmark.awaitModel(scorer);
            return backlogRate(input, topics.predictions());
        }
    }

    /** @return events/s forwarded unchanged by a Streams application of the scorer's shape */
    double passthrough(TopicNames names) {
        TopicsConfig input = input(ScoringTopology.ScoringTopics.of(names));
        SourceProducer.createTopics(connection, input);
        try (Passthrough passthrough = Passthrough.start(connection, settings(names))) {
            return backlogRate(input, passthrough.output());
        }
    }

    private ModelScorer.Settings settings(TopicNames names) {
        return new ModelScorer.Settings(applicationId(names), STRATEGY, ScoringTopology.ScoringTopics.of(names),
                maxBatch, flushMs, false, stateDir.resolve(names.prefix()));
    }

    private TopicsConfig input(ScoringTopology.ScoringTopics topics) {
        return TopicsConfig.stream(topics.events(), scenario.kafka().trainPartitions(),
                scenario.kafka().replicationFactor());
    }

    /**
     * Sends the events as fast as the producer can into {@code input} while reading {@code output}
     * back: its records/s from the first to the last.
     */
    private double backlogRate(TopicsConfig input, String output) {
        try (TopicFeed reader = TopicFeed.fromBeginning(connection, output,
                TopicFeed.Settings.exactly(500, events, STALL_TIMEOUT.toMillis()))) {
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
            producer.join();
            return count * 1e9 / Math.max(1, span[1] - span[0]);
        }
    }

    /** @return the scorer's application id for a measurement with these names */
    private static String applicationId(TopicNames names) {
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
