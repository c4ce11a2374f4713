package dev.tributary.model.learn;

import dev.tributary.common.config.Strategy;

/**
 * One strategy's model as it learns a stream: the unit that the stage commands deploy and that
 * the experiment measures, so that both run the same code.
 *
 * <p>Events are learned one at a time, in stream order, with {@link #learn}; a learner decides
 * when its serving model changes (after a mini-batch of events, a retrain period, every event or
 * never) and says so in advance through {@link #eventsUntilUpdate()}. A caller that predicts
 * several events in one {@link #predict} call must therefore stop at that boundary: every event
 * is then predicted by the model that has learned every complete mini-batch before it, however
 * the events arrived. That rule is what makes results independent of polls, rates and machines.
 *
 * <p>Implementations are not thread-safe: one thread drives each.
 */
public interface Learner {

    /** What {@link #eventsUntilUpdate()} returns when the serving model will never change again. */
    int NEVER = Integer.MAX_VALUE;

    /** @return the strategy this learner implements */
    Strategy strategy();

    /**
     * @param raw unscaled rows, as they come off the topic
     * @return one row of class probabilities per input row, from the model that serves now
     */
    double[][] predict(double[][] raw);

    /**
     * Takes in the next labelled event of the stream; the serving model changes only when this
     * call completes an update (see {@link #eventsUntilUpdate()}).
     *
     * @param features the event's raw features (not copied: the caller must not change them)
     * @param label    its class
     */
    void learn(double[] features, int label);

    /**
     * @return how many more {@link #learn} calls the serving model stays as it is for, counting
     *         the call that changes it (at least 1), or {@link #NEVER}
     */
    int eventsUntilUpdate();

    /**
     * The stream has ended (or the stage is stopping): learn whatever is held back for an
     * incomplete update. The default holds nothing back.
     */
    default void finish() {
    }

    /**
     * @return how many events, counted from the start of the stream, the serving model has
     *         learned from; it only grows, and is what freshness is measured by
     */
    long incorporated();

    /** @return gradient steps taken so far (0 for the reference learners) */
    long gradientSteps();
}
