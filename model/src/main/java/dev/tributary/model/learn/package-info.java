/**
 * The learners: what a strategy does with a stream, written once and run both by the stage
 * commands ({@code train-batch}, {@code train-periodic}, {@code train-stream}) and by the
 * experiment's protocols. Capabilities are types: {@link dev.tributary.model.learn.HistoryLearner}
 * takes a history in one batch, {@link dev.tributary.model.learn.ModelLearner} has a model to
 * save. {@link dev.tributary.model.learn.MiniBatchBuffer} cuts a stream into mini-batches by
 * event count, so that results never depend on how polls fell.
 */
package dev.tributary.model.learn;
