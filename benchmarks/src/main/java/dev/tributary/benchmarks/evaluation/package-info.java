/**
 * Benchmarks of what the experiment runner does once per scored event: prequential scoring
 * ({@link dev.tributary.benchmarks.evaluation.PrequentialEvaluatorBenchmark}) and recording a
 * latency in an HdrHistogram
 * ({@link dev.tributary.benchmarks.evaluation.HistogramRecordingBenchmark}). Both run on the
 * consumer's thread between polls, so their cost per event bounds the event rate a strategy can
 * be scored at; both should be nanoseconds.
 */
package dev.tributary.benchmarks.evaluation;
