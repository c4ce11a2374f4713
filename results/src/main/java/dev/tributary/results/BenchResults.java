package dev.tributary.results;

import dev.tributary.common.provenance.EnvironmentInfo;
import dev.tributary.results.KafkaInfo;

import java.util.List;

/**
 * What {@code bench.json} holds: the headline ratios with every repetition's figures, and what
 * is needed to reproduce them.
 *
 * @param schemaVersion the version of this layout, {@value #SCHEMA_VERSION}
 * @param startedAt     ISO-8601 UTC
 * @param finishedAt    ISO-8601 UTC
 * @param scenario      the scenario whose generator, model and seeds were used
 * @param seed          its master seed
 * @param settings      what was measured and how much
 * @param kafka         the cluster
 * @param environment   machine, JVM, thread settings, build
 * @param ratios        the headline ratios
 */
public record BenchResults(int schemaVersion, String startedAt, String finishedAt, String scenario, long seed,
                           BenchSettings settings, KafkaInfo kafka, EnvironmentInfo environment,
                           List<HeadlineRatio> ratios) {

    /** The bench.json layout version. */
    public static final int SCHEMA_VERSION = 1;

    /** Copies the ratios. */
    public BenchResults {
        ratios = List.copyOf(ratios);
    }
}
