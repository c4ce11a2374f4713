package dev.tributary.stream;

import dev.tributary.common.test.Learning;
import dev.tributary.common.config.StageTopics;

import dev.tributary.common.config.ModelConfig;
import dev.tributary.common.config.StreamTrainingConfig;
import dev.tributary.common.data.Example;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.common.provenance.OffsetRange;
import dev.tributary.model.ModelArtifact;
import dev.tributary.model.ModelCodec;
import dev.tributary.broker.test.SharedKafka;
import dev.tributary.common.test.RecordingProgress;
import dev.tributary.common.test.SyntheticData;
import dev.tributary.broker.test.TopicFixtures;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("integration")
class StreamTrainerIntegrationTest {

    private static final ModelConfig SMALL = new ModelConfig(List.of(16, 16), 1e-2);
    private final KafkaConnection kafka = SharedKafka.connection();

    private StreamTrainer trainer(String topic, String group, Path checkpoint, long maxRecords) {
        return trainer(topic, group, checkpoint, maxRecords, null);
    }

    private StreamTrainer trainer(String topic, String group, Path checkpoint, long maxRecords, String models) {
        StreamTrainingConfig config = new StreamTrainingConfig(50, 32, 3, 50, 100, 3_000, maxRecords, group);
        return new StreamTrainer(kafka, new StageTopics(topic, topic + "-stream-trainer-dlq", models),
                Learning.stream(SMALL, config, SyntheticData.SCHEMA, 11, 12), checkpoint);
    }

    @Test
    void learnsAsRecordsArriveAndCommitsWhatItCheckpointed(@TempDir Path dir) throws Exception {
        String topic = SharedKafka.unique("stream-learn");
        String group = SharedKafka.unique("group");
        List<Example> stream = SyntheticData.blobs(400, 21);
        TopicFixtures.write(kafka, topic, 1, stream);
        Path checkpoint = dir.resolve("online.model");

        String models = SharedKafka.unique("models");
        StreamTrainer.Result result = trainer(topic, group, checkpoint, 0, models).run();

        assertFalse(result.resumed());
        assertEquals(400, result.summary().recordsTrained());
        assertEquals(1, result.summary().recordsRejected(), "the fixture's trailing tombstone");
        assertEquals(List.of(new OffsetRange(0, 0, 401)), result.summary().offsets());
        assertTrue(result.summary().checkpoints() >= 4, "every 100 records and at the end");
        double accuracy = accuracy(result.artifact(), SyntheticData.blobs(2_000, 99));
        assertTrue(accuracy > 0.9, "held-out accuracy " + accuracy);

        ModelArtifact saved = ModelCodec.read(checkpoint);
        assertEquals(Map.of(0, 401L), saved.metadata().nextOffsets());
        assertEquals(400, saved.metadata().recordsSeen());
        assertEquals(401L, committed(group, topic).get(new TopicPartition(topic, 0)).offset());

        // Every checkpointed version is published to the models topic, the last one being the saved model.
        List<ModelArtifact> published = new java.util.ArrayList<>();
        TopicFixtures.read(kafka, models, r -> {
            assertEquals("online", new String(r.key(), java.nio.charset.StandardCharsets.UTF_8));
            published.add(ModelCodec.decode(r.value()));
        });
        assertEquals(result.summary().checkpoints(), published.size());
        assertEquals(saved.metadata(), published.get(published.size() - 1).metadata());
    }

