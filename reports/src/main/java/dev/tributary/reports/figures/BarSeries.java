package dev.tributary.reports.figures;

import dev.tributary.results.stats.Summary;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Adds one bar series of means with 95 % error bars; shared by the bar figures.
 */
final class BarSeries {

    /** Bar colours by series index: the first two colours of the strategy palette. */
    private static final List<Color> COLORS = List.copyOf(
            ChartStyle.strategyColors(List.of("0", "1", "2")).values());

    private BarSeries() {
    }

    /**
     * Adds the series, with error bars only on a linear axis and only where some run-to-run
     * spread exists: XChart 3.8 draws a bar chart's error bars on a logarithmic axis as
     * log10(half-width) decades, which is meaningless, and a zero half-width as an infinite line.
     * Set the axis scale before calling this.
     *
     * @param categories every category of the chart, in order
     * @param values     category → its summary over the runs; categories it lacks get no bar
     * @param index      the series' position, which picks its colour
     * @return whether error bars were drawn
     */
    static boolean add(CategoryChart chart, String name, List<String> categories, Map<String, Summary> values,
                       int index) {
        boolean errorBars = !chart.getStyler().isYAxisLogarithmic()
                && values.values().stream().anyMatch(s -> RunData.errorBar(s) > 0);
        List<Double> means = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        for (String category : categories) {
            Summary summary = values.get(category);
            // NaN draws no bar for this series at this category. Not null: XChart's error-bar
            // range finder unboxes every value, while it skips NaN.
            means.add(summary == null ? Double.NaN : summary.mean());
            errors.add(summary == null ? 0.0 : RunData.errorBar(summary));
        }
        CategorySeries series = errorBars ? chart.addSeries(name, categories, means, errors)
                : chart.addSeries(name, categories, means);
        series.setFillColor(COLORS.get(index % COLORS.size()));
        return errorBars;
    }

    /**
     * @param errorBars what {@link #add} returned for the chart's series
     * @return what a bar figure's caption says about repetitions: the mean, and where the
     *     95 % intervals are; empty for one run
     */
    static String repetitionsCaption(CategoryChart chart, int runs, boolean errorBars) {
        if (runs < 2) {
            return "";
        }
        String intervals = errorBars ? "error bars: the 95 % interval."
                : chart.getStyler().isYAxisLogarithmic()
                ? "the 95 % intervals are not drawn on a logarithmic axis."
                : "the runs agree, so there are no error bars.";
        return " Bars: mean over " + ChartStyle.runs(runs) + "; " + intervals;
    }
}
