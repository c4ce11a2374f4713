package dev.tributary.serving;

import dev.tributary.model.ModelCodec;
import dev.tributary.broker.test.TopicFixtures;

import dev.tributary.common.data.Example;
import dev.tributary.common.data.ExampleCodec;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.kafka.ModelTopic;
import dev.tributary.kafka.TopicAdmin;
import dev.tributary.broker.test.SharedKafka;
import dev.tributary.common.test.SyntheticData;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scorer on the real embedded broker. Each event carries a unique timestamp, which its
 * prediction repeats, so "exactly one prediction per event" is checked event by event.
 */
@Tag("integration")
class ModelScorerIntegrationTest {

    /** Recent, so that retention (7 days by default) never deletes the events mid-test. */
    private static final long BASE_MS = System.currentTimeMillis();
    private final KafkaConnection kafka = SharedKafka.connection();

    private ScoringTopology.ScoringTopics topics(String name) {
        try (TopicAdmin admin = new TopicAdmin(kafka)) {
            admin.ensureTopic(name + "-events", 4, (short) 1, Map.of());
        }
        return new ScoringTopology.ScoringTopics(name + "-events", name + "-models", name + "-predictions", name + "-dlq");
    }

    private ModelScorer scorer(ScoringTopology.ScoringTopics topics, String app, boolean exactlyOnce, Path dir) {
        return scorer(topics, app, exactlyOnce, dir, 64, 1);
    }

    private ModelScorer scorer(ScoringTopology.ScoringTopics topics, String app, boolean exactlyOnce, Path dir,
                               int maxBatch, long flushIntervalMs) {
        return ModelScorer.start(kafka, SyntheticData.SCHEMA, new ModelScorer.Settings(app, "online", topics, maxBatch,
                flushIntervalMs, exactlyOnce, dir));
    }

