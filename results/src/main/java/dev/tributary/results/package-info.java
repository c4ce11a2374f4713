/**
 * The results model: what a run wrote to results.json (and {@code bench} to bench.json), as
 * immutable records, and its one JSON form ({@link dev.tributary.results.ResultsFile}), versioned
 * by {@link dev.tributary.results.ExperimentResults#SCHEMA_VERSION}, with the statistics over
 * repetitions ({@link dev.tributary.results.stats}). This module depends on neither Kafka nor
 * Deeplearning4j, so that reports and the quality gate read results without them. Computing
 * lives in the evaluation module, rendering in the reports module.
 */
package dev.tributary.results;
