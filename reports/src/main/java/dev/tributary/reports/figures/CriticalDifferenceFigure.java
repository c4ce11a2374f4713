package dev.tributary.reports.figures;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Demšar's critical-difference diagram (JMLR 7, 2006, Figure 1): each strategy at its average
 * rank over the streams (1 = best, on the left), the Nemenyi critical difference drawn as a bar
 * at the top, and a line under each group of strategies whose average ranks lie within it of one
 * another, which the test does not tell apart.
 */
final class CriticalDifferenceFigure {

    private CriticalDifferenceFigure() {
    }

    static DrawnFigure draw(String id, String measure, List<String> strategies, double[] averageRanks, double cd,
                            int blocks) {
        int k = strategies.size();
        XYChart chart = ChartStyle.xyChart("Average ranks of " + measure + " over " + blocks + " streams (CD = "
                + String.format(Locale.ROOT, "%.2f", cd) + ")", "average rank (1 = best)", "");
        chart.getStyler().setYAxisTicksVisible(false);
        chart.getStyler().setXAxisMin(1.0);
        chart.getStyler().setXAxisMax((double) k);
        chart.getStyler().setYAxisMin(-1.0 - k / 2.0);
        chart.getStyler().setYAxisMax(2.0);
        Map<String, Color> colors = ChartStyle.strategyColors(strategies);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> averageRanks[i]));
        for (int place = 0; place < k; place++) {
            int i = order.get(place);
            XYSeries s = chart.addSeries(String.format(Locale.ROOT, "%s (%.2f)", strategies.get(i), averageRanks[i]),
                    new double[] {averageRanks[i]}, new double[] {1});
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(colors.get(strategies.get(i)));
            s.setLineColor(colors.get(strategies.get(i)));
        }
        XYSeries bar = chart.addSeries("critical difference", new double[] {1, Math.min(k, 1 + cd)}, new double[] {1.6, 1.6});
        bar.setMarker(SeriesMarkers.NONE);
        bar.setLineColor(ChartStyle.REFERENCE);
        // Maximal groups: from each strategy, every later one within the CD; only those not inside an earlier group.
        int lastEnd = -1;
        int level = 0;
        for (int start = 0; start < k; start++) {
            int end = start;
            while (end + 1 < k && averageRanks[order.get(end + 1)] - averageRanks[order.get(start)] < cd) {
                end++;
            }
            if (end > start && end > lastEnd) {
                XYSeries group = chart.addSeries("not told apart " + (++level), new double[] {
                        averageRanks[order.get(start)], averageRanks[order.get(end)]}, new double[] {-0.5 * level,
                        -0.5 * level});
                group.setMarker(SeriesMarkers.NONE);
                group.setLineColor(Color.BLACK);
                lastEnd = end;
            }
        }
        return new DrawnFigure(id, "Average rank of each strategy's " + measure + " over " + blocks
                + " streams (1 = best). The bar at the top is the Nemenyi critical difference at 0.05: strategies joined "
                + "by a line below are not significantly different.", chart);
    }
}
