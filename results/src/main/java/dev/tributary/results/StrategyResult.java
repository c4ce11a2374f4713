package dev.tributary.results;

import dev.tributary.common.provenance.ModelMetadata;
import dev.tributary.common.provenance.TrainingSummary;

import java.util.List;

/**
 * One strategy's outcome in one run. Parts that a protocol does not produce are {@code null}.
 *
 * @param strategy      the strategy
 * @param model         the provenance of its final model (null for reference learners)
 * @param training      what its training did
 * @param holdout       its final scores on the test topic (holdout)
 * @param prequential   its test-then-train scores (prequential)
 * @param learningCurve its test-topic scores as it learned (holdout, incremental strategies)
 * @param latency       event → prediction and update latency (prediction latency: prequential only)
 * @param freshness     how long until events influenced its serving model (prequential)
 * @param cost          throughput and CPU
 * @param keepingUp     the consumer's lag over the stream, whether it kept up, and its sustainable
 *                      rate (prequential; {@code null} otherwise)
 * @param served        the strategy as deployed: quality, latency and staleness of the predictions
 *                      its deployment served (deployed mode; {@code null} otherwise)
 * @param labels        what late labels did to it, beside the same strategy with every label on
 *                      time (labels on their own topic; {@code null} otherwise)
 */
public record StrategyResult(String strategy, ModelMetadata model, TrainingSummary training, HoldoutResult holdout,
                             PrequentialResult prequential, List<LearningCurvePoint> learningCurve,
                             LatencyResult latency, FreshnessResult freshness, CostResult cost,
                             KeepingUp keepingUp, ServedResult served, LabelsResult labels) {

    /** A strategy whose labels came with its events. */
    public StrategyResult(String strategy, ModelMetadata model, TrainingSummary training, HoldoutResult holdout,
                          PrequentialResult prequential, List<LearningCurvePoint> learningCurve,
                          LatencyResult latency, FreshnessResult freshness, CostResult cost,
                          KeepingUp keepingUp, ServedResult served) {
        this(strategy, model, training, holdout, prequential, learningCurve, latency, freshness, cost, keepingUp,
                served, null);
    }

    /**
     * @return the headline metrics: the holdout scores, or the prequential cumulative ones
     */
    public java.util.Map<String, Double> metrics() {
        return holdout != null ? holdout.metrics() : prequential != null ? prequential.cumulative() : java.util.Map.of();
    }
}
