/**
 * Benchmarks of {@code dev.tributary.producer}: drawing one example from each synthetic
 * generator ({@link dev.tributary.benchmarks.producer.GeneratorBenchmark}), the producer's work
 * per event before the record is encoded and sent.
 */
package dev.tributary.benchmarks.producer;
