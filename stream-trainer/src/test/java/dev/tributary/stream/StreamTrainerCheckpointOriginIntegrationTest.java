package dev.tributary.stream;

import dev.tributary.broker.test.SharedKafka;
import dev.tributary.broker.test.TopicFixtures;
import dev.tributary.common.TributaryException;
import dev.tributary.common.config.LearnerConfig;
import dev.tributary.common.config.ModelConfig;
import dev.tributary.common.config.StageTopics;
import dev.tributary.common.config.StreamTrainingConfig;
import dev.tributary.common.provenance.ModelMetadata;
import dev.tributary.common.test.Learning;
import dev.tributary.common.test.SyntheticData;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.kafka.TopicAdmin;
import dev.tributary.model.ModelCodec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A checkpoint belongs to one incarnation of its topic and one scenario: a trainer refuses to
 * resume from one whose topic was deleted and re-created under the same name (Kafka gives the new
 * topic a new ID, and its offsets are other records'), or that another scenario wrote, and says
 * which IDs differ and how to start afresh; it writes and publishes nothing.
 */
@Tag("integration")
class StreamTrainerCheckpointOriginIntegrationTest {

    private static final ModelConfig SMALL = new ModelConfig(List.of(8), 1e-2);
    private final KafkaConnection kafka = SharedKafka.connection();

    private StreamTrainer trainer(String topic, String group, Path checkpoint, String fingerprint) {
        StreamTrainingConfig stream = new StreamTrainingConfig(50, 32, 1, 50, 100, 2_000, 0, group);
        LearnerConfig base = Learning.stream(SMALL, stream, SyntheticData.SCHEMA, 11, 12);
        LearnerConfig config = new LearnerConfig(base.model(), base.batch(), base.stream(), base.periodic(), base.schema(),
                base.seeds(), fingerprint);
        return new StreamTrainer(kafka, new StageTopics(topic, topic + "-stream-trainer-dlq", null), config, checkpoint);
    }

    @Test
    void aCheckpointOfADeletedAndReCreatedTopicIsRefused(@TempDir Path dir) throws Exception {
        String topic = SharedKafka.unique("origin-recreated");
        String group = SharedKafka.unique("group");
        Path checkpoint = dir.resolve("online.model");
        TopicFixtures.write(kafka, topic, 1, SyntheticData.blobs(300, 5));
        StreamTrainer.Result first = trainer(topic, group, checkpoint, "f1").run();
        ModelMetadata saved = ModelCodec.read(checkpoint).metadata();
        String oldId;
        try (TopicAdmin admin = new TopicAdmin(kafka)) {
            oldId = admin.topicId(topic);
        }
        assertEquals(oldId, saved.topicId(), "the checkpoint records the topic's ID");
        assertEquals("f1", saved.scenarioFingerprint(), "and the scenario's fingerprint");
        assertEquals(300, first.artifact().metadata().recordsSeen());

        // The topic deleted and produced again, with other records, under the same name.
        String newId = recreate(topic, 600);
        assertNotEquals(oldId, newId);
        byte[] before = Files.readAllBytes(checkpoint);

        TributaryException refused = assertThrows(TributaryException.class,
                () -> trainer(topic, group, checkpoint, "f1").run());
        assertEquals("checkpoint " + checkpoint + " was trained on topic " + topic + " with topic ID " + oldId + ", but "
                + topic + " now has topic ID " + newId + ": the topic was deleted and re-created since, and its offsets "
                + "are other records'; to start afresh, delete " + checkpoint + " (or choose another --output)",
                refused.getMessage());
        assertArrayEquals(before, Files.readAllBytes(checkpoint), "the checkpoint is left as it was");

        // The documented way to start afresh: delete the checkpoint. Every record of the new topic is trained.
        Files.delete(checkpoint);
        StreamTrainer.Result fresh = trainer(topic, group, checkpoint, "f1").run();
        assertEquals(600, fresh.summary().recordsTrained(), "the new topic's records, from its first");
        assertEquals(newId, fresh.artifact().metadata().topicId());
    }

    @Test
    void aCheckpointOfAnotherScenarioIsRefused(@TempDir Path dir) {
        String topic = SharedKafka.unique("origin-scenario");
        String group = SharedKafka.unique("group");
        Path checkpoint = dir.resolve("online.model");
        TopicFixtures.write(kafka, topic, 1, SyntheticData.blobs(200, 6));
        trainer(topic, group, checkpoint, "seed-1").run();

        TributaryException refused = assertThrows(TributaryException.class,
                () -> trainer(topic, group, checkpoint, "seed-2").run());
        assertTrue(refused.getMessage().contains("scenario fingerprint seed-1, but the scenario now has fingerprint "
                + "seed-2"), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("to start afresh, delete " + checkpoint + " (or choose another --output)"),
                refused.getMessage());
    }

    /** Deletes the topic and writes it again once Kafka has let go of the name; returns the new topic's ID. */
    private String recreate(String topic, int records) throws InterruptedException {
        try (TopicAdmin admin = new TopicAdmin(kafka)) {
            admin.delete(topic);
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (admin.exists(topic)) {
                assertTrue(System.nanoTime() < deadline, "topic " + topic + " is deleted within 60 s");
                Thread.sleep(50);
            }
            while (true) {
                try {
                    TopicFixtures.write(kafka, topic, 1, SyntheticData.blobs(records, 7));
                    return admin.topicId(topic);
                } catch (TributaryException e) {
                    // Marked for deletion a moment longer than listed.
                    assertTrue(System.nanoTime() < deadline, "topic " + topic + " can be re-created: " + e.getMessage());
                    Thread.sleep(100);
                }
            }
        }
    }
}
