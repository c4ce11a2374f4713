package dev.tributary.reports;

import dev.tributary.evaluation.metrics.MetricId;
import dev.tributary.evaluation.results.ExperimentResults;
import dev.tributary.evaluation.results.StrategyResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The comparison as a fixed-width text table: one column per strategy, one row per metric,
 * then training counts and times. Numbers are formatted with {@link Locale#ROOT}.
 */
public final class ResultsTable {

    private ResultsTable() {
    }

    /**
     * @param results a run
     * @return the table, lines separated by {@code \n}
     */
    public static String render(ExperimentResults results) {
        List<StrategyResult> strategies = results.strategies();
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("metric"));
        strategies.forEach(s -> header.add(s.strategy()));
        rows.add(header.toArray(String[]::new));
        for (MetricId id : MetricId.values()) {
            rows.add(row(id.key(), strategies, s -> format(s.holdout().metric(id.key()))));
        }
        rows.add(row("test examples", strategies, s -> Long.toString(s.holdout().examples())));
        rows.add(row("train records", strategies, s -> s.training() == null ? "-" : Long.toString(s.training().recordsTrained())));
        rows.add(row("gradient steps", strategies, s -> s.training() == null ? "-" : Long.toString(s.training().gradientSteps())));
        rows.add(row("train wall ms", strategies, s -> s.training() == null ? "-" : Long.toString(s.training().wallTimeMs())));
        rows.add(row("train cpu ms", strategies, s -> s.training() == null ? "-" : Long.toString(s.training().cpuTimeMs())));

        int[] widths = new int[header.size()];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            for (int i = 0; i < row.length; i++) {
                String cell = i == 0 ? pad(row[i], widths[i], false) : pad(row[i], widths[i], true);
                out.append(i == 0 ? "" : "  ").append(cell);
            }
            out.append('\n');
            if (r == 0) {
                int total = 0;
                for (int w : widths) {
                    total += w;
                }
                out.append("-".repeat(total + 2 * (widths.length - 1))).append('\n');
            }
        }
        return out.toString();
    }

    private static String[] row(String label, List<StrategyResult> strategies,
                                java.util.function.Function<StrategyResult, String> cell) {
        String[] row = new String[strategies.size() + 1];
        row[0] = label;
        for (int i = 0; i < strategies.size(); i++) {
            row[i + 1] = cell.apply(strategies.get(i));
        }
        return row;
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String pad(String text, int width, boolean right) {
        String spaces = " ".repeat(width - text.length());
        return right ? spaces + text : text + spaces;
    }
}
