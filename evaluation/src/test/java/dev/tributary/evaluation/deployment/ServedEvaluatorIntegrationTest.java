package dev.tributary.evaluation.deployment;

import dev.tributary.broker.test.SharedKafka;
import dev.tributary.common.config.EvaluationConfig;
import dev.tributary.common.config.ModelConfig;
import dev.tributary.common.data.ExampleCodec;
import dev.tributary.common.data.Schema;
import dev.tributary.common.provenance.ModelMetadata;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.kafka.ModelTopic;
import dev.tributary.kafka.TopicAdmin;
import dev.tributary.model.ModelCodec;
import dev.tributary.model.StandardizedNetwork;
import dev.tributary.results.ServedResult;
import dev.tributary.serving.Prediction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The served evaluator against hand-made predictions and model records on a real broker: every
 * figure is known in advance, computed here from the records themselves, so staleness is shown
 * to come from the serving model's own record (its offsets and newest event), not from timing.
 */
@Tag("integration")
class ServedEvaluatorIntegrationTest {

    private static final Schema SCHEMA = new Schema(List.of("x", "y"), List.of("a", "b"));
    private static final long T0 = 1_700_000_000_000L;
    private final KafkaConnection kafka = SharedKafka.connection();

    @Test
    void stalenessLatencyCountsAndQualityComeFromThePredictionsAndTheModelRecords() throws Exception {
        String prefix = SharedKafka.unique("served");
        String predictions = prefix + "-predictions";
        String models = prefix + "-models";
        try (TopicAdmin admin = new TopicAdmin(kafka)) {
            admin.ensureTopic(predictions, 1, (short) 1, Map.of());
        }
        ModelTopic.ensure(kafka, models, (short) 1);
        ModelConfig config = new ModelConfig(List.of(4), 1e-2);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producerConfig())) {
            // Version 1 has learned offsets 0..9 (newest event at T0 + 9), version 2 offsets 0..19;
            // each is created 100 ms after its newest event and published at T0 + 1000 * version.
            for (int version = 1; version <= 2; version++) {
                long learned = 10L * version;
                ModelMetadata metadata = new ModelMetadata("online", version, learned, prefix + "-events",
                        Map.of(0, learned), T0 + learned - 1 + 100, config, 2, 2, 7, T0 + learned - 1);
                byte[] model = ModelCodec.encode(StandardizedNetwork.fresh(config, 2, 2, 7).toArtifact(metadata));
                producer.send(new ProducerRecord<>(models, 0, T0 + 1000L * version,
                        "online".getBytes(StandardCharsets.UTF_8), model)).get();
                // Another strategy's record on the same topic is not this deployment's.
                producer.send(new ProducerRecord<>(models, 0, T0, "batch".getBytes(StandardCharsets.UTF_8), model)).get();
            }
            // Events 0..29, event o at T0 + o, label o % 2; predicted right at even offsets.
            // 0..9: no model yet; 10..19: version 1; 20..29: version 2, each first scored 7 ms after publication.
            for (int o = 0; o < 30; o++) {
                long version = o < 10 ? 0 : o < 20 ? 1 : 2;
                long scoredAt = version == 0 ? T0 + o : T0 + 1000 * version + 7 + o % 10;
                int label = o % 2;
                int predicted = o % 2 == 0 ? label : 1 - label;
                send(producer, predictions, label, new Prediction(predicted, 0.75, version, T0 + o, scoredAt, 0, o));
                if (o == 15) {
                    // An at-least-once scorer's repeat of an event: counted, not scored twice.
                    send(producer, predictions, label, new Prediction(predicted, 0.75, version, T0 + o, scoredAt, 0, o));
                }
                if (o == 3) {
                    producer.send(new ProducerRecord<>(predictions, "1".getBytes(StandardCharsets.UTF_8),
                            "not,a,prediction".getBytes(StandardCharsets.UTF_8))).get();
                }
            }
        }

        ServedResult served = new ServedEvaluator(kafka, SCHEMA, new EvaluationConfig(0.2, 10, 0.999, 10, 0, false, false),
                new ServedEvaluator.Settings(predictions, models, prefix + "-served-evaluator-dlq", "online", 30, 5, 100,
                        30_000)).run();

        assertEquals(30, served.events());
        assertEquals(31, served.predictions(), "the duplicate is read");
        assertEquals(1, served.duplicates());
        assertEquals(1, served.rejected(), "the record that is no prediction, dead-lettered");
        assertEquals(5, served.history(), "offsets 0..4");
        assertEquals(25, served.evaluated(), "offsets 5..29");
        assertTrue(served.reconciles());
        assertEquals(5, served.withoutModel(), "offsets 5..9 were served before any model");
        assertEquals(0, served.unknownVersion());
        assertEquals(2, served.versionsPublished(), "the batch records are not this strategy's");
        assertEquals(2, served.versionsServed());

        // Staleness of offset o served by version v: o - 10 v events (0..9 for each version), and
        // (T0 + o) - (T0 + 10 v - 1) = o - 10 v + 1 ms (1..10).
        assertEquals(20, served.stalenessEvents().count());
        assertEquals(0, served.stalenessEvents().decode().getMinValue());
        assertEquals(9, served.stalenessEvents().max());
        assertEquals(4.5, served.stalenessEvents().mean(), 1e-9);
        assertEquals(1, served.stalenessMillis().decode().getMinValue());
        assertEquals(10, served.stalenessMillis().max());
        assertEquals(5.5, served.stalenessMillis().mean(), 1e-9);
        // Publish to first prediction: 7 ms for each version; trainer lag: 100 ms for each.
        assertEquals(2, served.publishToSwapMillis().count());
        assertEquals(7, served.publishToSwapMillis().max());
        assertEquals(7, served.publishToSwapMillis().decode().getMinValue());
        assertEquals(100, served.trainerLagMillis().max());
        assertEquals(2, served.trainerLagMillis().count());

        // Quality as served: right at the 12 even offsets of 5..29, of 25.
        assertEquals(25, served.quality().events());
        assertEquals(12 / 25.0, served.quality().cumulative().get("accuracy"), 1e-12);
        assertEquals(25, served.latencyMicros().count(), "a latency per scored prediction");
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String topic, int label, Prediction p)
            throws Exception {
        producer.send(new ProducerRecord<>(topic, ExampleCodec.encodeKey(label), p.encode())).get();
    }
}
