package dev.tributary.results;

import dev.tributary.results.Percentiles;

/**
 * Latency under load at one open-loop rate: event → prediction through the scorer, side by side
 * with Kafka's bare produce → consume at the same rate, record size and producer settings. Both
 * are measured from each event's intended send time (its record timestamp) to the moment a
 * consumer receives the prediction, or the event itself, so neither is flattered by
 * coordinated omission.
 *
 * @param targetRate         events per second asked of the producer
 * @param events             events sent at that rate, per measurement
 * @param bareMicros         intended send → consumed, bare Kafka, µs
 * @param scoredMicros       intended send → prediction consumed, through the scorer, µs
 * @param bareRate           events per second bare Kafka delivered
 * @param scoredRate         predictions per second the scorer delivered
 * @param p50Ratio           scorer p50 ÷ bare p50: the overhead of scoring over bare Kafka
 * @param p99Ratio           scorer p99 ÷ bare p99
 */
public record ServingLoadResult(double targetRate, long events, Percentiles bareMicros, Percentiles scoredMicros,
                                double bareRate, double scoredRate, double p50Ratio, double p99Ratio) {
}