    @Test
    void stoppedMidTopicThenRestartedTrainsOnEveryRemainingRecordExactlyOnce(@TempDir Path dir) throws Exception {
        String topic = SharedKafka.unique("stream-resume");
        String group = SharedKafka.unique("group");
        TopicFixtures.write(kafka, topic, 2, SyntheticData.blobs(600, 31));
        Path checkpoint = dir.resolve("online.model");

        RecordingProgress progress = new RecordingProgress();
        StreamTrainer.Result first = trainer(topic, group, checkpoint, 250).run(progress);
        assertEquals(250, first.summary().recordsTrained());
        assertEquals(java.util.Map.of("training online on " + topic, new RecordingProgress.Task(250, "records", 250,
                true, false)), progress.tasks(), "the records read, out of --max-records");
        long firstEnd = first.summary().offsets().stream().mapToLong(OffsetRange::end).sum();
        long firstStart = first.summary().offsets().stream().mapToLong(OffsetRange::start).sum();
        assertEquals(250, firstEnd - firstStart, "the first run's ranges hold exactly what it trained on");
        Map<TopicPartition, OffsetAndMetadata> committedAfterStop = committed(group, topic);
        for (OffsetRange r : first.summary().offsets()) {
            assertEquals(r.end(), committedAfterStop.get(new TopicPartition(topic, r.partition())).offset(),
                    "the final checkpoint's offsets are committed on stop");
        }

        RecordingProgress unbounded = new RecordingProgress();
        StreamTrainer.Result second = trainer(topic, group, checkpoint, 0).run(unbounded);
        assertTrue(second.resumed());
        assertEquals(350, second.summary().recordsTrained() + second.summary().recordsRejected() - 1,
                "600 + tombstone - 250, each once");
        for (OffsetRange r : second.summary().offsets()) {
            long resumedAt = first.summary().offsets().stream().filter(f -> f.partition() == r.partition())
                    .mapToLong(OffsetRange::end).findFirst().orElse(0);
            assertEquals(resumedAt, r.start(), "partition " + r.partition() + " resumes where the first run stopped");
        }
        assertEquals(Map.of(0, 301L, 1, 300L), second.artifact().metadata().nextOffsets());
        assertEquals(600, second.artifact().metadata().recordsSeen(), "over both runs, every record once");
        assertTrue(second.artifact().metadata().version() > first.artifact().metadata().version());
        assertEquals(java.util.Map.of("training online on " + topic, new RecordingProgress.Task(-1, "records", 351,
                true, false)), unbounded.tasks(), "no limit: a count without a total");
    }

    @Test
    void stopRequestWritesAFinalCheckpoint(@TempDir Path dir) throws Exception {
        String topic = SharedKafka.unique("stream-stop");
        TopicFixtures.write(kafka, topic, 1, SyntheticData.blobs(100, 41));
        Path checkpoint = dir.resolve("online.model");
        StreamTrainingConfig forever = new StreamTrainingConfig(50, 32, 1, 50, 10_000, 0, 0, SharedKafka.unique("group"));
        StreamTrainer trainer = new StreamTrainer(kafka, new StageTopics(topic, topic + "-stream-trainer-dlq", null),
                Learning.stream(SMALL, forever, SyntheticData.SCHEMA, 1, 2), checkpoint);
        Thread worker = new Thread(trainer::run);
        worker.start();
        Thread.sleep(3_000);
        assertTrue(trainer.requestStop(Duration.ofSeconds(30)), "the trainer stops when asked");
        worker.join(30_000);

        // No checkpoint is due before 10,000 records: only the stop request can have written one,
        // and what it committed is exactly what the saved model contains.
        ModelArtifact saved = ModelCodec.read(checkpoint);
        long next = saved.metadata().nextOffsets().get(0);
        assertTrue(next > 0, "it consumed something before the stop");
        assertEquals(next, committed(forever.groupId(), topic).get(new TopicPartition(topic, 0)).offset());
        assertEquals(Math.min(next, 100), saved.metadata().recordsSeen(), "every consumed record is in the model");
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(String group, String topic) throws Exception {
        try (Admin admin = Admin.create(kafka.adminConfig())) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        }
    }

    private static double accuracy(ModelArtifact model, List<Example> examples) {
        double[][] p = model.predictProbabilities(examples.stream().map(Example::features).toArray(double[][]::new));
        long correct = 0;
        for (int i = 0; i < p.length; i++) {
            correct += (p[i][1] >= 0.5 ? 1 : 0) == examples.get(i).label() ? 1 : 0;
        }
        return (double) correct / examples.size();
    }
}
