package dev.tributary.reports.figures;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

import java.awt.Color;
import java.awt.Font;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The look every figure shares: size, fonts large enough to read when the PNG is scaled down
 * into a page, white background, legend outside the plot, numbers in {@link Locale#ROOT}, and
 * one colour per strategy that stays the same from figure to figure.
 */
final class ChartStyle {

    /** Figure width, in pixels (PNG) or points (SVG). */
    static final int WIDTH_PX = 1200;
    /** Figure height, in pixels (PNG) or points (SVG). */
    static final int HEIGHT_PX = 800;

    /**
     * Above this ratio of largest to smallest value an axis goes logarithmic: a linear axis
     * would flatten everything but the largest bar (a majority learner runs ~1,000 times
     * faster than a network).
     */
    static final double LOG_SCALE_RATIO = 100;

    /**
     * Okabe and Ito's colour-blind-safe palette ("Color Universal Design", 2008), without its
     * yellow, which is unreadable on white.
     */
    private static final Color[] PALETTE = {
            new Color(0x00, 0x72, 0xB2), // blue
            new Color(0xD5, 0x5E, 0x00), // vermillion
            new Color(0x00, 0x9E, 0x73), // bluish green
            new Color(0xCC, 0x79, 0xA7), // reddish purple
            new Color(0xE6, 0x9F, 0x00), // orange
            new Color(0x56, 0xB4, 0xE9), // sky blue
            new Color(0x00, 0x00, 0x00), // black
    };

    /** Reference lines (drift positions, the batch level): drawn, but not competing with the data. */
    static final Color REFERENCE = new Color(0x60, 0x60, 0x60);

    private ChartStyle() {
    }

    /**
     * @return an empty XY chart in the shared style
     */
    static XYChart xyChart(String title, String xAxisTitle, String yAxisTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH_PX).height(HEIGHT_PX).title(title)
                .xAxisTitle(xAxisTitle).yAxisTitle(yAxisTitle).build();
        style(chart.getStyler());
        return chart;
    }

    /**
     * @return an empty bar chart in the shared style
     */
    static CategoryChart barChart(String title, String xAxisTitle, String yAxisTitle) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH_PX).height(HEIGHT_PX).title(title)
                .xAxisTitle(xAxisTitle).yAxisTitle(yAxisTitle).build();
        style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setErrorBarsColor(REFERENCE);
        return chart;
    }

    private static void style(AxesChartStyler styler) {
        // XChart otherwise formats tick labels in the JVM's default locale.
        styler.setLocale(Locale.ROOT);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 24));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        styler.setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        styler.setChartTitleBoxVisible(false);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(Color.GRAY);
        styler.setPlotGridLinesColor(new Color(0xDD, 0xDD, 0xDD));
        // Solid, not XChart's dashes: an SVG writes every dash as a rectangle of its own, which was
        // 80 % of each file.
        styler.setPlotGridLinesStroke(new java.awt.BasicStroke(1f));
        styler.setLegendBorderColor(Color.LIGHT_GRAY);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setChartPadding(16);
        styler.setMarkerSize(8);
        styler.setAntiAlias(true);
    }

    /**
     * @param strategies strategy names, in the order the results list them
     * @return strategy → its colour; the same strategy order gives the same colours in every figure
     */
    static Map<String, Color> strategyColors(List<String> strategies) {
        Map<String, Color> colors = new LinkedHashMap<>();
        for (int i = 0; i < strategies.size(); i++) {
            colors.put(strategies.get(i), PALETTE[i % PALETTE.length]);
        }
        return colors;
    }

    /**
     * @return {@code color} with the given opacity, 0 (transparent) to 255 (opaque)
     */
    static Color translucent(Color color, int alpha) {
        return new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha);
    }

    /**
     * Whether an axis showing {@code lows} to {@code highs} should be logarithmic: only when
     * every value is positive (a log axis cannot show zero) and they span more than
     * {@link #LOG_SCALE_RATIO}.
     *
     * @param lows  the lowest extent of each value (the value less its error bar)
     * @param highs the highest extent of each value
     */
    static boolean logScale(List<Double> lows, List<Double> highs) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double v : lows) {
            min = Math.min(min, v);
        }
        for (double v : highs) {
            max = Math.max(max, v);
        }
        return min > 0 && Double.isFinite(max) && max / min > LOG_SCALE_RATIO;
    }

    /**
     * Makes the y axis logarithmic over whole decades around {@code lows} to {@code highs}.
     * The range must be set: XChart anchors a bar chart's axis at zero, which a log axis cannot show.
     */
    static void logYAxis(AxesChartStyler styler, List<Double> lows, List<Double> highs) {
        double min = lows.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = highs.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        styler.setYAxisLogarithmic(true);
        styler.setYAxisMin(Math.pow(10, Math.floor(Math.log10(min))));
        styler.setYAxisMax(Math.pow(10, Math.ceil(Math.log10(max))));
    }

    /**
     * @return {@code value} with {@code decimals} digits and thousands separators, in {@link Locale#ROOT};
     *     "n/a" for NaN
     */
    static String number(double value, int decimals) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    /**
     * @return "1 run" or "N runs"
     */
    static String runs(int n) {
        return n == 1 ? "1 run" : n + " runs";
    }
}
