package dev.tributary.producer;

import dev.tributary.common.config.RateConfig;

import java.util.concurrent.locks.LockSupport;

/**
 * Paces sends at a target rate, open loop: event {@code i} is due at {@code start + i / rate},
 * fixed in advance, whatever happened to the sends before it. A send that falls behind is not
 * skipped and does not shift the schedule, so its intended time stays in the past and any
 * latency measured from it includes the delay; a closed loop (wait, then send) would hide the
 * delay (coordinated omission).
 *
 * <p>Not thread-safe: one producer thread owns one pacer.
 */
final class OpenLoopPacer {

    private final double intervalNanos;
    private final long pastEvents;
    private final Runnable goLive;
    private long startNanos;
    private long startEpochMs;
    /** Events sent so far. */
    private long sent;
    /** Live events sent so far: the schedule's index. */
    private long next;

    /**
     * @param pacing the target rate (an unlimited rate never waits), and the past sent before it
     */
    OpenLoopPacer(Pacing pacing) {
        RateConfig rate = pacing.rate();
        this.intervalNanos = rate.limited() ? 1e9 / rate.eventsPerSecond() : 0;
        this.pastEvents = pacing.pastEvents();
        this.goLive = pacing.goLive();
        this.startNanos = System.nanoTime();
        this.startEpochMs = System.currentTimeMillis();
    }

    /**
     * Waits until the next event is due.
     *
     * @return the event's intended send time, in milliseconds since the epoch (the current
     *         time when the rate is unlimited)
     */
    long awaitNext() {
        if (sent++ < pastEvents) {
            return System.currentTimeMillis();
        }
        if (next == 0 && pastEvents > 0) {
            // The past is written: the live schedule starts once the consumers say they are live.
            goLive.run();
            startNanos = System.nanoTime();
            startEpochMs = System.currentTimeMillis();
        }
        if (intervalNanos == 0) {
            next++;
            return System.currentTimeMillis();
        }
        long dueNanos = startNanos + (long) (next * intervalNanos);
        long intendedMs = startEpochMs + (long) (next * intervalNanos / 1e6);
        next++;
        for (long wait; (wait = dueNanos - System.nanoTime()) > 0; ) {
            // Park for most of the wait; spin the last stretch, since parking overshoots by ~50 µs.
            if (wait > 200_000) {
                LockSupport.parkNanos(wait - 100_000);
            } else {
                Thread.onSpinWait();
            }
        }
        return intendedMs;
    }
}
