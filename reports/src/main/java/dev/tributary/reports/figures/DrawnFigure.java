package dev.tributary.reports.figures;

import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.internal.series.Series;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A figure drawn but not yet written: the XChart chart and what the report says about it.
 * Package-private so that XChart stays out of the public API.
 *
 * @param id      the figure id and file base name
 * @param caption what is drawn, for the report
 * @param chart   the chart, titled
 */
record DrawnFigure(String id, String caption, Chart<?, ?> chart) {

    /** @return the chart's title */
    String title() {
        return chart.getTitle();
    }

    /**
     * Counts what the chart itself holds, so that the numbers the report quotes cannot drift
     * from what is drawn.
     *
     * @return series name → points drawn (bars with a value, for a bar chart), in drawing order
     */
    Map<String, Integer> seriesPoints() {
        Map<String, Integer> points = new LinkedHashMap<>();
        for (Map.Entry<String, ? extends Series> entry : chart.getSeriesMap().entrySet()) {
            Series series = entry.getValue();
            int n;
            if (series instanceof XYSeries xy) {
                n = xy.getXData().length;
            } else if (series instanceof CategorySeries category) {
                n = (int) category.getYData().stream().filter(v -> v != null && !Double.isNaN(v.doubleValue())).count();
            } else {
                throw new IllegalStateException("unexpected series type " + series.getClass().getName());
            }
            points.put(entry.getKey(), n);
        }
        return points;
    }
}
