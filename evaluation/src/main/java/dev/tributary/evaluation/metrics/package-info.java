/**
 * Classification quality metrics shared by the batch and streaming paths:
 * {@link dev.tributary.evaluation.metrics.ClassificationEvaluator} accumulates (actual label,
 * class probabilities) pairs one example at a time and produces an immutable
 * {@link dev.tributary.evaluation.metrics.ClassificationEvaluation} holding a value for every
 * {@link dev.tributary.common.metrics.MetricId} (accuracy, positive-class and macro
 * precision/recall/F1, micro F1, ROC AUC, log loss, Cohen's kappa, kappa-temporal and kappa-M)
 * and the {@link dev.tributary.evaluation.metrics.ConfusionMatrix}. Each metric's exact
 * definition, including its value when a ratio is 0/0, is documented on the evaluator, so that
 * a number in a report can be traced to one formula; metrics that are undefined are NaN, never
 * absent. {@link dev.tributary.evaluation.metrics.PrequentialEvaluator} is the stream-native
 * counterpart: test-then-train evaluation in constant memory, cumulatively (same formulas, ROC
 * AUC from histograms), over a sliding window and with a fading factor
 * ({@link dev.tributary.evaluation.metrics.FadingMetrics}).
 */
package dev.tributary.evaluation.metrics;
