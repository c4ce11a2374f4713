package dev.tributary.reports;

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
                "scored p99 (ms)", "p50 ratio", "p99 ratio", "bare delivered/s", "scored delivered/s"});
        for (ServingLoadResult r : serving) {
            rows.add(new String[] {f("%.0f", r.targetRate()), ms(r.bareMicros().p50()), ms(r.bareMicros().p99()),
                    ms(r.scoredMicros().p50()), ms(r.scoredMicros().p99()), f("%.2f", r.p50Ratio()),
                    f("%.2f", r.p99Ratio()), f("%.0f", r.bareRate()), f("%.0f", r.scoredRate())});
        }
        return rows;
    }

    /**
     * @param serving the measurements
     * @return the table as fixed-width text
     */
    public static String render(List<ServingLoadResult> serving) {
        StringBuilder out = new StringBuilder();
        for (String[] row : rows(serving)) {
            for (int i = 0; i < row.length; i++) {
                out.append(String.format(Locale.ROOT, i == 0 ? "%-16s" : "%19s", row[i]));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, "%.2f", micros / 1000.0);
    }

    private static String f(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }
}
