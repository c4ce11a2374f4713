/**
 * JMH microbenchmarks of Tributary's hot paths, one sub-package per production area:
 * {@code .model} (inference, one gradient step, standardisation), {@code .data} (the CSV wire
 * format of a record), {@code .evaluation} (prequential scoring, latency recording) and
 * {@code .producer} (the synthetic generators). {@link dev.tributary.benchmarks.BenchmarkData}
 * holds the seeded inputs they share.
 *
 * <p>They are not tests: the build compiles them into {@code benchmarks/target/benchmarks.jar}
 * and never runs them. Each class says what it measures, how its score should compare with its
 * {@code baseline()} or its other methods, and how to run it; {@code benchmarks/README.md} lists
 * the selectors and profilers and the last measured table. Every benchmark pins its warmup,
 * measurement and fork count so that two runs of the jar are comparable, and runs in a forked JVM
 * with {@code -Xmx2g}. Run the jar with {@code OMP_NUM_THREADS=1}: the forks inherit the
 * environment, and one ND4J thread is what the trainers use (project README, "ND4J threads").
 */
package dev.tributary.benchmarks;
