package dev.tributary.producer;

import dev.tributary.common.config.RateConfig;

/**
 * When a producer sends each event: open loop at a rate (see {@link OpenLoopPacer}), optionally
 * after a past that is sent at once. A deployment's history is the past: it is in the topic before
 * the deployment goes live, as a real one's would be, and the live stream is paced from the moment
 * {@code goLive} returns.
 *
 * @param rate       the pace of the live events
 * @param pastEvents leading events sent as fast as possible, before the live ones (0: none)
 * @param goLive     awaited after the past and before the first live event (it may block)
 */
public record Pacing(RateConfig rate, long pastEvents, Runnable goLive) {

    /**
     * @throws IllegalArgumentException if the past is negative
     */
    public Pacing {
        if (pastEvents < 0 || rate == null || goLive == null) {
            throw new IllegalArgumentException("pacing: rate " + rate + ", " + pastEvents + " past events");
        }
    }

    /**
     * @param rate the pace
     * @return every event paced at the rate from the first
     */
    public static Pacing atRate(RateConfig rate) {
        return new Pacing(rate, 0, () -> { });
    }
}
