package dev.tributary.stream;

import dev.tributary.broker.EmbeddedKafkaBroker;
import dev.tributary.common.config.ModelConfig;
import dev.tributary.common.config.StageTopics;
import dev.tributary.common.config.StreamTrainingConfig;
import dev.tributary.common.data.Example;
import dev.tributary.common.data.ExampleCodec;
import dev.tributary.common.test.Learning;
import dev.tributary.common.test.SyntheticData;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.kafka.TopicAdmin;
import dev.tributary.model.ModelCodec;
import dev.tributary.model.test.Checkpoints;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A broker outage longer than the idle timeout is not the end of the stream: the trainer, caught
 * up and waiting, sees nothing for longer than {@code idle-timeout-ms} while the broker is down,
 * goes on waiting, and trains what was sent during the outage once the broker is back. Before,
 * a 15 s outage under sea-abrupt's 10 s idle timeout ended the trainer (exit 0) with 2,830 of
 * 8,000 records trained. Its own broker: a restart would disturb the shared one's other tests.
 */
@Tag("integration")
class StreamTrainerOutageIntegrationTest {

    private static final ModelConfig SMALL = new ModelConfig(List.of(8), 1e-2);
    private static final int IDLE_TIMEOUT_MS = 3_000;
    private static final Duration OUTAGE = Duration.ofSeconds(10);

    @Test
    void anOutageLongerThanTheIdleTimeoutDoesNotEndTheStream(@TempDir Path dir) throws Exception {
        ExecutorService background = Executors.newFixedThreadPool(2);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            KafkaConnection kafka = broker.connection();
            try (TopicAdmin admin = new TopicAdmin(kafka)) {
                admin.ensureTopic("train", 1, (short) 1, Map.of());
            }
            List<Example> examples = SyntheticData.blobs(800, 5);
            Path checkpoint = dir.resolve("online.model");
            StreamTrainer trainer = new StreamTrainer(kafka, new StageTopics("train", "train-stream-trainer-dlq", null),
                    Learning.stream(SMALL, new StreamTrainingConfig(50, 32, 1, 50, 100, IDLE_TIMEOUT_MS, 0, "outage"),
                            SyntheticData.SCHEMA, 1, 2), checkpoint);
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producerConfig())) {
                send(producer, examples.subList(0, 400));
                Future<StreamTrainer.Result> training = background.submit(() -> trainer.run());
                Checkpoints.awaitCovering(checkpoint, 400);

                // Caught up, the trainer waits; the broker goes down for longer than its idle
                // timeout, and the second half is sent into the outage (the producer buffers it).
                CompletableFuture<Void> outage = CompletableFuture.runAsync(() -> broker.restart(OUTAGE), background);
                Thread.sleep(1_000);
                send(producer, examples.subList(400, 800));
                outage.get(120, TimeUnit.SECONDS);
                assertFalse(training.isDone(), "the outage did not end the stream");

                StreamTrainer.Result result = training.get(120, TimeUnit.SECONDS);
                assertEquals(800, result.summary().recordsTrained(), "what was sent into the outage is trained too");
                assertEquals(800, ModelCodec.read(checkpoint).metadata().recordsSeen());
            }
        } finally {
            background.shutdownNow();
        }
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, List<Example> examples) {
        for (Example e : examples) {
            producer.send(new ProducerRecord<>("train", 0, null, ExampleCodec.encodeKey(e.label()),
                    ExampleCodec.encodeValue(e.features())));
        }
        producer.flush();
    }

}
