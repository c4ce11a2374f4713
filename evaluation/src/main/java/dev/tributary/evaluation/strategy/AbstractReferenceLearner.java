package dev.tributary.evaluation.strategy;

import dev.tributary.model.learn.Learner;

/**
 * What the reference learners share: they learn after every event, count what they have
 * seen, and take no gradient steps.
 */
abstract class AbstractReferenceLearner implements Learner {

    /** Events learned so far. */
    protected long seen;

    /** Learns one event; {@link #learn} counts it. */
    protected abstract void observe(int label);

    @Override
    public final void learn(double[] features, int label) {
        observe(label);
        seen++;
    }

    @Override
    public final int eventsUntilUpdate() {
        return 1;
    }

    @Override
    public final long incorporated() {
        return seen;
    }

    @Override
    public final long gradientSteps() {
        return 0;
    }
}
