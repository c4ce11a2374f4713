package dev.tributary.batch;

import dev.tributary.common.test.Learning;
import dev.tributary.common.config.StageTopics;

import dev.tributary.common.config.BatchTrainingConfig;
import dev.tributary.common.config.ModelConfig;
import dev.tributary.common.data.Example;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.common.provenance.OffsetRange;
import dev.tributary.model.ModelArtifact;
import dev.tributary.model.ModelCodec;
import dev.tributary.broker.test.SharedKafka;
import dev.tributary.common.test.RecordingProgress;
import dev.tributary.common.test.SyntheticData;
import dev.tributary.broker.test.TopicFixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("integration")
class BatchTrainerIntegrationTest {

    private static final ModelConfig SMALL = new ModelConfig(List.of(16, 16), 1e-2);
    private final KafkaConnection kafka = SharedKafka.connection();

    @Test
    void learnsEveryPartitionToItsEndAndGeneralises() {
        String topic = SharedKafka.unique("batch-train");
        TopicFixtures.write(kafka, topic, 3, SyntheticData.blobs(600, 1));

        RecordingProgress progress = new RecordingProgress();
        BatchTrainer.Result result = new BatchTrainer(kafka, new StageTopics(topic, topic + "-batch-trainer-dlq", null),
                Learning.batch(SMALL, new BatchTrainingConfig(10, 64), SyntheticData.SCHEMA, 5, 6)).train(progress);

        assertEquals(600, result.summary().recordsTrained());
        // Both long phases show progress, each to its end: the records read, then the fit's rows.
        assertEquals(java.util.Map.of(
                        "reading " + topic, new RecordingProgress.Task(601, "records", 601, true, false),
                        "fitting batch: 10 epochs of 600 rows", new RecordingProgress.Task(6_000, "rows", 6_000, true, false)),
                progress.tasks());
        assertEquals(1, result.summary().recordsRejected(), "the fixture's trailing tombstone has no key");
        assertEquals(List.of(new OffsetRange(0, 0, 201), new OffsetRange(1, 0, 200), new OffsetRange(2, 0, 200)),
                result.summary().offsets());
        assertEquals(10 * (600 / 64 + 1), result.summary().gradientSteps(), "ceil(600 / 64) steps per epoch");
        double accuracy = accuracy(result.artifact(), SyntheticData.blobs(2_000, 99));
        assertTrue(accuracy > 0.9, "held-out accuracy " + accuracy);
    }

    @Test
    void standardisesWithTheTrainingStatisticsAndSurvivesTheCodec() {
        String topic = SharedKafka.unique("batch-codec");
        List<Example> train = SyntheticData.blobs(200, 2);
        TopicFixtures.write(kafka, topic, 1, train);
        ModelArtifact model = new BatchTrainer(kafka, new StageTopics(topic, topic + "-batch-trainer-dlq", null),
                Learning.batch(SMALL, new BatchTrainingConfig(2, 32), SyntheticData.SCHEMA, 5, 6)).train().artifact();

        double mean0 = train.stream().mapToDouble(e -> e.features()[0]).average().orElseThrow();
        assertEquals(mean0, model.standardizer().mean()[0], 1e-9);
        assertEquals(200, model.metadata().recordsSeen());

        ModelArtifact copy = ModelCodec.decode(ModelCodec.encode(model));
        double[][] probe = {train.get(0).features(), train.get(1).features()};
        assertArrayEquals(model.predictProbabilities(probe)[0], copy.predictProbabilities(probe)[0], 1e-6);
        assertEquals(model.metadata(), copy.metadata());
    }

    @Test
    void sameSeedsGiveTheSameModel() {
        String topic = SharedKafka.unique("batch-seed");
        TopicFixtures.write(kafka, topic, 1, SyntheticData.blobs(300, 3));
        double[][] probe = {SyntheticData.blobs(1, 4).get(0).features()};
        double first = train(topic, 7).predictProbabilities(probe)[0][1];
        assertEquals(first, train(topic, 7).predictProbabilities(probe)[0][1], 1e-9);
        assertTrue(Math.abs(first - train(topic, 8).predictProbabilities(probe)[0][1]) > 1e-6,
                "another seed initialises another network");
    }

    private ModelArtifact train(String topic, long seed) {
        return new BatchTrainer(kafka, new StageTopics(topic, topic + "-batch-trainer-dlq", null),
                Learning.batch(SMALL, new BatchTrainingConfig(3, 32), SyntheticData.SCHEMA, seed, seed)).train().artifact();
    }

    static double accuracy(ModelArtifact model, List<Example> examples) {
        double[][] x = examples.stream().map(Example::features).toArray(double[][]::new);
        double[][] p = model.predictProbabilities(x);
        long correct = 0;
        for (int i = 0; i < p.length; i++) {
            correct += (p[i][1] >= 0.5 ? 1 : 0) == examples.get(i).label() ? 1 : 0;
        }
        return (double) correct / examples.size();
    }
}
