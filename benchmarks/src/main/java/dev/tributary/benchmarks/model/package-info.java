/**
 * Benchmarks of {@code dev.tributary.model}: the default MLP's inference, single rows
 * against batches ({@link dev.tributary.benchmarks.model.InferenceBenchmark}), one gradient step
 * by mini-batch size ({@link dev.tributary.benchmarks.model.FitBenchmark}) and the incremental
 * standardisation in front of both ({@link dev.tributary.benchmarks.model.StandardizerBenchmark}).
 * The network ones call into ND4J's native code; run them with {@code OMP_NUM_THREADS=1}, as the
 * trainers run.
 */
package dev.tributary.benchmarks.model;
