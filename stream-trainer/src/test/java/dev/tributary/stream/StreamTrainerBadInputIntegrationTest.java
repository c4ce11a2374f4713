package dev.tributary.stream;

import dev.tributary.broker.test.TopicFixtures;

import dev.tributary.common.test.Learning;
import dev.tributary.common.config.StageTopics;

import dev.tributary.common.config.ModelConfig;
import dev.tributary.common.config.StreamTrainingConfig;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.model.ModelArtifact;
import dev.tributary.broker.test.BadRecords;
import dev.tributary.broker.test.SharedKafka;
import dev.tributary.common.test.SyntheticData;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stream trainer on a topic full of malformed records (a seeded mix from {@link BadRecords}),
 * stopped part-way and resumed: each malformed record is dead-lettered once, with its reason,
 * across both runs, and the counts reconcile.
 */
@Tag("integration")
class StreamTrainerBadInputIntegrationTest {

    private static final ModelConfig SMALL = new ModelConfig(List.of(16), 1e-2);
    private final KafkaConnection kafka = SharedKafka.connection();

    @Test
    void everyMalformedRecordIsDeadLetteredOnceAcrossARestart(@TempDir Path dir) {
        String topic = SharedKafka.unique("stream-bad");
        String deadLetterTopic = topic + "-stream-trainer-dlq";
        String group = SharedKafka.unique("group");
        List<BadRecords.Case> cases = BadRecords.mix(3_000, 0.4, 9);
        long[] offsets = BadRecords.write(kafka, topic, cases);
        long valid = cases.stream().filter(BadRecords.Case::valid).count();
        Path checkpoint = dir.resolve("online.model");

        StreamTrainer.Result first = trainer(topic, group, checkpoint, 1_000, deadLetterTopic).run();
        assertEquals(1_000, first.summary().recordsTrained() + first.summary().recordsRejected(),
                "the first run stops at its record limit, rejected records included");
        StreamTrainer.Result second = trainer(topic, group, checkpoint, 0, deadLetterTopic).run();

        assertEquals(valid, first.summary().recordsTrained() + second.summary().recordsTrained());
        assertEquals(cases.size() - valid, first.summary().recordsRejected() + second.summary().recordsRejected());
        assertEquals(Map.of(0, (long) cases.size()), second.artifact().metadata().nextOffsets(),
                "read = trained + rejected, over both runs");
        assertEquals(valid, second.artifact().metadata().recordsSeen());
        List<ConsumerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
        TopicFixtures.read(kafka, deadLetterTopic, deadLetters::add);
        BadRecords.assertDeadLettered(cases, offsets, topic, StreamTrainer.STAGE, deadLetters);
        double accuracy = accuracy(second.artifact());
        assertTrue(accuracy > 0.9, "the malformed records did not reach the model: held-out accuracy " + accuracy);
    }

    private StreamTrainer trainer(String topic, String group, Path checkpoint, long maxRecords, String deadLetterTopic) {
        StreamTrainingConfig config = new StreamTrainingConfig(500, 32, 2, 500, 700, 3_000, maxRecords, group);
        return new StreamTrainer(kafka, new StageTopics(topic, deadLetterTopic, null),
                Learning.stream(SMALL, config, SyntheticData.SCHEMA, 11, 12), checkpoint);
    }

    private static double accuracy(ModelArtifact model) {
        var examples = SyntheticData.blobs(2_000, 99);
        double[][] p = model.predictProbabilities(examples.stream().map(e -> e.features()).toArray(double[][]::new));
        long correct = 0;
        for (int i = 0; i < p.length; i++) {
            correct += (p[i][1] >= 0.5 ? 1 : 0) == examples.get(i).label() ? 1 : 0;
        }
        return (double) correct / examples.size();
    }
}
