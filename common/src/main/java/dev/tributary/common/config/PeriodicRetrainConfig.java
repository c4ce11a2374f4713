package dev.tributary.common.config;

/**
 * The periodic-retrain strategy: the nightly-job or micro-batch pattern.
 *
 * @param every  events between retrains
 * @param window the most recent events each retrain learns from, from scratch
 */
public record PeriodicRetrainConfig(long every, int window) {

    /**
     * The default scenario's (the tutorial's: 419 training events): retrain every 100 events on the
     * last 200. One set of defaults: a scenario file that leaves {@code periodic} out gets these, as
     * {@code tributary run} without a scenario does.
     */
    public static final PeriodicRetrainConfig DEFAULT = new PeriodicRetrainConfig(100, 200);

    /**
     * @throws ConfigException naming the field, if a value is out of range
     */
    public PeriodicRetrainConfig {
        ConfigException.require(every > 0, "periodic.every", every, "a positive number of events");
        ConfigException.require(window > 0, "periodic.window", window, "a positive number of events");
    }
}
