package dev.tributary.serving;

import dev.tributary.common.data.Example;
import dev.tributary.common.data.ExampleCodec;
import dev.tributary.kafka.ModelTopic;
import dev.tributary.model.ModelArtifact;
import dev.tributary.model.ModelCodec;
import dev.tributary.common.test.SyntheticData;
import dev.tributary.model.test.CraftedModelRecords;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bytedeco.javacpp.Pointer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoringTopologyTest {

    private static final ScoringTopology.ScoringTopics TOPICS =
            new ScoringTopology.ScoringTopics("events", "models", "predictions", "dlq");
    private final ServingModel serving = new ServingModel("online");
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> events;
    private TestInputTopic<String, byte[]> models;
    private TestOutputTopic<byte[], byte[]> predictions;
    private boolean unlabelled;

    @BeforeEach
    void start() {
        start(4, Duration.ofMillis(1));
    }

    private void start(int maxBatch, Duration flushInterval) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "scoring-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(ScoringTopology.build(TOPICS, SyntheticData.SCHEMA, serving, maxBatch,
                flushInterval, unlabelled), config);
        events = driver.createInputTopic("events", new ByteArraySerializer(), new ByteArraySerializer());
        models = driver.createInputTopic("models", new StringSerializer(), new ByteArraySerializer());
        predictions = driver.createOutputTopic("predictions", new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void send(List<Example> examples) {
        for (Example e : examples) {
            events.pipeInput(ExampleCodec.encodeKey(e.label()), ExampleCodec.encodeValue(e.features()));
        }
    }

    /**
     * The test driver commits after every event, as Streams may at any point: so each event is
     * scored before the commit that covers it, whatever the batch size or flush interval (the
     * batching itself is {@link MicroBatchTest}'s, and {@code ModelScorerIntegrationTest}'s on a
     * real broker).
     */
    @Test
    void scoresEveryEventWithTheLatestModelBeforeTheCommitThatCoversIt() {
        // Before any model: answered anyway, version 0, uniform.
        send(SyntheticData.blobs(4, 1));
        List<Prediction> early = predictions.readValuesToList().stream().map(Prediction::decode).toList();
        assertEquals(4, early.size());
        assertTrue(early.stream().allMatch(p -> p.modelVersion() == 0 && p.probability() == 0.5));

        models.pipeInput("online", ModelCodec.encode(ServingFixtures.model(1, 10)));
        List<Example> test = SyntheticData.blobs(403, 9);
        send(test);
        List<TestRecord<byte[], byte[]>> scored = predictions.readRecordsToList();
        assertEquals(403, scored.size(), "no wall-clock time passed: each event was scored at its commit");
        long correct = scored.stream().filter(r -> Prediction.decode(r.value()).predictedClass()
                == Integer.parseInt(new String(r.key(), StandardCharsets.UTF_8))).count();
        assertTrue(correct / 403.0 > 0.9, "the served model is the trained one: " + correct + "/403");
        assertTrue(scored.stream().allMatch(r -> Prediction.decode(r.value()).modelVersion() == 1));
        // Each prediction names its event's position: events 4..406 of partition 0, in order.
        for (int i = 0; i < scored.size(); i++) {
            Prediction p = Prediction.decode(scored.get(i).value());
            assertEquals(0, p.eventPartition());
            assertEquals(4 + i, p.eventOffset());
        }
    }

    @Test
    void everyEventIsScoredBeforeTheCommitThatCoversIt() {
        driver.close();
        // No flush would be due for an hour, and the batch is far from full.
        start(100, Duration.ofHours(1));
        send(SyntheticData.blobs(3, 5));
        List<TestRecord<byte[], byte[]>> scored = predictions.readRecordsToList();
        assertEquals(3, scored.size(), "the commit after each event scored it first");
        assertEquals(List.of(0L, 1L, 2L), scored.stream().map(r -> Prediction.decode(r.value()).eventOffset()).toList());
        driver.advanceWallClockTime(Duration.ofHours(2));
        assertTrue(predictions.isEmpty(), "nothing waited, so the flush interval scores nothing twice");
    }

    @Test
    void oneEventInSixteenCarriesWhereItsTimeWentAndNoValueChanges() {
        models.pipeInput("online", ModelCodec.encode(ServingFixtures.model(1, 10)));
        long before = dev.tributary.common.WallClock.epochMicros();
        send(SyntheticData.blobs(64, 3));
        long after = dev.tributary.common.WallClock.epochMicros();
        List<TestRecord<byte[], byte[]>> scored = predictions.readRecordsToList();
        assertEquals(64, scored.size());
        for (int i = 0; i < scored.size(); i++) {
            ScoringTiming timing = ScoringTiming.of(scored.get(i).headers());
            assertEquals(i % ScoringTiming.SAMPLE_EVERY == 0, timing != null, "event " + i);
            if (timing != null) {
                assertTrue(before <= timing.receivedMicros() && timing.receivedMicros() <= timing.inferenceStartMicros()
                        && timing.inferenceStartMicros() <= timing.inferenceEndMicros()
                        && timing.inferenceEndMicros() <= after, timing.toString());
            }
            Prediction p = Prediction.decode(scored.get(i).value());
            assertEquals(1, p.modelVersion(), "the value is the prediction, sampled or not");
        }
        assertEquals(null, ScoringTiming.of(new org.apache.kafka.common.header.internals.RecordHeaders(
                new org.apache.kafka.common.header.Header[] {new org.apache.kafka.common.header.internals.RecordHeader(
                        ScoringTiming.HEADER, new byte[] {1, 2})})), "a malformed header is no timing");
    }

    @Test
    void eventsWithoutLabelsAreScoredAndKeepTheirIdAsKey() {
        driver.close();
        unlabelled = true;
        start(4, Duration.ofMillis(1));
        models.pipeInput("online", ModelCodec.encode(ServingFixtures.model(1, 10)));
        List<Example> test = SyntheticData.blobs(8, 9);
        for (int i = 0; i < test.size(); i++) {
            events.pipeInput(ExampleCodec.encodeEventId(1_000 + i), ExampleCodec.encodeValue(test.get(i).features()));
        }
        events.pipeInput("not-an-id".getBytes(StandardCharsets.UTF_8), ExampleCodec.encodeValue(test.get(0).features()));
        List<TestRecord<byte[], byte[]>> scored = predictions.readRecordsToList();
        assertEquals(8, scored.size());
        for (int i = 0; i < scored.size(); i++) {
            assertEquals(1_000 + i, ExampleCodec.decodeEventId(scored.get(i).key()), "the prediction keeps the event's id");
            assertEquals(1, Prediction.decode(scored.get(i).value()).modelVersion());
        }
        assertEquals(1, driver.createOutputTopic("dlq", new ByteArrayDeserializer(), new ByteArrayDeserializer())
                .getQueueSize(), "a key that is not an id is dead-lettered");
    }

    @Test
    void swapsModelsWithoutLosingEventsAndKeepsTheLastGoodOne() {
        models.pipeInput("online", ModelCodec.encode(ServingFixtures.model(1, 1)));
        send(SyntheticData.blobs(8, 2));
        models.pipeInput("online", ModelCodec.encode(ServingFixtures.model(2, 5)));
        models.pipeInput("batch", ModelCodec.encode(ServingFixtures.model(9, 1)));
        send(SyntheticData.blobs(8, 3));
        models.pipeInput("online", new byte[] {1, 2, 3});
        send(SyntheticData.blobs(8, 4));
        List<Long> versions = predictions.readValuesToList().stream().map(v -> Prediction.decode(v).modelVersion()).toList();
        assertEquals(24, versions.size(), "one prediction per event across the swaps");
        assertEquals(List.of(1L, 2L, 2L), List.of(versions.get(0), versions.get(8), versions.get(16)),
                "another strategy's model is ignored; a malformed one is rejected");
        assertEquals(2, serving.swaps());
        assertEquals(1, serving.rejected());
    }

    @Test
    void onlyWellFormedModelsOfTheExpectedShapeAndSizeAreServed() throws Exception {
        models.pipeInput("online", ModelCodec.encode(ServingFixtures.model(1, 5)));
        byte[] oversized = ServingFixtures.padded(ServingFixtures.model(2, 1), ModelTopic.MAX_MODEL_BYTES);
        assertEquals(2, ModelCodec.decode(oversized).metadata().version(), "a valid model, only too large");
        models.pipeInput("online", oversized);
        models.pipeInput("online", ModelCodec.encode(ServingFixtures.shaped(3, 3, 2)));
        models.pipeInput("online", ModelCodec.encode(ServingFixtures.shaped(4, 4, 3)));
        models.pipeInput("online", (byte[]) null);
        assertEquals(4, serving.rejected(), "too large, 3 features, 3 classes, a tombstone");
        assertEquals(1, serving.swaps());
        send(SyntheticData.blobs(8, 5));
        assertTrue(predictions.readValuesToList().stream().allMatch(v -> Prediction.decode(v).modelVersion() == 1),
                "the last good model keeps serving");
    }

    @Test
    void randomModelRecordsNeverStopTheScorer() {
        ModelArtifact good = ServingFixtures.model(1, 5);
        byte[] encoded = ModelCodec.encode(good);
        models.pipeInput("online", encoded);
        Random random = new Random(17);
        for (int i = 0; i < 200; i++) {
            byte[] bytes;
            if (i % 2 == 0) {
                bytes = new byte[random.nextInt(4_000)];
                random.nextBytes(bytes);
            } else {
                bytes = Arrays.copyOf(encoded, random.nextInt(encoded.length));
            }
            models.pipeInput("online", bytes);
        }
        // A cut inside the zip's central directory leaves every entry whole and checksummed: a
        // streaming reader rightly accepts it, and it is the same model.
        assertEquals(201, serving.rejected() + serving.swaps(), "every record judged, none crashed the store");
        assertTrue(serving.rejected() > 150, "random bytes and cut entries are rejected: " + serving.rejected());
        assertEquals(good.metadata(), serving.current().metadata());
        send(SyntheticData.blobs(4, 6));
        assertTrue(predictions.readValuesToList().stream().allMatch(v -> Prediction.decode(v).modelVersion() == 1));
    }

    @Test
    void craftedModelRecordsCostBoundedMemoryAndTheLastGoodModelKeepsServing() {
        byte[] good = ModelCodec.encode(ServingFixtures.model(1, 5));
        models.pipeInput("online", good);
        // The two records: a standardizer inflating to 250,000,000 bytes, under the old
        // 256 MiB cap, killed the global thread; headers declaring 2^31 floats with the body cut
        // short cost 2 GB of native memory each, never given back.
        List<byte[]> crafted = List.of(
                CraftedModelRecords.inflatedStandardizer(good, 250_000_000, "0,"),
                CraftedModelRecords.lyingArrayHeader(good, CraftedModelRecords.COEFFICIENTS),
                CraftedModelRecords.lyingArrayHeader(good, CraftedModelRecords.UPDATER_STATE));
        System.gc();
        long residentBefore = Pointer.physicalBytes();
        for (int round = 0; round < 3; round++) {
            for (byte[] record : crafted) {
                models.pipeInput("online", record);
            }
        }
        System.gc();
        long growth = Pointer.physicalBytes() - residentBefore;
        assertTrue(growth < 128L * 1024 * 1024, "resident memory grew by " + growth + " bytes");
        assertEquals(9, serving.rejected(), "each crafted record counted as rejected");
        assertEquals(1, serving.swaps());
        send(SyntheticData.blobs(8, 5));
        assertTrue(predictions.readValuesToList().stream().allMatch(v -> Prediction.decode(v).modelVersion() == 1),
                "the last good model keeps serving");
        // And the global thread is alive: the next good model is swapped in.
        models.pipeInput("online", ModelCodec.encode(ServingFixtures.model(2, 1)));
        assertEquals(2, serving.swaps());
        assertEquals(2, serving.current().metadata().version());
    }

    @Test
    void undecodableEventsGoToTheDeadLetterTopicWithTheirReason() {
        events.pipeInput("1".getBytes(StandardCharsets.UTF_8), "1,2,x,4".getBytes(StandardCharsets.UTF_8));
        var dead = driver.createOutputTopic("dlq", new ByteArrayDeserializer(), new ByteArrayDeserializer()).readRecord();
        assertEquals("feature 2: 'x' is not a number",
                new String(dead.headers().lastHeader("tributary.dlq.reason").value(), StandardCharsets.UTF_8));
        assertEquals("events-0@0", new String(dead.headers().lastHeader("tributary.dlq.source").value(), StandardCharsets.UTF_8));
        assertEquals("scorer", new String(dead.headers().lastHeader("tributary.dlq.stage").value(), StandardCharsets.UTF_8));
        driver.advanceWallClockTime(Duration.ofMillis(2));
        assertTrue(predictions.isEmpty());
    }
}
