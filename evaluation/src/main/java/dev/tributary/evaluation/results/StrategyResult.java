package dev.tributary.evaluation.results;

import dev.tributary.common.model.ModelMetadata;
import dev.tributary.common.model.TrainingSummary;

/**
 * One strategy's outcome.
 *
 * @param strategy the strategy ({@code batch}, {@code online})
 * @param model    the provenance of the model that was scored
 * @param training what its training did, or {@code null} when only evaluated
 * @param holdout  its scores on the test topic
 */
public record StrategyResult(String strategy, ModelMetadata model, TrainingSummary training, HoldoutResult holdout) {
}
