package dev.tributary.evaluation.results;

import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.data.Schema;
import dev.tributary.common.provenance.EnvironmentInfo;
import dev.tributary.producer.ProduceResult;

import java.util.List;

/**
 * Everything results.json holds about one run: enough to reproduce it (configuration with
 * its seeds, environment, commit) and to compare its strategies.
 *
 * @param schemaVersion the version of this layout, {@value #SCHEMA_VERSION}
 * @param runId         a unique id of the run
 * @param startedAt     ISO-8601 UTC
 * @param finishedAt    ISO-8601 UTC
 * @param scenario      the run's scenario, every key spelled out, seeds included (null when only evaluated)
 * @param schema        the data set's features and classes
 * @param kafka         the cluster
 * @param environment   machine, JVM, thread settings, build
 * @param produce       what the producer wrote, or {@code null} when the run did not produce
 * @param strategies    one entry per strategy, in the order they ran
 */
public record ExperimentResults(int schemaVersion, String runId, String startedAt, String finishedAt,
                                ScenarioConfig scenario, Schema schema, KafkaInfo kafka,
                                EnvironmentInfo environment, ProduceResult produce,
                                List<StrategyResult> strategies) {

    /** The results.json layout version; bumped on any incompatible change. */
    public static final int SCHEMA_VERSION = 1;

    /**
     * Copies the strategies.
     */
    public ExperimentResults {
        strategies = List.copyOf(strategies);
    }

    /**
     * @param strategy a strategy name
     * @return its result
     * @throws IllegalArgumentException if the run has no such strategy
     */
    public StrategyResult strategy(String strategy) {
        return strategies.stream().filter(s -> s.strategy().equals(strategy)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no strategy '" + strategy + "' in run " + runId
                        + "; have " + strategies.stream().map(StrategyResult::strategy).toList()));
    }
}
