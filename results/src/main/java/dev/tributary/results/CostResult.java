package dev.tributary.results;

/**
 * What a strategy cost: its own predict and learn calls, on the protocol thread.
 *
 * @param events             events it processed (learned, and predicted when scored)
 * @param wallTimeMs         wall time in its predict and learn calls, ms
 * @param cpuTimeMs          CPU time of the protocol thread in its calls, ms
 * @param eventsPerSecond    events ÷ wall time: the rate it could sustain alone
 * @param cpuMsPer1000Events CPU ms per 1,000 events
 */
public record CostResult(long events, long wallTimeMs, long cpuTimeMs, double eventsPerSecond,
                         double cpuMsPer1000Events) {

    /**
     * @return the cost of {@code events} events that took these times
     */
    public static CostResult of(long events, long wallNanos, long cpuNanos) {
        return new CostResult(events, wallNanos / 1_000_000, cpuNanos / 1_000_000,
                wallNanos == 0 ? Double.NaN : events * 1e9 / wallNanos,
                events == 0 ? Double.NaN : cpuNanos / 1e6 / events * 1000);
    }
}
