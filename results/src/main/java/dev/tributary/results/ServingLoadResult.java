package dev.tributary.results;

/**
 * Latency under load at one open-loop rate: event → prediction through the scorer, side by side
 * with Kafka's bare produce → consume at the same rate, record size and producer settings. Both
 * are measured from each event's intended send time (its record timestamp) to the moment a
 * consumer receives the prediction, or the event itself, so neither is flattered by
 * coordinated omission. Both load producers send at once ({@code linger.ms=0}, unless the
 * scenario or the user sets it): Kafka's default of 5 ms would add about that to both medians and
 * flatter the ratio.
 *
 * @param targetRate         events per second asked of the producer
 * @param events             events sent at that rate, per measurement
 * @param bareMicros         intended send → consumed, bare Kafka, µs
 * @param scoredMicros       intended send → prediction consumed, through the scorer, µs
 * @param bareRate           events per second bare Kafka delivered
 * @param scoredRate         predictions per second the scorer delivered
 * @param p50Ratio           scorer p50 ÷ bare p50: the overhead of scoring over bare Kafka
 * @param p99Ratio           scorer p99 ÷ bare p99
 * @param scoredBreakdown    where the scored events' time went (a sample of them); null in files written before
 * @param kafkaTool          Kafka's closed-loop {@code EndToEndLatency} on the same cluster, measured beside
 *                           them; null in files written before
 * @param passthroughMicros  intended send → forwarded event consumed, through a Kafka Streams application of
 *                           the scorer's shape that forwards each event unchanged: what Streams costs
 *                           without the scorer's work; null in files written before
 * @param scoredKeptUp       whether the scorer kept up at this rate: its latency, sampled every 100 predictions,
 *                           stayed bounded by {@link KeepingUp#bounded}'s rule (the one the lanes are judged by),
 *                           and it delivered at least 95 % of the rate bare Kafka delivered (files written before
 *                           this second condition judged by the first alone);
 *                           the highest rate at which it did, over a long enough measurement, is its sustainable
 *                           rate; null in files written before
 * @param flushIntervalMs    how long the scorer's partial micro-batch could wait; null in files written before
 *                           (then 1 ms)
 * @param commitIntervalMs   the commit interval the scorer and the passthrough ran with; null in files written
 *                           before (then 1000 ms, or 30 s in files written before the scorer set its own)
 */
public record ServingLoadResult(double targetRate, long events, Percentiles bareMicros, Percentiles scoredMicros,
                                double bareRate, double scoredRate, double p50Ratio, double p99Ratio,
                                ScoringBreakdown scoredBreakdown, KafkaEndToEndLatency kafkaTool,
                                Percentiles passthroughMicros, Boolean scoredKeptUp, Long flushIntervalMs,
                                Long commitIntervalMs) {
}
