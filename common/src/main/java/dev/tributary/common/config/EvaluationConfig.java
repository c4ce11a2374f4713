package dev.tributary.common.config;

/**
 * How strategies are compared.
 *
 * @param historyFraction    the leading share of the stream that is history: what {@code batch}
 *                           and {@code warm-start} train on before they serve, and where
 *                           prequential scoring starts (holdout: the share of the train topic
 *                           {@code warm-start} learns in batch; {@code batch} takes it all)
 * @param window             events in the prequential sliding window
 * @param fadingFactor       weight of the past in the fading-factor metrics, per event
 * @param curveEvery         events between points of the prequential curves
 * @param holdoutCurveEvery  mini-batches of the online model between its scorings on the whole test
 *                           topic (holdout learning curve); 0 spaces about {@value #HOLDOUT_CURVE_POINTS}
 *                           points over the run, since each point re-reads the test topic
 * @param concurrent         whether the strategies run side by side, each with its own consumer of
 *                           one production of the stream (contention included), instead of one after
 *                           another, each against its own production of the same seeded stream at
 *                           the scenario's rate (the default: each strategy's timing is its own)
 * @param warmUp             whether a short unrecorded run (a 2,000-event SEA stream through the same
 *                           strategies, as fast as possible) comes first, so that no recorded repetition
 *                           measures a cold JVM
 */
public record EvaluationConfig(double historyFraction, int window, double fadingFactor, int curveEvery,
                               int holdoutCurveEvery, boolean concurrent, boolean warmUp) {

    /** Holdout learning-curve points when {@code holdoutCurveEvery} is 0. */
    public static final int HOLDOUT_CURVE_POINTS = 20;

    /**
     * 20 % history, a window of 1,000, fading factor 0.999, a curve point every 1,000 events, about
     * 20 holdout points, strategies one after another, a warm-up first.
     */
    public static final EvaluationConfig DEFAULT = new EvaluationConfig(0.2, 1_000, 0.999, 1_000, 0, false, true);

    /**
     * @throws ConfigException naming the field, if a value is out of range
     */
    public EvaluationConfig {
        ConfigException.require(historyFraction > 0 && historyFraction < 1, "evaluation.history-fraction",
                historyFraction, "a fraction strictly between 0 and 1");
        ConfigException.require(window > 0, "evaluation.window", window, "a positive number of events");
        ConfigException.require(fadingFactor > 0 && fadingFactor < 1, "evaluation.fading-factor", fadingFactor,
                "a factor strictly between 0 and 1");
        ConfigException.require(curveEvery > 0, "evaluation.curve-every", curveEvery, "a positive number of events");
        ConfigException.require(holdoutCurveEvery >= 0, "evaluation.holdout-curve-every", holdoutCurveEvery,
                "0 (about " + HOLDOUT_CURVE_POINTS + " points) or a positive number of mini-batches");
    }

    /** @return a copy without the warm-up (what the warm-up itself runs with) */
    public EvaluationConfig withoutWarmUp() {
        return new EvaluationConfig(historyFraction, window, fadingFactor, curveEvery, holdoutCurveEvery, concurrent,
                false);
    }
}
