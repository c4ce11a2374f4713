package dev.tributary.reports;

import dev.tributary.results.StrategyResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A strategy's confusion matrix with each class's precision, recall and F1, computed here from
 * the matrix alone (so they can be checked by hand against it): the per-class view behind the
 * summary's macro averages and positive-class figures.
 */
final class ConfusionTable {

    private ConfusionTable() {
    }

    /**
     * @param strategy   one strategy's result
     * @param classNames the schema's class names, in class-index order
     * @return header and rows (actual class, its events, the count predicted as each class,
     *         precision, recall, F1), or empty if the result holds no matrix
     */
    static List<String[]> rows(StrategyResult strategy, List<String> classNames) {
        long[][] m = strategy.holdout() != null ? strategy.holdout().confusionMatrix()
                : strategy.prequential() != null ? strategy.prequential().confusionMatrix() : null;
        if (m == null || m.length == 0) {
            return List.of();
        }
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[m.length + 5];
        header[0] = "actual \\ predicted";
        header[1] = "events";
        for (int c = 0; c < m.length; c++) {
            header[c + 2] = name(classNames, c);
        }
        header[m.length + 2] = "precision";
        header[m.length + 3] = "recall";
        header[m.length + 4] = "F1";
        rows.add(header);
        for (int actual = 0; actual < m.length; actual++) {
            String[] row = new String[m.length + 5];
            row[0] = name(classNames, actual);
            row[1] = String.format(Locale.ROOT, "%,d", rowSum(m, actual));
            for (int predicted = 0; predicted < m.length; predicted++) {
                row[predicted + 2] = String.format(Locale.ROOT, "%,d", m[actual][predicted]);
            }
            double precision = precision(m, actual);
            double recall = recall(m, actual);
            row[m.length + 2] = format(precision);
            row[m.length + 3] = format(recall);
            row[m.length + 4] = format(f1(precision, recall));
            rows.add(row);
        }
        return rows;
    }

    /** @return of the events predicted as {@code c}, the share that are {@code c}; NaN if none was */
    static double precision(long[][] m, int c) {
        long predicted = 0;
        for (long[] row : m) {
            predicted += row[c];
        }
        return predicted == 0 ? Double.NaN : (double) m[c][c] / predicted;
    }

    /** @return of the events of class {@code c}, the share predicted as {@code c}; NaN if there were none */
    static double recall(long[][] m, int c) {
        long actual = rowSum(m, c);
        return actual == 0 ? Double.NaN : (double) m[c][c] / actual;
    }

    /** @return the harmonic mean of precision and recall; 0 when both are 0, NaN when either is undefined */
    static double f1(double precision, double recall) {
        if (Double.isNaN(precision) || Double.isNaN(recall)) {
            return Double.NaN;
        }
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    private static long rowSum(long[][] m, int r) {
        long sum = 0;
        for (long v : m[r]) {
            sum += v;
        }
        return sum;
    }

    private static String name(List<String> classNames, int c) {
        return classNames != null && c < classNames.size() ? classNames.get(c) : Integer.toString(c);
    }

    private static String format(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }
}
