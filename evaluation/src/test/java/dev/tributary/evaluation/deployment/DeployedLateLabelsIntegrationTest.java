package dev.tributary.evaluation.deployment;

import dev.tributary.broker.test.SharedKafka;
import dev.tributary.common.ProgressListener;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.config.ScenarioFiles;
import dev.tributary.common.config.Strategy;
import dev.tributary.evaluation.ExperimentRunner;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.kafka.TopicAdmin;
import dev.tributary.results.ExperimentResults;
import dev.tributary.results.ServedResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Late labels in the deployed mode, end to end on the embedded broker: the producer writes
 * breast cancer's events without labels and each label 50 events late; the label joiner joins
 * them for the trainer stages; the scorer serves the unlabelled events; the served evaluator
 * scores each prediction once its label comes. Counts reconcile, every label is joined, and the
 * staleness counted from the labels is the delay less than the one counted from the events.
 */
@Tag("integration")
class DeployedLateLabelsIntegrationTest {

    private static final int DELAY = 50;
    private static final List<String> DEPLOYED = List.of("batch", "periodic-retrain", "online");
    @TempDir
    static Path output;
    private static ScenarioConfig config;
    private static ExperimentResults results;
    private static final KafkaConnection KAFKA = SharedKafka.connection();

    @BeforeAll
    static void runTheDeployedComparisonWithLateLabels() {
        config = ScenarioFiles.load("breast-cancer", Map.of("name", SharedKafka.unique("bc-late"),
                "protocol", "prequential", "mode", "deployed", "rate.events-per-second", 200,
                "strategies", DEPLOYED, "periodic.every", 200, "periodic.window", 200, "evaluation.warm-up", false,
                "labels.delay-events", DELAY));
        results = new ExperimentRunner(KAFKA, true, config, output, ProgressListener.NONE).run();
    }

    @Test
    void everyLabelIsJoinedAndEveryPredictionScoredOnceItsLabelCame() {
        long events = results.produce().trainRecords();
        try (TopicAdmin admin = new TopicAdmin(KAFKA)) {
            for (String s : DEPLOYED) {
                ServedResult served = results.strategy(s).served();
                assertNotNull(served, s);
                assertTrue(served.reconciles(), s + ": " + served);
                assertEquals(0, served.unlabelled(), s + ": every label came within the horizon");
                assertEquals(results.strategy(s).prequential().events(), served.evaluated(), s);
                ScenarioConfig deployment = config.deployment(Strategy.fromKey(s));
                assertEquals(events, admin.recordCount(deployment.labelsTopic()), s + ": a label per event");
                assertEquals(events, admin.recordCount(deployment.names().labelled()), s + ": each joined to its event");
                assertEquals(events, admin.recordCount(deployment.names().predictions()), s + ": a prediction per event");
                assertEquals(served.evaluated(), served.stalenessSinceLabelEvents().count(), s);
            }
        }
    }

    @Test
    void stalenessFromTheLabelsIsTheDelayLessThanFromTheEvents() {
        ServedResult online = results.strategy("online").served();
        assertTrue(online.stalenessEvents().p50() >= DELAY, "from the events, at least the delay: "
                + online.stalenessEvents().p50());
        assertTrue(online.stalenessSinceLabelEvents().p50() < online.stalenessEvents().p50(),
                "from the labels: " + online.stalenessSinceLabelEvents().p50() + " vs " + online.stalenessEvents().p50());
        ServedResult batch = results.strategy("batch").served();
        long live = results.produce().trainRecords() - batch.history();
        // The frozen history model: at the last event, every live label due before it is unlearned.
        assertEquals(live - 1 - DELAY, batch.stalenessSinceLabelEvents().max());
        assertEquals(live - 1, batch.stalenessEvents().max());
    }

    @Test
    void qualityAsServedClearsTheFloorOfAWorkingDeployment() {
        for (String s : DEPLOYED) {
            double served = results.strategy(s).served().quality().cumulative().get("accuracy");
            assertTrue(served >= 0.9, s + " served accuracy " + served);
        }
    }
}
