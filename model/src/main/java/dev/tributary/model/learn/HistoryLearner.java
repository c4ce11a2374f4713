package dev.tributary.model.learn;

/**
 * A learner that takes in the history, the part of the stream before it serves, in one batch
 * ({@code batch}, {@code warm-start}, {@code periodic-retrain}). Learners without this
 * capability learn the history event by event, like the rest of the stream.
 */
public interface HistoryLearner extends Learner {

    /**
     * Learns the whole history at once; called once, before any other {@link #learn} call.
     *
     * @param features raw rows, in stream order (held by the caller, by design: batch learning
     *                 needs them all)
     * @param labels   their classes
     */
    void learnHistory(double[][] features, int[] labels);
}
