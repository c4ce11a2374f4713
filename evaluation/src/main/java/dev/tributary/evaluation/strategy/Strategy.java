package dev.tributary.evaluation.strategy;

import dev.tributary.common.model.ModelArtifact;
import dev.tributary.common.model.ModelMetadata;

/**
 * A way of turning a stream of labelled events into predictions. The protocol drives it:
 * first {@link #learnHistory} once with the stream's history, then, for every mini-batch,
 * {@link #predict} before {@link #learn}, so a strategy never sees a label before it has
 * predicted that event.
 *
 * <p>Implementations are not thread-safe: one protocol thread drives each.
 */
public interface Strategy {

    /** @return the strategy's name, as in scenarios and results */
    String name();

    /**
     * Learns from the history, the part of the stream before scoring starts. Strategies that
     * learn incrementally see it as ordinary mini-batches instead, through {@link #learn}.
     *
     * @param features raw rows, in stream order
     * @param labels   their classes
     */
    void learnHistory(double[][] features, int[] labels);

    /** @return whether {@link #learnHistory} is how this strategy takes in the history */
    boolean learnsHistoryInBatch();

    /**
     * @param features raw rows
     * @return one row of class probabilities per input row
     */
    double[][] predict(double[][] features);

    /**
     * Learns from a mini-batch the strategy has already predicted.
     *
     * @param features raw rows, in stream order
     * @param labels   their classes
     */
    void learn(double[][] features, int[] labels);

    /**
     * @return how many events, counted from the start of the stream, the model that now serves
     *         predictions has learned from; it only ever grows, and is what freshness is measured by
     */
    long incorporated();

    /**
     * @return whether the strategy never learns again once it has learned the history; the
     *         protocol then knows the events after it are never incorporated, without tracking them
     */
    default boolean frozenAfterHistory() {
        return false;
    }

    /** @return gradient steps taken so far (0 for the reference learners) */
    long gradientSteps();

    /**
     * @param metadata the provenance to record
     * @return the serving model, or {@code null} for a reference learner, which has none
     */
    ModelArtifact artifact(ModelMetadata metadata);
}
