package dev.tributary.reports.figures;

import dev.tributary.results.stats.Summary;

import java.util.ArrayList;
import java.util.List;

/**
 * A curve averaged over repetitions, with its 95 % interval at every point
 * ({@link Summary#of}: mean ± t·s/√n across the runs). Runs are aligned by index and a point
 * is kept only where every run has the same x there: runs of one scenario report their curves
 * at the same stream positions, and averaging values from different positions would blur a
 * drift. A NaN value (e.g. a window with no scored event yet) is left out of that point's
 * summary, and a point no run has a value for is dropped.
 *
 * @param x    the positions
 * @param mean the mean value at each position
 * @param low  the interval's lower bound; equal to the mean with one run
 * @param high the interval's upper bound; equal to the mean with one run
 * @param runs how many runs were averaged
 */
record MeanCurve(double[] x, double[] mean, double[] low, double[] high, int runs) {

    /**
     * @param curves one curve per run: {@code {xs, ys}}, arrays of equal length; empty curves are ignored
     * @return the mean curve, empty if there is no curve or no common point
     */
    static MeanCurve of(List<double[][]> curves) {
        List<double[][]> used = curves.stream().filter(c -> c[0].length > 0).toList();
        if (used.isEmpty()) {
            return new MeanCurve(new double[0], new double[0], new double[0], new double[0], 0);
        }
        int length = used.stream().mapToInt(c -> c[0].length).min().orElseThrow();
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            double x = used.get(0)[0][i];
            List<Double> values = new ArrayList<>();
            boolean aligned = true;
            for (double[][] curve : used) {
                aligned &= curve[0][i] == x;
                values.add(curve[1][i]);
            }
            if (!aligned) {
                continue;
            }
            Summary summary = Summary.of(values);
            if (summary.n() == 0) {
                continue;
            }
            points.add(new double[] {x, summary.mean(), summary.ci95Low(), summary.ci95High()});
        }
        double[][] columns = new double[4][points.size()];
        for (int i = 0; i < points.size(); i++) {
            for (int c = 0; c < 4; c++) {
                columns[c][i] = points.get(i)[c];
            }
        }
        return new MeanCurve(columns[0], columns[1], columns[2], columns[3], used.size());
    }

    /** @return the number of points */
    int size() {
        return x.length;
    }

    /** @return whether there is an interval to draw: several runs that do not all agree */
    boolean hasBand() {
        if (runs < 2) {
            return false;
        }
        for (int i = 0; i < x.length; i++) {
            if (high[i] > low[i]) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return the band as a closed polygon, {@code {xs, ys}}: along the upper bound, then back
     *     along the lower one, which is what XChart's polygon fill expects
     */
    double[][] bandPolygon() {
        int n = x.length;
        double[] xs = new double[2 * n];
        double[] ys = new double[2 * n];
        for (int i = 0; i < n; i++) {
            xs[i] = x[i];
            ys[i] = high[i];
            xs[2 * n - 1 - i] = x[i];
            ys[2 * n - 1 - i] = low[i];
        }
        return new double[][] {xs, ys};
    }
}
