package dev.tributary.batch;

import dev.tributary.broker.test.TopicFixtures;

import dev.tributary.common.test.Learning;
import dev.tributary.common.config.StageTopics;

import dev.tributary.common.config.BatchTrainingConfig;
import dev.tributary.common.config.ModelConfig;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.common.provenance.OffsetRange;
import dev.tributary.broker.test.BadRecords;
import dev.tributary.broker.test.SharedKafka;
import dev.tributary.common.test.SyntheticData;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The batch trainer on a topic full of malformed records (a seeded mix from {@link BadRecords}):
 * each one is dead-lettered with its reason, none is trained on, and the counts reconcile.
 */
@Tag("integration")
class BatchTrainerBadInputIntegrationTest {

    private static final ModelConfig SMALL = new ModelConfig(List.of(16), 1e-2);
    private final KafkaConnection kafka = SharedKafka.connection();

    @Test
    void everyMalformedRecordIsDeadLetteredWithItsReasonAndCountsReconcile() {
        String topic = SharedKafka.unique("batch-bad");
        String deadLetterTopic = topic + "-batch-trainer-dlq";
        List<BadRecords.Case> cases = BadRecords.mix(3_000, 0.4, 8);
        long[] offsets = BadRecords.write(kafka, topic, cases);
        long valid = cases.stream().filter(BadRecords.Case::valid).count();

        BatchTrainer.Result result = new BatchTrainer(kafka, new StageTopics(topic, deadLetterTopic, null),
                Learning.batch(SMALL, new BatchTrainingConfig(5, 64), SyntheticData.SCHEMA, 5, 6)).train();

        assertEquals(valid, result.summary().recordsTrained());
        assertEquals(cases.size() - valid, result.summary().recordsRejected());
        assertEquals(List.of(new OffsetRange(0, 0, cases.size())), result.summary().offsets(),
                "read = trained + rejected");
        List<ConsumerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
        TopicFixtures.read(kafka, deadLetterTopic, deadLetters::add);
        BadRecords.assertDeadLettered(cases, offsets, topic, BatchTrainer.STAGE, deadLetters);
        double accuracy = BatchTrainerIntegrationTest.accuracy(result.artifact(), SyntheticData.blobs(2_000, 99));
        assertTrue(accuracy > 0.9, "the malformed records did not reach the model: held-out accuracy " + accuracy);
    }
}
