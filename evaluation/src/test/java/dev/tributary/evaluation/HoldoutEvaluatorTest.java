package dev.tributary.evaluation;

import dev.tributary.common.TributaryException;
import dev.tributary.common.config.ModelConfig;
import dev.tributary.common.config.StageTopics;
import dev.tributary.common.data.Schema;
import dev.tributary.common.provenance.ModelMetadata;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.model.StandardizedNetwork;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HoldoutEvaluatorTest {

    @Test
    void aModelOfAnotherShapeIsAnOperationalErrorBeforeAnythingConnects() {
        Schema threeFeatures = new Schema(List.of("a", "b", "c"), List.of("no", "yes"));
        ModelConfig config = new ModelConfig(List.of(4), 0.01);
        var model = StandardizedNetwork.fresh(config, 5, 2, 1).toArtifact(
                new ModelMetadata("online", 1, 0, "t", Map.of(), 0, config, 5, 2, 1, 0));
        // Nothing listens on port 1: the check must come before any connection.
        HoldoutEvaluator evaluator = new HoldoutEvaluator(KafkaConnection.to("127.0.0.1:1"),
                new StageTopics("t-test", "t-evaluator-dlq", null), threeFeatures, 100);
        TributaryException e = assertThrows(TributaryException.class,
                () -> evaluator.evaluateModels(Map.of("online", model)));
        assertEquals("model 'online' takes 5 features and 2 classes; the data has 3 and 2", e.getMessage());
    }
}
