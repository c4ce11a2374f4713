package dev.tributary.evaluation;

import dev.tributary.batch.BatchTrainer;
import dev.tributary.common.config.BatchTrainingConfig;
import dev.tributary.common.config.EvaluationConfig;
import dev.tributary.common.config.LearnerConfig;
import dev.tributary.common.config.ModelConfig;
import dev.tributary.common.config.PeriodicRetrainConfig;
import dev.tributary.common.config.Seeds;
import dev.tributary.common.config.StageTopics;
import dev.tributary.common.config.Strategy;
import dev.tributary.common.config.StreamTrainingConfig;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.model.learn.Learner;
import dev.tributary.model.learn.ModelLearner;
import dev.tributary.model.ModelArtifact;
import dev.tributary.broker.test.SharedKafka;
import dev.tributary.common.test.SyntheticData;
import dev.tributary.broker.test.TopicFixtures;
import dev.tributary.evaluation.strategy.Learners;
import dev.tributary.stream.StreamTrainer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the experiment measures is what the stages deploy: the same topic fed to
 * {@code train-stream} and to the experiment's {@code online} strategy gives bit-identical
 * weights, standardisation and records seen, although the two read it with other poll sizes and
 * the stage checkpoints along the way; likewise {@code train-batch} and {@code batch}.
 */
@Tag("integration")
class LearnerParityIntegrationTest {

    private static final int EVENTS = 1_000;
    private final KafkaConnection kafka = SharedKafka.connection();

    private static LearnerConfig config(int maxPollRecords, String group) {
        return new LearnerConfig(new ModelConfig(List.of(16, 8), 0.01), new BatchTrainingConfig(3, 32),
                new StreamTrainingConfig(64, 16, 2, maxPollRecords, 150, 2_000, EVENTS, group),
                PeriodicRetrainConfig.DEFAULT, SyntheticData.SCHEMA, new Seeds(0, 0, 21, 22));
    }

    private StrategyDriver.Run drive(String topic, Strategy strategy, long history, boolean scored) {
        Learner learner = Learners.create(strategy, config(500, "unused"));
        return new StrategyDriver(kafka, new StageTopics(topic, topic + "-experiment-dlq", null), SyntheticData.SCHEMA,
                500, EvaluationConfig.DEFAULT, scored)
                .run(learner, history, EVENTS, null, l -> { });
    }

    @Test
    void trainStreamAndTheOnlineStrategyLearnTheSameModel(@TempDir Path dir) {
        String topic = SharedKafka.unique("parity-stream");
        TopicFixtures.write(kafka, topic, 1, SyntheticData.blobs(EVENTS, 5));

        StreamTrainer.Result stage = new StreamTrainer(kafka, new StageTopics(topic, topic + "-stream-trainer-dlq", null),
                config(37, SharedKafka.unique("parity-group")), dir.resolve("online.model")).run();
        ModelLearner experiment = (ModelLearner) drive(topic, Strategy.ONLINE, 200, true).outcome()
                .learner();

        ModelArtifact deployed = stage.artifact();
        ModelArtifact measured = experiment.artifact(null);
        assertEquals(EVENTS, deployed.metadata().recordsSeen());
        assertEquals(deployed.metadata().recordsSeen(), experiment.incorporated(), "records seen");
        assertArrayEquals(deployed.network().parameters(), measured.network().parameters(), "weights, bit for bit");
        assertEquals(deployed.standardizer().state(), measured.standardizer().state(), "standardisation");
        assertEquals(stage.summary().gradientSteps(), experiment.gradientSteps());
    }

    @Test
    void trainBatchAndTheBatchStrategyLearnTheSameModel() {
        String topic = SharedKafka.unique("parity-batch");
        TopicFixtures.write(kafka, topic, 1, SyntheticData.blobs(EVENTS, 6));

        BatchTrainer.Result stage = new BatchTrainer(kafka, new StageTopics(topic, topic + "-batch-trainer-dlq", null),
                config(37, "unused")).train();
        ModelLearner experiment = (ModelLearner) drive(topic, Strategy.BATCH, EVENTS, false).outcome()
                .learner();

        assertArrayEquals(stage.artifact().network().parameters(), experiment.artifact(null).network().parameters(),
                "weights, bit for bit");
        assertEquals(stage.artifact().metadata().recordsSeen(), experiment.incorporated());
    }
}
