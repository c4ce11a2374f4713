package dev.tributary.results;

import dev.tributary.results.Percentiles;

/**
 * How quickly a strategy answers and learns (see {@code dev.tributary.evaluation}, "Measuring").
 *
 * @param eventToPredictionMicros per scored event: record timestamp (intended send time) to prediction, µs
 * @param updateMicros            per mini-batch: the duration of one learn call, µs
 * @param timeToFirstModelMs      from the first event's timestamp to the first trained model, ms
 * @param timeToFirstPredictionMs from the first event's timestamp to the first prediction, ms
 */
public record LatencyResult(Percentiles eventToPredictionMicros, Percentiles updateMicros, long timeToFirstModelMs,
                            long timeToFirstPredictionMs) {
}
