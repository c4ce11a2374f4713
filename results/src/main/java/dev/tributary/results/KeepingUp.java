package dev.tributary.results;

import java.util.List;

/**
 * Whether a strategy kept up with the stream, and how fast it could have gone.
 *
 * @param lag                        the consumer's lag, sampled at every prequential curve point:
 *                                   how long ago the event just predicted was due (its intended send
 *                                   time), ms; a lag that grows is a backlog
 * @param keptUp                     whether the lag stayed bounded: its mean over the last quarter of
 *                                   the samples is at most {@value #GROWTH_ALLOWED_MS} ms above, or at most
 *                                   twice, its mean over the first quarter; {@code null} when the stream
 *                                   had no rate to keep up with ({@code rate 0}: produced as fast as possible)
 * @param sustainableEventsPerSecond events/s of the strategy working through the whole stream as a
 *                                   backlog (poll, decode, predict, learn, measure: a second, unrecorded
 *                                   pass over its topic once it was complete): the highest rate it could
 *                                   serve; {@code null} where not measured (strategies run concurrently)
 */
public record KeepingUp(List<LagPoint> lag, Boolean keptUp, Double sustainableEventsPerSecond) {

    /** How much the lag may grow, ms, and still count as kept up (see {@link #keptUp}). */
    public static final long GROWTH_ALLOWED_MS = 500;

    /** One sample of the lag. */
    public record LagPoint(long event, long lagMs) {
    }

    /** Copies the samples. */
    public KeepingUp {
        lag = lag == null ? List.of() : List.copyOf(lag);
    }

    /**
     * @param lag the samples, in stream order
     * @return whether they show a bounded lag (see {@link #keptUp}); {@code true} for fewer than 4 samples
     *         whose last is under a second
     */
    public static boolean bounded(List<LagPoint> lag) {
        if (lag.size() < 4) {
            return lag.isEmpty() || lag.get(lag.size() - 1).lagMs() < 1_000;
        }
        int quarter = lag.size() / 4;
        double first = lag.subList(0, quarter).stream().mapToLong(LagPoint::lagMs).average().orElse(0);
        double last = lag.subList(lag.size() - quarter, lag.size()).stream().mapToLong(LagPoint::lagMs).average().orElse(0);
        return last <= first + GROWTH_ALLOWED_MS || last <= 2 * first;
    }
}
