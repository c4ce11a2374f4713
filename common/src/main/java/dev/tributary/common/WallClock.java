package dev.tributary.common;

import java.time.Instant;

/**
 * Wall-clock time in microseconds since the epoch: what latencies from a record's timestamp (its
 * intended send time, ms since the epoch) are measured against, so that producer and measurer
 * read one clock.
 */
public final class WallClock {

    private WallClock() {
    }

    /** @return now, µs since the epoch */
    public static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }
}
