package dev.tributary.reports;

import dev.tributary.results.KafkaEndToEndLatency;
import dev.tributary.results.Percentiles;
import dev.tributary.results.ScoringBreakdown;
import dev.tributary.results.ServingLoadResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The latency-under-load table: per rate, bare Kafka's and the scorer's latency from intended
 * send time, and the scorer's overhead as a ratio.
 */
public final class ServingTable {

    private ServingTable() {
    }

    /**
     * @param serving the measurements
     * @return the table as rows of cells, the header first
     */
    public static List<String[]> rows(List<ServingLoadResult> serving) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"rate (events/s)", "bare p50 (ms)", "bare p99 (ms)", "scored p50 (ms)",
                "scored p99 (ms)", "p50 ratio", "p99 ratio", "bare delivered/s", "scored delivered/s",
                "kept up", "passthrough p50/p99 (ms)", "EndToEndLatency p50/p99 (ms)", "flush / commit interval (ms)"});
        for (ServingLoadResult r : serving) {
            KafkaEndToEndLatency tool = r.kafkaTool();
            rows.add(new String[] {f("%.0f", r.targetRate()), ms(r.bareMicros().p50()), ms(r.bareMicros().p99()),
                    ms(r.scoredMicros().p50()), ms(r.scoredMicros().p99()), f("%.2f", r.p50Ratio()),
                    f("%.2f", r.p99Ratio()), f("%.0f", r.bareRate()), f("%.0f", r.scoredRate()),
                    r.scoredKeptUp() == null ? "-" : r.scoredKeptUp() ? "yes" : "NO",
                    r.passthroughMicros() == null ? "-" : pair(r.passthroughMicros()),
                    tool == null ? "-" : tool.p50Ms() + " / " + tool.p99Ms(),
                    (r.flushIntervalMs() == null ? "-" : Long.toString(r.flushIntervalMs())) + " / "
                            + (r.commitIntervalMs() == null ? "-" : Long.toString(r.commitIntervalMs()))});
        }
        return rows;
    }

    /**
     * @param serving the measurements
     * @return where the scored events' time went, per rate (p50 / p99 of each part, ms), the header
     *         first; only the header for files written before the breakdown was measured
     */
    public static List<String[]> breakdownRows(List<ServingLoadResult> serving) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"rate (events/s)", "to the scorer p50/p99 (ms)", "batch wait p50/p99 (ms)",
                "inference p50/p99 (ms)", "to the reader p50/p99 (ms)", "sampled events"});
        for (ServingLoadResult r : serving) {
            ScoringBreakdown b = r.scoredBreakdown();
            if (b != null) {
                rows.add(new String[] {f("%.0f", r.targetRate()), pair(b.toScorerMicros()), pair(b.batchWaitMicros()),
                        pair(b.inferenceMicros()), pair(b.toReaderMicros()), Long.toString(b.inferenceMicros().count())});
            }
        }
        return rows;
    }

    private static String pair(Percentiles p) {
        return ms(p.p50()) + " / " + ms(p.p99());
    }

    /**
     * @param serving the measurements
     * @return the table as fixed-width text
     */
    public static String render(List<ServingLoadResult> serving) {
        StringBuilder out = new StringBuilder();
        render(out, rows(serving), 20);
        List<String[]> breakdown = breakdownRows(serving);
        if (breakdown.size() > 1) {
            out.append("\nwhere a scored event's time goes (a sample of the predictions):\n");
            render(out, breakdown, 28);
        }
        return out.toString();
    }

    private static void render(StringBuilder out, List<String[]> rows, int width) {
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                out.append(String.format(Locale.ROOT, i == 0 ? "%-16s" : " %" + width + "s", row[i]));
            }
            out.append('\n');
        }
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, "%.2f", micros / 1000.0);
    }

    private static String f(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }
}
