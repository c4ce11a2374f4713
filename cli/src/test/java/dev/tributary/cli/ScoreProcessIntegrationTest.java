package dev.tributary.cli;

import dev.tributary.common.config.ScenarioFiles;
import dev.tributary.common.data.ExampleCodec;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.kafka.TopicAdmin;
import dev.tributary.broker.test.SharedKafka;
import dev.tributary.producer.SourceProducer;
import dev.tributary.serving.ModelScorer;
import dev.tributary.serving.Prediction;
import dev.tributary.serving.ScoringTopology.ScoringTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static dev.tributary.cli.ChildProcesses.concat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tributary score} as its own process, killed or stopped. Each event carries a unique
 * timestamp, which its prediction repeats, so predictions are counted event by event.
 */
@Tag("integration")
class ScoreProcessIntegrationTest {

    /** Recent, so that retention (7 days by default) never deletes the events mid-test. */
    private static final long BASE_MS = System.currentTimeMillis();
    private final KafkaConnection kafka = SharedKafka.connection();

    /**
     * Streams commits the offsets of events still waiting in a partial micro-batch (no flush is
     * due for an hour), then the process dies. Each commit must have scored its events first, and
     * the next instance must find every event predicted: at least once, or exactly once with
     * {@code --exactly-once}.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void killedAfterCommittingWaitingEventsNoneIsLost(boolean exactlyOnce, @TempDir Path dir) throws Exception {
        String name = SharedKafka.unique("score-kill");
        String app = name + "-scorer-online";
        String[] args = {"score", "--scenario", "sea-abrupt", "--name", name, "--bootstrap-servers",
                kafka.bootstrapServers(), "--max-batch", "16", "--flush-interval-ms", "3600000",
                "--state-dir", dir.resolve("killed").toString(),
                // Commits every 100 ms under both guarantees, and a dead member's partitions are
                // freed after the broker's minimum session timeout rather than 45 s.
                "-X", "commit.interval.ms=100", "-X", "session.timeout.ms=6000"};
        try (TopicAdmin admin = new TopicAdmin(kafka)) {
            admin.ensureTopic(name + "-events", 2, (short) 1, Map.of());
        }
        Process child = ChildProcesses.tributary(dir.resolve("killed.log"),
                exactlyOnce ? concat(args, "--exactly-once") : args);
        try {
            produce(name + "-events", 100);
            // 50 events per partition: 3 batches of 16 full, 2 waiting for a flush an hour away.
            awaitCommitted(app, 100, child, dir.resolve("killed.log"));
            assertEquals(100, predictionsPerEvent(name + "-predictions", 100).size(),
                    "the commit of their offsets scored the 4 waiting events first");
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the killed scorer exits");
        }
        assertEquals(128 + 9, child.exitValue(), "it died of SIGKILL");

        ScoringTopics topics = new ScoringTopics(name + "-events", name + "-models", name + "-predictions",
                name + "-scorer-dlq");
        try (ModelScorer next = ModelScorer.start(kafka, SourceProducer.schema(ScenarioFiles.load("sea-abrupt", Map.of())),
                new ModelScorer.Settings(app, "online", topics, 16, 1, exactlyOnce, dir.resolve("next")))) {
            assertTrue(next.awaitRunning(Duration.ofSeconds(60)));
            Map<Long, Integer> predicted = predictionsPerEvent(topics.predictions(), 100);
            assertEquals(100, predicted.size(), "every event predicted, the 4 that waited included");
            if (exactlyOnce) {
                assertTrue(predicted.values().stream().allMatch(n -> n == 1), "exactly once: " + predicted);
            }
        }
    }

    @Test
    void sigtermClosesTheScorerWhichCommitsAndLeavesItsGroup(@TempDir Path dir) throws Exception {
        String name = SharedKafka.unique("score-term");
        try (TopicAdmin admin = new TopicAdmin(kafka)) {
            admin.ensureTopic(name + "-events", 2, (short) 1, Map.of());
        }
        Path log = dir.resolve("score.log");
        Process child = ChildProcesses.tributary(log, "score", "--scenario", "sea-abrupt", "--name", name,
                "--bootstrap-servers", kafka.bootstrapServers(), "--state-dir", dir.resolve("state").toString());
        try {
            produce(name + "-events", 20);
            assertEquals(20, predictionsPerEvent(name + "-predictions", 20).size());
        } finally {
            child.destroy();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the scorer exits on SIGTERM");
        }
        assertEquals(0, child.exitValue(), "a clean stop on SIGTERM exits 0");
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(output.contains("stopped: "), "the scorer closed before the JVM halted: " + output);
        try (Admin admin = Admin.create(kafka.adminConfig())) {
            String app = name + "-scorer-online";
            assertTrue(admin.describeConsumerGroups(List.of(app)).all().get().get(app).members().isEmpty(),
                    "it left its group, so its partitions move at once");
            long committed = admin.listConsumerGroupOffsets(app).partitionsToOffsetAndMetadata().get().values()
                    .stream().mapToLong(o -> o.offset()).sum();
            assertEquals(20, committed, "and committed what it had scored");
        }
    }

    /** Writes SEA-shaped events (3 features), event i to partition i % 2 at time {@code BASE_MS + i}. */
    private void produce(String topic, int events) {
        Random random = new Random(events);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producerConfig())) {
            for (int i = 0; i < events; i++) {
                double[] x = {10 * random.nextDouble(), 10 * random.nextDouble(), 10 * random.nextDouble()};
                producer.send(new ProducerRecord<>(topic, i % 2, BASE_MS + i, ExampleCodec.encodeKey(x[0] + x[1] > 8 ? 1 : 0),
                        ExampleCodec.encodeValue(x)));
            }
        }
    }

    private void awaitCommitted(String group, long offsets, Process child, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        try (Admin admin = Admin.create(kafka.adminConfig())) {
            while (System.nanoTime() < deadline && child.isAlive()) {
                long committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().values()
                        .stream().mapToLong(o -> o.offset()).sum();
                if (committed >= offsets) {
                    return;
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the scorer committed fewer than " + offsets + " offsets within 120 s: "
                + Files.readString(log, StandardCharsets.UTF_8));
    }

    /**
     * Reads predictions from the start, committed ones only, until {@code expected} events have
     * one (or 60 s pass), then 2 s longer to catch duplicates.
     *
     * @return how many predictions each event (by its timestamp) received
     */
    private Map<Long, Integer> predictionsPerEvent(String topic, int expected) {
        Map<Long, Integer> counts = new HashMap<>();
        Map<String, Object> config = kafka.consumerConfig(null);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            List<TopicPartition> partitions = new ArrayList<>();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                consumer.listTopics().getOrDefault(topic, List.of())
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long settle = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settle)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    counts.merge(Prediction.decode(r.value()).eventTimeMs(), 1, Integer::sum);
                }
                if (counts.size() >= expected && settle == Long.MAX_VALUE) {
                    settle = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                }
            }
        }
        return counts;
    }
}
