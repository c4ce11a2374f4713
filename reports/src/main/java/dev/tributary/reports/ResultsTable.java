package dev.tributary.reports;

import dev.tributary.common.metrics.MetricId;
import dev.tributary.results.ExperimentResults;
import dev.tributary.results.RunResult;
import dev.tributary.results.StrategyResult;
import dev.tributary.results.stats.Summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The comparison as a fixed-width text table: one column per strategy, one row per measure.
 * With one repetition a cell is the value; with several it is the mean and the half-width of
 * the 95 % interval ({@code 0.9512±0.0043}). Numbers are formatted with {@link Locale#ROOT}.
 * A deployed-mode run adds the measures of what each deployment served after the others;
 * a strategy that was not deployed shows "-" there.
 */
public final class ResultsTable {

    /** Measures shown after the quality metrics: results.json key → row label (with unit). */
    private static final Map<String, String> MEASURES = orderedMap(
            "latency_p50_us", "latency p50 (µs)",
            "latency_p99_us", "latency p99 (µs)",
            "update_p99_us", "update p99 (µs)",
            "freshness_p50_events", "freshness p50 (events)",
            "freshness_p50_ms", "freshness p50 (ms)",
            "events_per_second", "events/s",
            "cpu_ms_per_1000_events", "cpu ms / 1000 events",
            "sustainable_events_per_second", "sustainable events/s",
            "kept_up", "kept up (1 = yes)");

    private static final String SERVED_ACCURACY = MetricId.ACCURACY.servedKey();

    /** The deployed mode's measures after the served accuracy and the gap: summary key → row label. */
    private static final Map<String, String> SERVED_MEASURES = orderedMap(
            "served_latency_p50_us", "served latency p50 (µs)",
            "served_latency_p99_us", "served latency p99 (µs)",
            "staleness_p50_events", "staleness p50 (events)",
            "staleness_p99_events", "staleness p99 (events)",
            "staleness_p50_ms", "staleness p50 (ms)",
            "publish_to_swap_p50_ms", "publish → swap p50 (ms)",
            "trainer_lag_p50_ms", "trainer lag p50 (ms)");

    private ResultsTable() {
    }

    /**
     * @param results a run
     * @return the table, lines separated by {@code \n}
     */
    public static String render(ExperimentResults results) {
        return layout(rows(results));
    }

    /**
     * @param results a run
     * @return the table as rows of cells, the header first (for the HTML and Markdown reports)
     */
    public static List<String[]> rows(ExperimentResults results) {
        List<StrategyResult> strategies = results.strategies();
        boolean repeated = results.runs().size() > 1;
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of(repeated ? "measure (" + results.runs().size() + " runs: mean ± 95 % interval)" : "measure"));
        strategies.forEach(s -> header.add(s.strategy()));
        rows.add(header.toArray(String[]::new));
        for (MetricId id : MetricId.values()) {
            rows.add(row(id.key(), strategies, s -> cell(results, s, id.key(), s.metrics().get(id.key()), 4)));
        }
        MEASURES.forEach((key, label) -> addIfAny(rows, row(label, strategies, s -> cell(results, s, key, null, 0))));
        if (DeployedTable.any(results)) {
            rows.add(row("served accuracy", strategies, s -> cell(results, s, SERVED_ACCURACY,
                    s.served() == null ? null : s.served().quality().cumulative().get(MetricId.ACCURACY.key()), 4)));
            rows.add(row("served − ideal accuracy", strategies, s -> gap(results, s)));
            SERVED_MEASURES.forEach((key, label) ->
                    addIfAny(rows, row(label, strategies, s -> cell(results, s, key, null, 0))));
        }
        return rows;
    }

    /** Adds a row of measures unless no strategy has a value for it (a holdout run has no latency, say). */
    private static void addIfAny(List<String[]> rows, String[] row) {
        if (java.util.Arrays.stream(row).skip(1).anyMatch(c -> !c.equals("-"))) {
            rows.add(row);
        }
    }

    private static String cell(ExperimentResults results, StrategyResult strategy, String key, Double single, int decimals) {
        Map<String, Summary> summaries = results.summary().get(strategy.strategy());
        Summary summary = summaries == null ? null : summaries.get(key);
        if (summary == null || summary.n() == 0) {
            return single == null ? "-" : format(single, decimals);
        }
        return cell(results, summary, decimals, false);
    }

    /**
     * The gap, signed: negative when the deployment served worse than the ideal. Summarised from
     * each run's own difference rather than from the two means (the same mean), so that with
     * repetitions its interval is that of the paired difference: a run's ideal and served accuracy
     * share its stream, so their difference varies far less from run to run than either does.
     */
    private static String gap(ExperimentResults results, StrategyResult strategy) {
        List<Double> gaps = new ArrayList<>();
        for (RunResult run : results.runs()) {
            run.strategies().stream().filter(s -> s.strategy().equals(strategy.strategy())).findFirst()
                    .map(DeployedTable::accuracyGap).ifPresent(gaps::add);
        }
        return gaps.isEmpty() ? "-" : cell(results, Summary.of(gaps), 4, true);
    }

    private static String cell(ExperimentResults results, Summary summary, int decimals, boolean signed) {
        String mean = format(summary.mean(), (signed ? "%+." : "%.") + decimals + "f");
        if (results.runs().size() == 1) {
            return mean;
        }
        return mean + "±" + format(summary.halfWidth(), decimals);
    }

    private static String[] row(String label, List<StrategyResult> strategies, Function<StrategyResult, String> cell) {
        String[] row = new String[strategies.size() + 1];
        row[0] = label;
        for (int i = 0; i < strategies.size(); i++) {
            row[i + 1] = cell.apply(strategies.get(i));
        }
        return row;
    }

    private static String layout(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            for (int i = 0; i < row.length; i++) {
                String pad = " ".repeat(widths[i] - row[i].length());
                out.append(i == 0 ? row[i] + pad : "  " + pad + row[i]);
            }
            out.append('\n');
            if (r == 0) {
                out.append("-".repeat(java.util.Arrays.stream(widths).sum() + 2 * (widths.length - 1))).append('\n');
            }
        }
        return out.toString();
    }

    private static String format(double value, int decimals) {
        return format(value, "%." + decimals + "f");
    }

    private static String format(double value, String pattern) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, pattern, value);
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
