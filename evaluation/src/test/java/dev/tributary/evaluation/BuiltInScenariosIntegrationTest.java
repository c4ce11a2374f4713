package dev.tributary.evaluation;

import dev.tributary.common.ProgressListener;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.config.ScenarioFiles;
import dev.tributary.common.test.SharedKafka;
import dev.tributary.evaluation.results.ExperimentResults;
import dev.tributary.evaluation.results.HoldoutResult;
import dev.tributary.evaluation.results.StrategyResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every built-in scenario end to end on the embedded broker, made small: generated streams of
 * 4,000 events, one epoch, a narrow network. Each model must beat always predicting the test
 * set's majority class, which a learner that learned nothing cannot.
 */
class BuiltInScenariosIntegrationTest {

    static final List<String> SCENARIOS = ScenarioFiles.BUILT_IN;

    @ParameterizedTest
    @FieldSource("SCENARIOS")
    void runsEndToEndAtASmallSize(String name, @TempDir Path output) {
        Map<String, Object> small = new HashMap<>(Map.of(
                "name", SharedKafka.unique(name),
                "model.hidden-layers", List.of(32, 32),
                "model.learning-rate", 0.01,
                "batch.epochs", 2,
                "stream.epochs-per-poll", 1));
        ScenarioConfig full = ScenarioFiles.load(name, Map.of());
        if (full.source().generated()) {
            // Shrink the stream and its drift together, so the drift still happens.
            double scale = 4_000.0 / full.source().events();
            small.put("source.events", 4_000L);
            var drift = full.source().generator().drift();
            if (drift != null) {
                small.put("source.generator.drift.positions", drift.positions().stream().map(p -> Math.round(p * scale)).toList());
                small.put("source.generator.drift.width", Math.round(drift.width() * scale));
            }
        }
        ScenarioConfig scenario = ScenarioFiles.load(name, small);

        ExperimentResults results = new ExperimentRunner(SharedKafka.connection(), true, scenario, output,
                ProgressListener.NONE).run();

        var produced = results.produce();
        assertEquals(produced.read(), produced.trainRecords() + produced.testRecords() + produced.deadLettered());
        assertEquals(scenario.source().generated() ? scenario.source().generator().driftPositions(4_000) : List.of(),
                produced.driftPositions());
        if (full.source().generator() != null && full.source().generator().drift() != null) {
            assertEquals(1, produced.driftPositions().size(), "the shrunk stream still drifts");
        }
        for (StrategyResult strategy : results.strategies()) {
            HoldoutResult holdout = strategy.holdout();
            assertEquals(produced.testRecords(), holdout.examples(), strategy.strategy());
            assertEquals(produced.trainRecords(), strategy.training().recordsTrained(), strategy.strategy());
            double majority = Arrays.stream(holdout.confusionMatrix()).mapToLong(row -> Arrays.stream(row).sum()).max()
                    .orElseThrow() / (double) holdout.examples();
            assertTrue(holdout.metric("accuracy") > majority + 0.02, name + " " + strategy.strategy() + ": accuracy "
                    + holdout.metric("accuracy") + " does not beat the majority class's " + majority);
        }
    }
}
