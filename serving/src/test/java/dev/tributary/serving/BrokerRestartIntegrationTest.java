package dev.tributary.serving;

import dev.tributary.common.test.Learning;
import dev.tributary.common.config.StageTopics;

import dev.tributary.common.config.ModelConfig;
import dev.tributary.common.config.StreamTrainingConfig;
import dev.tributary.common.data.Example;
import dev.tributary.common.data.ExampleCodec;
import dev.tributary.broker.EmbeddedKafkaBroker;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.kafka.TopicAdmin;
import dev.tributary.model.ModelArtifact;
import dev.tributary.model.ModelCodec;
import dev.tributary.model.test.Checkpoints;
import dev.tributary.common.test.SyntheticData;
import dev.tributary.stream.StreamTrainer;
import dev.tributary.serving.ModelScorer;
import dev.tributary.serving.Prediction;
import dev.tributary.serving.ScoringTopology.ScoringTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The broker is stopped and started again while the stream trainer and two scorers (one
 * at-least-once, one exactly-once) are mid-stream and the producer keeps sending. Counts, event
 * by event, show that nothing is lost: the trainer trains on every record exactly once (its model
 * and offsets live in the process, which never stopped), the at-least-once scorer answers every
 * event at least once and the exactly-once scorer exactly once, with every undecodable event in
 * its dead-letter topic.
 *
 * <p>It runs on its own broker: a restart would disturb every other test on the shared one.
 */
@Tag("integration")
class BrokerRestartIntegrationTest {

    /** Recent, so that retention (7 days by default) never deletes the events mid-test. */
    private static final long BASE_MS = System.currentTimeMillis();
    private static final int EVENTS = 2_000;
    /** Every 100th event is undecodable: it must reach the dead-letter topic, not vanish. */
    private static final int MALFORMED_EVERY = 100;
    private static final ModelConfig SMALL = new ModelConfig(List.of(16), 1e-2);

