package dev.tributary.reports.figures;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.util.List;
import java.util.Map;

/**
 * A suite grid's trade-off curve: quality against a cost (sustainable throughput, p99 latency,
 * median freshness) as a setting varies, one curve per strategy, a point per grid value (the mean
 * over the seeds): the figure the batch-versus-streaming question is about.
 */
final class GridTradeoffFigure {

    private GridTradeoffFigure() {
    }

    static DrawnFigure draw(String id, String title, String xAxis, String yAxis, Map<String, List<double[]>> curves,
                            String caption) {
        XYChart chart = ChartStyle.xyChart(title, xAxis, yAxis);
        Map<String, Color> colors = ChartStyle.strategyColors(List.copyOf(curves.keySet()));
        curves.forEach((strategy, points) -> {
            double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
            double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
            XYSeries series = chart.addSeries(strategy, x, y);
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setLineColor(colors.get(strategy));
            series.setMarkerColor(colors.get(strategy));
        });
        return new DrawnFigure(id, caption, chart);
    }
}
