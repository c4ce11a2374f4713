package dev.tributary.common.config;

/**
 * The periodic-retrain strategy: the nightly-job or micro-batch pattern.
 *
 * @param every  events between retrains
 * @param window the most recent events each retrain learns from, from scratch
 */
public record PeriodicRetrainConfig(long every, int window) {

    /** Retrain every 5,000 events on the last 5,000. */
    public static final PeriodicRetrainConfig DEFAULT = new PeriodicRetrainConfig(5_000, 5_000);

    /**
     * @throws ConfigException naming the field, if a value is out of range
     */
    public PeriodicRetrainConfig {
        ConfigException.require(every > 0, "periodic.every", every, "a positive number of events");
        ConfigException.require(window > 0, "periodic.window", window, "a positive number of events");
    }
}
