package dev.tributary.batch;

import dev.tributary.broker.test.SharedKafka;
import dev.tributary.broker.test.TopicFixtures;
import dev.tributary.common.config.BatchTrainingConfig;
import dev.tributary.common.config.LearnerConfig;
import dev.tributary.common.config.ModelConfig;
import dev.tributary.common.config.PeriodicRetrainConfig;
import dev.tributary.common.config.Seeds;
import dev.tributary.common.config.StageTopics;
import dev.tributary.common.config.StreamTrainingConfig;
import dev.tributary.common.data.Example;
import dev.tributary.common.provenance.ModelMetadata;
import dev.tributary.common.test.SyntheticData;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.model.ModelArtifact;
import dev.tributary.model.ModelCodec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code train-periodic} runs the periodic-retrain learner the experiment measures: it retrains
 * at fixed positions, publishes each model as a new version, and its last model is the one the
 * same learner makes of the same events in memory.
 */
@Tag("integration")
class PeriodicTrainerIntegrationTest {

    private static final int EVENTS = 1_000;
    private final KafkaConnection kafka = SharedKafka.connection();

    @Test
    void retrainsEveryPeriodAndPublishesEachModel(@TempDir Path dir) {
        String topic = SharedKafka.unique("periodic");
        List<Example> events = SyntheticData.blobs(EVENTS, 9);
        TopicFixtures.write(kafka, topic, 1, events);
        LearnerConfig config = new LearnerConfig(new ModelConfig(List.of(16), 0.01), new BatchTrainingConfig(3, 32),
                new StreamTrainingConfig(100, 32, 1, 77, 100, 3_000, EVENTS, "unused"), new PeriodicRetrainConfig(300, 200),
                SyntheticData.SCHEMA, new Seeds(0, 0, 5, 6));
        String models = topic + "-models";

        PeriodicTrainer.Result result = new PeriodicTrainer(kafka, new StageTopics(topic, topic + "-periodic-trainer-dlq",
                models), config, dir.resolve("periodic-retrain.model")).run();

        assertEquals(EVENTS, result.summary().recordsTrained());
        assertEquals(0, result.summary().recordsRejected());
        assertEquals(3, result.summary().checkpoints(), "retrains at 300, 600 and 900 events");
        List<ModelMetadata> published = new ArrayList<>();
        TopicFixtures.read(kafka, models, r -> published.add(ModelCodec.decode(r.value()).metadata()));
        assertEquals(List.of(1L, 2L, 3L), published.stream().map(ModelMetadata::version).toList());
        assertEquals(List.of(300L, 600L, 900L), published.stream().map(ModelMetadata::recordsSeen).toList());
        assertTrue(Files.isRegularFile(dir.resolve("periodic-retrain.model")));

        PeriodicRetrainLearner inMemory = new PeriodicRetrainLearner(config);
        events.forEach(e -> inMemory.learn(e.features(), e.label()));
        ModelArtifact deployed = ModelCodec.read(dir.resolve("periodic-retrain.model"));
        assertArrayEquals(inMemory.artifact(null).network().parameters(), deployed.network().parameters(),
                "the stage's last model is the learner's, bit for bit");
        assertEquals(900, deployed.metadata().recordsSeen());
    }
}
