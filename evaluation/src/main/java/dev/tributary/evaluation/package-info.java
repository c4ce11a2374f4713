/**
 * The comparison: {@link dev.tributary.evaluation.HoldoutEvaluator} scores a model on the test
 * topic with the same metrics whatever trained it, and
 * {@link dev.tributary.evaluation.ExperimentRunner} runs the whole pipeline in-process
 * (produce, train the batch baseline, train the streaming learner, evaluate) through the real
 * Kafka path and records the result with its configuration, seeds and environment.
 */
package dev.tributary.evaluation;