    private void produce(String topic, int from, int to) {
        List<Example> examples = SyntheticData.blobs(to - from, from);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producerConfig())) {
            for (int i = from; i < to; i++) {
                Example e = examples.get(i - from);
                producer.send(new ProducerRecord<>(topic, i % 4, BASE_MS + i, ExampleCodec.encodeKey(e.label()),
                        ExampleCodec.encodeValue(e.features())));
            }
        }
    }

    /** Reads committed predictions until {@code expected} arrive (or 60 s pass) and a little longer, to catch duplicates. */
    private List<Prediction> predictions(String topic, int expected) {
        return predictions(topic, expected, "read_committed");
    }

    private List<Prediction> predictions(String topic, int expected, String isolation) {
        Map<String, Object> config = kafka.consumerConfig(SharedKafka.unique("reader"));
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        List<Prediction> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            long settle = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settle)) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> out.add(Prediction.decode(r.value())));
                if (out.size() >= expected && settle == Long.MAX_VALUE) {
                    settle = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                }
            }
        }
        return out;
    }

    private static void assertExactlyOncePerEvent(List<Prediction> predictions, int events) {
        Set<Long> seen = new HashSet<>();
        for (Prediction p : predictions) {
            assertTrue(seen.add(p.eventTimeMs()), "event " + (p.eventTimeMs() - BASE_MS) + " predicted twice");
        }
        assertEquals(events, seen.size(), "every event predicted");
    }

    @Test
    void everyEventGetsOnePredictionAcrossAModelUpdate(@TempDir Path dir) {
        ScoringTopology.ScoringTopics topics = topics(SharedKafka.unique("serve"));
        try (ModelTopic models = ModelTopic.open(kafka, topics.models(), (short) 1)) {
            models.publish("online", ModelCodec.encode(ServingFixtures.model(1, 1)));
            try (ModelScorer scorer = scorer(topics, SharedKafka.unique("app"), false, dir)) {
                assertTrue(scorer.awaitRunning(Duration.ofSeconds(60)));
                produce(topics.events(), 0, 1_000);
                models.publish("online", ModelCodec.encode(ServingFixtures.model(2, 5)));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (scorer.serving().swaps() < 2 && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                produce(topics.events(), 1_000, 2_000);
                List<Prediction> predictions = predictions(topics.predictions(), 2_000);
                assertExactlyOncePerEvent(predictions, 2_000);
                assertTrue(predictions.stream().anyMatch(p -> p.modelVersion() == 2), "the new model serves");
                assertTrue(predictions.stream().filter(p -> p.eventTimeMs() >= BASE_MS + 1_000)
                        .allMatch(p -> p.modelVersion() == 2), "every event after the swap is scored by it");
                assertEquals(2, scorer.serving().swaps());
            }
        }
    }

    @Test
    void twoInstancesShareThePartitionsAndEachEventIsScoredOnce(@TempDir Path dir) throws Exception {
        ScoringTopology.ScoringTopics topics = topics(SharedKafka.unique("scale"));
        String app = SharedKafka.unique("app");
        try (ModelTopic models = ModelTopic.open(kafka, topics.models(), (short) 1)) {
            models.publish("online", ModelCodec.encode(ServingFixtures.model(1, 3)));
        }
        try (ModelScorer first = scorer(topics, app, false, dir.resolve("a"));
             ModelScorer second = scorer(topics, app, false, dir.resolve("b"))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while ((first.assignedPartitions() == 0 || second.assignedPartitions() == 0
                    || first.assignedPartitions() + second.assignedPartitions() != 4) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(4, first.assignedPartitions() + second.assignedPartitions(), "the 4 partitions are shared");
            assertTrue(first.assignedPartitions() > 0 && second.assignedPartitions() > 0, "both instances score");
            produce(topics.events(), 0, 2_000);
            List<Prediction> predictions = predictions(topics.predictions(), 2_000);
            assertExactlyOncePerEvent(predictions, 2_000);
            assertTrue(predictions.stream().allMatch(p -> p.modelVersion() == 1), "each instance read the model");
        }
    }

    @Test
    void exactlyOnceScoresEachEventOnce(@TempDir Path dir) {
        ScoringTopology.ScoringTopics topics = topics(SharedKafka.unique("eos"));
        try (ModelTopic models = ModelTopic.open(kafka, topics.models(), (short) 1)) {
            models.publish("online", ModelCodec.encode(ServingFixtures.model(1, 1)));
        }
        try (ModelScorer scorer = scorer(topics, SharedKafka.unique("app"), true, dir)) {
            assertTrue(scorer.awaitRunning(Duration.ofSeconds(60)));
            produce(topics.events(), 0, 1_000);
            assertExactlyOncePerEvent(predictions(topics.predictions(), 1_000), 1_000);
        }
    }

    /**
     * Streams commits the offsets of every event it has handed to the processor, including those
     * still waiting in a partial micro-batch; a stop (or a crash) after such a commit used to lose
     * them. Here no flush is due for an hour and no commit for a minute (the transactions of
     * exactly-once allowed two), so 9 events of each partition's 25 wait, unscored,
     * until the stop commits: they must be scored before that commit, by this instance, and the
     * next instance must find nothing lost and nothing to score again.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void eventsWaitingInAPartialBatchAreScoredBeforeTheStopCommitsThem(boolean exactlyOnce, @TempDir Path dir)
            throws Exception {
        ScoringTopology.ScoringTopics topics = topics(SharedKafka.unique("partial"));
        String app = SharedKafka.unique("app");
        try (ModelTopic models = ModelTopic.open(kafka, topics.models(), (short) 1)) {
            models.publish("online", ModelCodec.encode(ServingFixtures.model(1, 1)));
        }
        KafkaConnection patient = kafka.withDefaults(Map.of("producer.transaction.timeout.ms", "120000"));
        try (ModelScorer first = ModelScorer.start(patient, SyntheticData.SCHEMA, new ModelScorer.Settings(app, "online",
                topics, 16, 3_600_000, exactlyOnce, dir.resolve("a"), false, 60_000))) {
            assertTrue(first.awaitRunning(Duration.ofSeconds(60)));
            produce(topics.events(), 0, 100);
            // Under exactly-once, in a transaction that only a commit ends.
            assertEquals(64, predictions(topics.predictions(), 64, "read_uncommitted").size(),
                    "4 full batches of 16 scored; 36 wait");
            assertEquals(0, committed(app), "no commit yet");
        }
        assertEquals(100, committed(app), "the stop committed the offsets of the waiting events too");
        assertExactlyOncePerEvent(predictions(topics.predictions(), 100), 100);
        try (ModelScorer next = scorer(topics, app, exactlyOnce, dir.resolve("b"), 16, 1)) {
            assertTrue(next.awaitRunning(Duration.ofSeconds(60)));
            produce(topics.events(), 100, 104);
            assertExactlyOncePerEvent(predictions(topics.predictions(), 104), 104);
        }
    }

    /** @return the sum of the offsets the group has committed, 0 for none */
    private long committed(String group) throws Exception {
        try (Admin admin = Admin.create(kafka.adminConfig())) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().values().stream()
                    .mapToLong(o -> o.offset()).sum();
        }
    }
}
