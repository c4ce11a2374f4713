/**
 * The results model: what a run wrote to results.json, as immutable records, and its one
 * JSON form ({@link dev.tributary.evaluation.results.ResultsFile}), versioned by
 * {@link dev.tributary.evaluation.results.ExperimentResults#SCHEMA_VERSION}. Computing lives
 * in the evaluation package, rendering in the reports module.
 */
package dev.tributary.evaluation.results;
