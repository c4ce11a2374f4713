package dev.tributary.common.config;

/**
 * How fast the producer sends.
 *
 * @param eventsPerSecond the target rate, open loop: event {@code i} is due at
 *                        {@code start + i / rate} whatever happened to earlier sends, and keeps
 *                        that intended time as its record timestamp; 0 sends as fast as possible
 */
public record RateConfig(double eventsPerSecond) {

    /** As fast as possible. */
    public static final RateConfig UNLIMITED = new RateConfig(0);

    /**
     * @throws ConfigException if the rate is negative or not finite
     */
    public RateConfig {
        ConfigException.require(eventsPerSecond >= 0 && Double.isFinite(eventsPerSecond), "rate.events-per-second",
                eventsPerSecond, "0 (as fast as possible) or a positive number of events per second");
    }

    /** @return whether the producer paces its sends */
    public boolean limited() {
        return eventsPerSecond > 0;
    }
}
