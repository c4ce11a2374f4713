package dev.tributary.reports.figures;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.util.Collection;

/**
 * Draws mean curves with their bands, and reference lines, on an XY chart; shared by the
 * accuracy figures so that both show repetitions the same way.
 */
final class CurvePlots {

    /** Band opacity: light enough for the lines of other strategies to show through. */
    private static final int BAND_ALPHA = 48;

    private CurvePlots() {
    }

    /**
     * Adds the 95 % band of {@code curve}, if it has one, under the name {@code "<name> 95% CI"}.
     * Call this for every curve before {@link #addLine}, so that no band covers a line.
     */
    static void addBand(XYChart chart, String name, MeanCurve curve, Color color) {
        if (!curve.hasBand()) {
            return;
        }
        double[][] polygon = curve.bandPolygon();
        XYSeries band = chart.addSeries(bandName(name), polygon[0], polygon[1]);
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        band.setFillColor(ChartStyle.translucent(color, BAND_ALPHA));
        band.setLineColor(ChartStyle.translucent(color, 0));
        band.setLineStyle(SeriesLines.NONE);
        band.setMarker(SeriesMarkers.NONE);
        // The band shares its line's colour and the caption explains it; a legend entry per
        // band would double the legend.
        band.setShowInLegend(false);
    }

    /** @return the legend name of a curve's band */
    static String bandName(String name) {
        return name + " 95% CI";
    }

    /**
     * Adds the mean line of {@code curve}; markers only when the points are few enough to tell apart.
     *
     * @return the line, for a figure that tells two lines of one colour apart by their style
     */
    static XYSeries addLine(XYChart chart, String name, MeanCurve curve, Color color) {
        XYSeries line = chart.addSeries(name, curve.x(), curve.mean());
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setLineColor(color);
        line.setLineWidth(2.5f);
        line.setMarkerColor(color);
        line.setMarker(curve.size() <= 40 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        return line;
    }

    /**
     * Adds a dashed two-point reference line from ({@code x0}, {@code y0}) to ({@code x1}, {@code y1}).
     * A series rather than an XChart annotation, so that it is named in the legend.
     */
    static void addReference(XYChart chart, String name, double x0, double y0, double x1, double y1) {
        XYSeries line = chart.addSeries(name, new double[] {x0, x1}, new double[] {y0, y1});
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setLineColor(ChartStyle.REFERENCE);
        line.setLineStyle(SeriesLines.DASH_DASH);
        line.setLineWidth(1.5f);
        line.setMarker(SeriesMarkers.NONE);
    }

    /**
     * Fixes the y axis of an accuracy chart to the drawn range with a margin, within [0, 1]:
     * differences of a point or two between strategies stay visible, and reference lines can
     * span the whole height.
     *
     * @return {@code {yMin, yMax}}
     */
    static double[] accuracyRange(XYChart chart, Collection<MeanCurve> curves, double... extra) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (MeanCurve curve : curves) {
            for (int i = 0; i < curve.size(); i++) {
                min = Math.min(min, curve.low()[i]);
                max = Math.max(max, curve.high()[i]);
            }
        }
        for (double v : extra) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double margin = Math.max(0.02, (max - min) * 0.05);
        double yMin = Math.max(0, Math.floor((min - margin) * 50) / 50);
        double yMax = Math.min(1, Math.ceil((max + margin) * 50) / 50);
        chart.getStyler().setYAxisMin(yMin);
        chart.getStyler().setYAxisMax(yMax);
        return new double[] {yMin, yMax};
    }
}
