package dev.tributary.results;

import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.data.Schema;
import dev.tributary.common.provenance.EnvironmentInfo;
import dev.tributary.results.stats.Summary;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything results.json holds about one scenario run: enough to reproduce it (scenario with
 * its seeds, environment, commit) and to compare its strategies, per repetition and summarised.
 *
 * @param schemaVersion the version of this layout, {@value #SCHEMA_VERSION}
 * @param runId         a unique id of the run
 * @param startedAt     ISO-8601 UTC
 * @param finishedAt    ISO-8601 UTC
 * @param scenario      the scenario, every key spelled out, seeds included (null when only evaluated)
 * @param schema        the source's features and classes
 * @param kafka         the cluster
 * @param environment   machine, JVM, thread settings, build
 * @param runs          one entry per repetition, with every value measured
 * @param summary       strategy → headline measure → mean and 95 % interval over the repetitions
 * @param serving       latency under load of the scorer against bare Kafka, or {@code null}
 *                      ({@code tributary serve-bench})
 */
public record ExperimentResults(int schemaVersion, String runId, String startedAt, String finishedAt,
                                ScenarioConfig scenario, Schema schema, KafkaInfo kafka,
                                EnvironmentInfo environment, List<RunResult> runs,
                                Map<String, Map<String, Summary>> summary, List<ServingLoadResult> serving) {

    /**
     * The results.json layout version this build writes; bumped on any incompatible change.
     * 3: the scenario's {@code stream} section has {@code miniBatch} (events per learning
     * increment) and {@code epochs} (per mini-batch) instead of {@code epochsPerPoll}.
     * 4: each strategy's {@code keepingUp} (lag samples, kept up, sustainable rate), and the
     * scenario's {@code evaluation.concurrent} and {@code evaluation.warmUp}; a version-3 file reads
     * as one without them.
     * 5: each strategy's {@code served} (the deployed mode's served quality, latency, staleness),
     * the scenario's {@code mode}, and the model provenance's {@code lastEventMs}; a version-4 file
     * reads as an in-process run.
     * 6: late labels: the scenario's {@code labels}, each strategy's {@code labels} (the join's
     * counts, freshness from the label, and its quality with every label on time), and the
     * producer's {@code labelsTopic} and {@code labels}; a version-5 file reads as a run whose
     * labels came with their events.
     */
    public static final int SCHEMA_VERSION = 6;

    /**
     * The layout versions this build reads ({@code report}, {@code gate}); any other is rejected
     * rather than half-read. Add a version here only together with the code that reads it and a
     * golden file of it under the tests' resources ({@code results-v<N>.json}).
     */
    public static final Set<Integer> SUPPORTED_SCHEMA_VERSIONS = Set.of(2, 3, 4, 5, SCHEMA_VERSION);

    /**
     * Copies the runs.
     */
    public ExperimentResults {
        runs = List.copyOf(runs);
        summary = summary == null ? Map.of() : summary;
    }

    /**
     * Results without a serving measurement.
     */
    public ExperimentResults(int schemaVersion, String runId, String startedAt, String finishedAt,
                             ScenarioConfig scenario, Schema schema, KafkaInfo kafka, EnvironmentInfo environment,
                             List<RunResult> runs, Map<String, Map<String, Summary>> summary) {
        this(schemaVersion, runId, startedAt, finishedAt, scenario, schema, kafka, environment, runs, summary, null);
    }

    /**
     * @param strategy a strategy name
     * @return its result in the first repetition
     * @throws IllegalArgumentException if the run has no such strategy
     */
    public StrategyResult strategy(String strategy) {
        return runs.get(0).strategy(strategy);
    }

    /** @return the first repetition's producer counts */
    public dev.tributary.common.provenance.ProduceResult produce() {
        return runs.get(0).produce();
    }

    /** @return the first repetition's strategies */
    public List<StrategyResult> strategies() {
        return runs.get(0).strategies();
    }
}
