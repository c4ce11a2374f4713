package dev.tributary.evaluation.deployment;

import dev.tributary.broker.test.SharedKafka;
import dev.tributary.common.ProgressListener;
import dev.tributary.common.config.Mode;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.config.ScenarioFiles;
import dev.tributary.evaluation.ExperimentRunner;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.kafka.TopicAdmin;
import dev.tributary.results.ExperimentResults;
import dev.tributary.results.ServedResult;
import dev.tributary.results.StrategyResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deployed mode end to end on the embedded broker, on breast cancer (prequential, in the
 * file's order): each neural strategy through its trainer stage, the models
 * topic and the scorer, its predictions scored as served. Structure, not time: counts reconcile,
 * the staleness follows each strategy's own model records, and quality as served clears floors a
 * broken deployment (no model, the wrong model, lost predictions) would miss.
 */
@Tag("integration")
class DeployedModeIntegrationTest {

    @TempDir
    static Path output;
    private static ScenarioConfig config;
    private static ExperimentResults results;
    private static final KafkaConnection KAFKA = SharedKafka.connection();

    /** Slow enough for every trainer stage to keep up with breast cancer's network on 2 cores. */
    @BeforeAll
    static void runTheDeployedComparison() {
        config = ScenarioFiles.load("breast-cancer", Map.of("name", SharedKafka.unique("bc-deployed"),
                "protocol", "prequential", "mode", "deployed", "rate.events-per-second", 100,
                "strategies", List.of("batch", "periodic-retrain", "online", "warm-start", "majority"),
                "periodic.every", 200, "periodic.window", 200, "evaluation.warm-up", false));
        results = new ExperimentRunner(KAFKA, true, config, output, ProgressListener.NONE).run();
    }

    @Test
    void everyNeuralStrategyIsDeployedAndTheReferenceOneIsNot() {
        assertEquals(Mode.DEPLOYED, results.scenario().mode());
        for (String s : List.of("batch", "periodic-retrain", "online", "warm-start")) {
            assertNotNull(results.strategy(s).served(), s);
        }
        assertNull(results.strategy("majority").served(), "a reference strategy has no model to deploy");
    }

    @Test
    void countsReconcileEventsPredictionsAndEvaluated() {
        long events = results.produce().trainRecords();
        try (TopicAdmin admin = new TopicAdmin(KAFKA)) {
            for (String s : List.of("batch", "periodic-retrain", "online", "warm-start")) {
                StrategyResult strategy = results.strategy(s);
                ServedResult served = strategy.served();
                assertEquals(events, served.events(), s);
                assertTrue(served.reconciles(), s + ": " + served);
                assertEquals(0, served.duplicates(), s + ": nothing crashed, so nothing was scored twice");
                assertEquals(strategy.prequential().events(), served.evaluated(),
                        s + ": the served score covers the events the ideal scored");
                assertEquals(served.evaluated(), served.quality().events(), s);
                assertEquals(served.evaluated(), served.latencyMicros().count(), s + ": a latency per scored event");
                assertEquals(0, served.withoutModel(), s + ": live only once the history's model serves");
                assertEquals(0, served.unknownVersion(), s + ": every version that served is on the models topic");
                ScenarioConfig deployment = config.deployment(dev.tributary.common.config.Strategy.fromKey(s));
                assertEquals(events, admin.recordCount(deployment.topics().train()), s + ": its own events topic");
                assertEquals(events, admin.recordCount(deployment.names().predictions()), s + ": a prediction per event");
            }
        }
    }

    @Test
    void stalenessFollowsEachStrategysOwnModelRecords() {
        long events = results.produce().trainRecords();
        ServedResult batch = results.strategy("batch").served();
        long history = batch.history();
        long live = events - history;
        // One model, of the history (offsets 0..history-1): the event at offset o is o - history stale.
        assertEquals(1, batch.versionsPublished());
        assertEquals(1, batch.versionsServed());
        assertEquals(live - 1, batch.stalenessEvents().max());
        assertEquals((live - 1) / 2.0, batch.stalenessEvents().mean(), 0.01 * live);

        ServedResult online = results.strategy("online").served();
        assertTrue(online.versionsPublished() >= events / config.stream().checkpointEvery() - 1,
                "a version per checkpoint: " + online.versionsPublished());
        assertTrue(online.stalenessEvents().p50() < batch.stalenessEvents().p50(),
                "the online model keeps up, the frozen one falls behind: " + online.stalenessEvents().p50() + " vs "
                        + batch.stalenessEvents().p50());
        assertTrue(online.stalenessEvents().max() < live, "online " + online.stalenessEvents());
        assertTrue(results.strategy("periodic-retrain").served().versionsPublished() >= 2, "retrains over the stream");
        assertTrue(results.strategy("warm-start").served().versionsPublished() >= 2, "the batch model, then updates");
        for (String s : List.of("batch", "periodic-retrain", "online", "warm-start")) {
            ServedResult served = results.strategy(s).served();
            assertEquals(served.evaluated(), served.stalenessEvents().count(), s + ": a staleness per scored event");
            assertEquals(served.versionsPublished(), served.trainerLagMillis().count(), s + ": a lag per version");
            assertEquals(served.versionsServed(), served.publishToSwapMillis().count(), s + ": a swap per version served");
        }
    }

    @Test
    void qualityAsServedClearsTheFloorsOfAWorkingDeployment() {
        double majority = results.strategy("majority").prequential().cumulative().get("accuracy");
        for (String s : List.of("batch", "periodic-retrain", "online", "warm-start")) {
            double served = results.strategy(s).served().quality().cumulative().get("accuracy");
            double ideal = results.strategy(s).prequential().cumulative().get("accuracy");
            assertTrue(served >= 0.9, s + " served accuracy " + served);
            assertTrue(served > majority + 0.2, s + " served " + served + " vs majority " + majority);
            assertTrue(Math.abs(served - ideal) < 0.05, s + ": served " + served + " near the ideal " + ideal);
        }
        assertTrue(results.summary().get("online").containsKey("served_accuracy"), "summarised for the gate");
    }

    @Test
    void theDeployedModeNeedsThePrequentialProtocol() {
        var e = assertThrows(dev.tributary.common.config.ConfigException.class,
                () -> ScenarioFiles.load("breast-cancer", Map.of("mode", "deployed")));
        assertTrue(e.getMessage().contains("mode"), e.getMessage());
        assertTrue(e.getMessage().contains("prequential"), e.getMessage());
    }
}