    @Test
    void trainerAndScorersCarryOnAcrossABrokerRestart(@TempDir Path dir) throws Exception {
        ExecutorService background = Executors.newFixedThreadPool(2);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            KafkaConnection kafka = broker.connection();
            try (TopicAdmin admin = new TopicAdmin(kafka)) {
                admin.ensureTopic("train", 2, (short) 1, Map.of());
                admin.ensureTopic("events", 2, (short) 1, Map.of());
            }
            Path checkpoint = dir.resolve("online.model");
            StreamTrainer trainer = new StreamTrainer(kafka, new StageTopics("train", "train-stream-trainer-dlq", "models"),
                Learning.stream(SMALL, new StreamTrainingConfig(50, 32, 1, 50, 100, 0, EVENTS, "trainer"), SyntheticData.SCHEMA, 1, 2), checkpoint);
            Future<StreamTrainer.Result> training = background.submit(() -> trainer.run());
            ScoringTopics atLeastOnceTopics = new ScoringTopics("events", "models", "alos-predictions", "alos-dlq");
            ScoringTopics exactlyOnceTopics = new ScoringTopics("events", "models", "eos-predictions", "eos-dlq");
            try (ModelScorer atLeastOnce = ModelScorer.start(kafka, SyntheticData.SCHEMA, new ModelScorer.Settings(
                         "alos", "online", atLeastOnceTopics, 64, 1, false, dir.resolve("alos")));
                 ModelScorer exactlyOnce = ModelScorer.start(kafka, SyntheticData.SCHEMA, new ModelScorer.Settings(
                         "eos", "online", exactlyOnceTopics, 64, 1, true, dir.resolve("eos")));
                 KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producerConfig())) {
                assertTrue(atLeastOnce.awaitRunning(Duration.ofSeconds(60)), "the at-least-once scorer starts");
                assertTrue(exactlyOnce.awaitRunning(Duration.ofSeconds(60)), "the exactly-once scorer starts");

                List<Example> examples = SyntheticData.blobs(EVENTS, 5);
                produce(producer, examples, 0, EVENTS / 2);
                Checkpoints.awaitCovering(checkpoint, 300);
                // The second half is sent while the broker goes down and comes back: the producer
                // buffers and retries, as every client here must.
                CompletableFuture<Void> secondHalf = CompletableFuture.runAsync(
                        () -> produce(producer, examples, EVENTS / 2, EVENTS), background);
                broker.restart(Duration.ofSeconds(2));
                secondHalf.get(120, TimeUnit.SECONDS);

                Map<Integer, Long> trainEnd = new HashMap<>();
                try (TopicAdmin admin = new TopicAdmin(kafka)) {
                    admin.endOffsets("train").forEach((tp, end) -> trainEnd.put(tp.partition(), end));
                    assertEquals(EVENTS, admin.recordCount("train"), "the producer lost nothing and wrote nothing twice");
                    assertEquals(EVENTS, admin.recordCount("events"));
                }

                // The trainer stops by itself once it has trained on EVENTS records; a skipped record
                // would leave it waiting, and a repeated one would stop it short of the end offsets.
                StreamTrainer.Result result = training.get(120, TimeUnit.SECONDS);
                ModelArtifact saved = ModelCodec.read(checkpoint);
                assertEquals(trainEnd, saved.metadata().nextOffsets(), "the final checkpoint is at the end offsets");
                assertEquals(EVENTS, saved.metadata().recordsSeen(), "every record trained on exactly once");
                assertEquals(saved.metadata(), result.artifact().metadata());
                assertEquals(EVENTS, result.summary().recordsTrained());
                assertEquals(0, result.summary().recordsRejected());
                assertEquals(trainEnd, committed(kafka, "trainer"), "the final checkpoint's offsets are committed");

                int malformed = EVENTS / MALFORMED_EVERY;
                int wellFormed = EVENTS - malformed;
                Map<Long, Integer> alos = predictionsPerEvent(kafka, "alos-predictions", wellFormed);
                Map<Long, Integer> eos = predictionsPerEvent(kafka, "eos-predictions", wellFormed);
                assertEquals(wellFormed, alos.size(), "at least once: every event has a prediction");
                assertEquals(wellFormed, eos.size(), "exactly once: every event has a prediction");
                assertTrue(eos.values().stream().allMatch(n -> n == 1), "exactly once: no event has two "
                        + eos.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList());
                assertEquals(malformed, deadLetters(kafka, "alos-dlq", malformed).size());
                assertEquals(Set.copyOf(deadLetters(kafka, "eos-dlq", malformed)),
                        Set.copyOf(deadLetters(kafka, "alos-dlq", malformed)));
                assertEquals(malformed, Set.copyOf(deadLetters(kafka, "eos-dlq", malformed)).size(),
                        "exactly once: each undecodable event dead-lettered once");
                assertTrue(atLeastOnce.state().isRunningOrRebalancing(), "the at-least-once scorer still runs");
                assertTrue(exactlyOnce.state().isRunningOrRebalancing(), "the exactly-once scorer still runs");
            }
        } finally {
            background.shutdownNow();
        }
    }

    /** Event i goes to both topics, with the timestamp {@code BASE_MS + i} that identifies it. */
    private static void produce(KafkaProducer<byte[], byte[]> producer, List<Example> examples, int from, int to) {
        for (int i = from; i < to; i++) {
            Example e = examples.get(i);
            byte[] key = ExampleCodec.encodeKey(e.label());
            byte[] value = ExampleCodec.encodeValue(e.features());
            producer.send(new ProducerRecord<>("train", i % 2, BASE_MS + i, key, value));
            byte[] event = i % MALFORMED_EVERY == MALFORMED_EVERY - 1 ? "1,2,x,4".getBytes(StandardCharsets.UTF_8) : value;
            producer.send(new ProducerRecord<>("events", i % 2, BASE_MS + i, key, event));
        }
        producer.flush();
    }

    private static Map<Integer, Long> committed(KafkaConnection kafka, String group) throws Exception {
        try (Admin admin = Admin.create(kafka.adminConfig())) {
            Map<Integer, Long> offsets = new HashMap<>();
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .forEach((TopicPartition tp, OffsetAndMetadata o) -> offsets.put(tp.partition(), o.offset()));
            return offsets;
        }
    }

    /** @return how many predictions each event (by its timestamp) received */
    private static Map<Long, Integer> predictionsPerEvent(KafkaConnection kafka, String topic, int expected) {
        Map<Long, Integer> counts = new HashMap<>();
        readCommitted(kafka, topic, expected, r -> Prediction.decode(r.value()).eventTimeMs())
                .forEach(event -> counts.merge(event, 1, Integer::sum));
        return counts;
    }

    /** @return the timestamps of the dead letters, one per record read */
    private static List<Long> deadLetters(KafkaConnection kafka, String topic, int expected) {
        return readCommitted(kafka, topic, expected, ConsumerRecord::timestamp);
    }

    /**
     * Reads a topic from the start, committed records only, until {@code expected} distinct
     * events have arrived (or 60 s pass), then 2 s longer to catch duplicates.
     *
     * @return the event of each record read, in the order read
     */
    private static List<Long> readCommitted(KafkaConnection kafka, String topic, int expected,
                                            ToLongFunction<ConsumerRecord<byte[], byte[]>> event) {
        List<Long> events = new ArrayList<>();
        Set<Long> distinct = new HashSet<>();
        Map<String, Object> config = kafka.consumerConfig(null);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            long settle = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settle)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    events.add(event.applyAsLong(r));
                    distinct.add(event.applyAsLong(r));
                }
                if (distinct.size() >= expected && settle == Long.MAX_VALUE) {
                    settle = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                }
            }
        }
        return events;
    }
}
