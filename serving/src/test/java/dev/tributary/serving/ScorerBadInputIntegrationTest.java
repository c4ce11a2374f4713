package dev.tributary.serving;

import dev.tributary.kafka.KafkaConnection;
import dev.tributary.kafka.ModelTopic;
import dev.tributary.kafka.TopicAdmin;
import dev.tributary.model.ModelCodec;
import dev.tributary.broker.test.BadRecords;
import dev.tributary.broker.test.SharedKafka;
import dev.tributary.common.test.SyntheticData;
import dev.tributary.model.test.CraftedModelRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scorer on the real embedded broker, fed bad input on both of its inputs: malformed model
 * records on the models topic (rejected; the last good model keeps serving, and a later good one
 * is still swapped in) and a seeded mix of malformed events from {@link BadRecords} (each
 * dead-lettered with its reason; events = predictions + dead letters).
 */
@Tag("integration")
class ScorerBadInputIntegrationTest {

    private final KafkaConnection kafka = SharedKafka.connection();

    @Test
    void badModelsAreRejectedAndBadEventsDeadLetteredWhileTheLastGoodModelServes(@TempDir Path dir) throws Exception {
        var topics = topics("scorer-bad");
        try (ModelTopic models = ModelTopic.open(kafka, topics.models(), (short) 1);
             ModelScorer scorer = ModelScorer.start(kafka, SyntheticData.SCHEMA, new ModelScorer.Settings(
                     SharedKafka.unique("app"), "online", topics, 64, 1, false, dir))) {
            models.publish("online", ModelCodec.encode(ServingFixtures.model(1, 5)));
            assertTrue(scorer.awaitRunning(Duration.ofSeconds(60)));
            awaitCount(() -> scorer.serving().swaps(), 1);

            byte[] good = ModelCodec.encode(ServingFixtures.model(9, 1));
            byte[] garbage = new byte[3_000];
            new Random(4).nextBytes(garbage);
            List<byte[]> badModels = Arrays.asList(garbage, Arrays.copyOf(good, good.length / 2),
                    ModelCodec.encode(ServingFixtures.shaped(7, 3, 2)), ModelCodec.encode(ServingFixtures.shaped(8, 4, 3)),
                    new byte[0], null);
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producerConfig())) {
                for (byte[] bad : badModels) {
                    producer.send(new ProducerRecord<>(topics.models(), "online".getBytes(StandardCharsets.UTF_8), bad)).get();
                }
            }
            awaitCount(() -> scorer.serving().rejected(), badModels.size());
            assertEquals(1, scorer.serving().swaps(), "no malformed model was swapped in");
            assertEquals(1, scorer.serving().current().metadata().version());

            List<BadRecords.Case> cases = BadRecords.mix(2_000, 0.4, 10);
            long[] offsets = BadRecords.write(kafka, topics.events(), cases);
            long valid = cases.stream().filter(BadRecords.Case::valid).count();
            List<ConsumerRecord<byte[], byte[]>> predictions = new ArrayList<>();
            List<ConsumerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
            read(topics, predictions, deadLetters, valid, cases.size() - valid);

            assertEquals(valid, predictions.size(), "one prediction per valid event");
            assertTrue(predictions.stream().allMatch(r -> Prediction.decode(r.value()).modelVersion() == 1),
                    "the last good model served every event");
            BadRecords.assertDeadLettered(cases, offsets, topics.events(), ModelScorer.STAGE, deadLetters);

            models.publish("online", ModelCodec.encode(ServingFixtures.model(2, 5)));
            awaitCount(() -> scorer.serving().swaps(), 2);
            assertEquals(2, scorer.serving().current().metadata().version(), "a good model after bad ones still serves");
        }
    }

    /**
     * Issue 18, items 1 and 2, on the real broker: the crafted records are already on the topic
     * when the scorer starts, so they reach it while its global store is first loaded, and again
     * when a restarted scorer restores that store. Either way they are rejected, the good model
     * before them serves, and a good one after them is swapped in.
     */
    @Test
    void craftedModelRecordsStopNeitherTheScorerNorItsRestart(@TempDir Path dir) throws Exception {
        var topics = topics("scorer-crafted");
        byte[] good = ModelCodec.encode(ServingFixtures.model(1, 5));
        List<byte[]> crafted = List.of(
                CraftedModelRecords.inflatedStandardizer(good, 250_000_000, "0,"),
                CraftedModelRecords.lyingArrayHeader(good, CraftedModelRecords.COEFFICIENTS),
                CraftedModelRecords.lyingArrayHeader(good, CraftedModelRecords.UPDATER_STATE));
        var settings = new ModelScorer.Settings(SharedKafka.unique("app"), "online", topics, 64, 1, false, dir);
        try (ModelTopic models = ModelTopic.open(kafka, topics.models(), (short) 1)) {
            models.publish("online", good);
            for (byte[] record : crafted) {
                models.publish("online", record);
            }
            for (String run : List.of("first start", "restart")) {
                try (ModelScorer scorer = ModelScorer.start(kafka, SyntheticData.SCHEMA, settings)) {
                    assertTrue(scorer.awaitRunning(Duration.ofSeconds(60)), run + ": the scorer runs");
                    awaitCount(() -> scorer.serving().rejected(), crafted.size());
                    assertEquals(1, scorer.serving().swaps(), run);
                    assertEquals(1, scorer.serving().current().metadata().version(), run + ": the good model serves");
                }
            }
            try (ModelScorer scorer = ModelScorer.start(kafka, SyntheticData.SCHEMA, settings)) {
                assertTrue(scorer.awaitRunning(Duration.ofSeconds(60)));
                awaitCount(() -> scorer.serving().rejected(), crafted.size());
                models.publish("online", ModelCodec.encode(ServingFixtures.model(2, 5)));
                awaitCount(() -> scorer.serving().swaps(), 2);
                assertEquals(2, scorer.serving().current().metadata().version(), "a good model after them is taken");
            }
        }
    }

    /** @return a scorer's topics, named after {@code prefix} and unique, with the events topic created */
    private ScoringTopology.ScoringTopics topics(String prefix) {
        String name = SharedKafka.unique(prefix);
        var topics = new ScoringTopology.ScoringTopics(name + "-events", name + "-models", name + "-predictions",
                name + "-scorer-dlq");
        try (TopicAdmin admin = new TopicAdmin(kafka)) {
            admin.ensureTopic(topics.events(), 1, (short) 1, Map.of());
        }
        return topics;
    }

    /** Waits (at most 60 s) for a counter to reach a value; the caller asserts what follows from it. */
    private static void awaitCount(LongSupplier counter, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (counter.getAsLong() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(expected, counter.getAsLong());
    }

    /** Reads both outputs until the expected counts arrive (or 60 s pass), then 2 s more to catch extras. */
    private void read(ScoringTopology.ScoringTopics topics, List<ConsumerRecord<byte[], byte[]>> predictions,
                      List<ConsumerRecord<byte[], byte[]>> deadLetters, long expectedPredictions, long expectedDead) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(kafka.consumerConfig(SharedKafka.unique("reader")))) {
            consumer.subscribe(List.of(topics.predictions(), topics.deadLetter()));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            long settle = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settle)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    (r.topic().equals(topics.predictions()) ? predictions : deadLetters).add(r);
                }
                if (predictions.size() >= expectedPredictions && deadLetters.size() >= expectedDead
                        && settle == Long.MAX_VALUE) {
                    settle = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                }
            }
        }
    }
}
