package dev.tributary.results;

/**
 * Where a scored event's time goes, from a sample of the predictions (see
 * {@code dev.tributary.serving.ScoringTiming}): four consecutive parts of the event → prediction
 * latency, each a distribution in µs over the sampled events. The parts of one event add up to
 * its latency; their percentiles need not (the p99 of a sum is not the sum of the p99s).
 *
 * @param toScorerMicros  intended send → the scoring processor is handed the event: the producer,
 *                        the broker, the Streams consumer's fetch and poll loop
 * @param batchWaitMicros handed → its micro-batch's network call starts: waiting for the batch to
 *                        fill or its oldest event's flush interval to pass
 * @param inferenceMicros the micro-batch's network call
 * @param toReaderMicros  the call returned → the reader receives the prediction: forwarding, the
 *                        Streams producer, the broker, the reader's fetch
 */
public record ScoringBreakdown(Percentiles toScorerMicros, Percentiles batchWaitMicros, Percentiles inferenceMicros,
                              Percentiles toReaderMicros) {
}
