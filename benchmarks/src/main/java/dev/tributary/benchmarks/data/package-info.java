/**
 * Benchmarks of {@code dev.tributary.common.data}: the CSV wire format every record crosses
 * twice, encoded by the producer and decoded by each consumer
 * ({@link dev.tributary.benchmarks.data.CsvCodecBenchmark}).
 */
package dev.tributary.benchmarks.data;
