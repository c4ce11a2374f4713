/**
 * The learner of every strategy the harness compares ({@link dev.tributary.evaluation.strategy.Learners}):
 * the stage modules' learners for {@code batch} ({@code BatchLearner}), {@code periodic-retrain}
 * ({@code PeriodicRetrainLearner}), {@code online} ({@code OnlineLearner}) and {@code warm-start}
 * (the batch learner, then the online one continuing from its model), and the reference learners
 * {@code majority} and {@code no-change}, which learn after every event and give the chance
 * levels that kappa statistics need.
 */
package dev.tributary.evaluation.strategy;
