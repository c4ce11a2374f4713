package dev.tributary.evaluation;

import dev.tributary.common.ProgressListener;
import dev.tributary.common.config.Protocol;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.config.ScenarioFiles;
import dev.tributary.broker.test.SharedKafka;
import dev.tributary.results.ExperimentResults;
import dev.tributary.results.StrategyResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every built-in scenario end to end on the embedded broker, with every strategy, made small:
 * generated streams of 4,000 events (drift moved along), one or two epochs, a narrow network,
 * no rate limit. Every neural strategy must beat the majority-class reference learner of the
 * same run, which a learner that learned nothing cannot.
 */
@Tag("integration")
class BuiltInScenariosIntegrationTest {

    static final List<String> SCENARIOS = ScenarioFiles.BUILT_IN;

    @ParameterizedTest
    @FieldSource("SCENARIOS")
    void runsEndToEndAtASmallSize(String name, @TempDir Path output) {
        ScenarioConfig full = ScenarioFiles.load(name, Map.of());
        Map<String, Object> small = new HashMap<>(Map.of(
                "name", SharedKafka.unique(name),
                "model.hidden-layers", List.of(32, 32),
                "model.learning-rate", 0.01,
                "batch.epochs", 2,
                "stream.epochs", 1,
                "evaluation.warm-up", false,
                "rate.events-per-second", 0.0));
        if (full.source().generated()) {
            // Shrink the stream and its drift together, so the drift still happens.
            double scale = 4_000.0 / full.source().events();
            small.put("source.events", 4_000L);
            small.put("periodic.every", 800L);
            small.put("periodic.window", 800);
            var drift = full.source().generator().drift();
            if (drift != null) {
                small.put("source.generator.drift.positions", drift.positions().stream().map(p -> Math.round(p * scale)).toList());
                small.put("source.generator.drift.width", Math.round(drift.width() * scale));
            }
        }
        ScenarioConfig scenario = ScenarioFiles.load(name, small);
        assertEquals(dev.tributary.common.config.Strategy.ALL, scenario.strategies(), name + " compares every strategy");

        ExperimentResults results = new ExperimentRunner(SharedKafka.connection(), true, scenario, output,
                ProgressListener.NONE).run();

        var produced = results.produce();
        assertEquals(produced.read(), produced.trainRecords() + produced.testRecords() + produced.deadLettered());
        if (full.source().generator() != null && full.source().generator().drift() != null) {
            assertEquals(1, produced.driftPositions().size(), "the shrunk stream still drifts");
        }
        boolean prequential = scenario.protocol() == Protocol.PREQUENTIAL;
        double chance = results.strategy(dev.tributary.common.config.Strategy.MAJORITY.key()).metrics().get("accuracy");
        for (StrategyResult strategy : results.strategies()) {
            assertNotNull(strategy.cost(), strategy.strategy());
            assertNotNull(strategy.latency(), strategy.strategy());
            if (prequential) {
                assertNull(strategy.holdout());
                assertEquals(produced.trainRecords() - Math.round(produced.trainRecords() * 0.2),
                        strategy.prequential().events(), "scored after the history");
                assertNotNull(strategy.freshness());
                assertTrue(strategy.latency().eventToPredictionMicros().count() > 0);
            } else {
                assertEquals(produced.testRecords(), strategy.holdout().examples(), strategy.strategy());
            }
            if (strategy.model() != null) {
                double accuracy = strategy.metrics().get("accuracy");
                assertTrue(accuracy > chance + 0.02, name + " " + strategy.strategy() + ": accuracy " + accuracy
                        + " does not beat the majority class's " + chance);
            }
        }
    }
}
