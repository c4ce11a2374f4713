package dev.tributary.reports.figures;

import dev.tributary.results.Percentiles;
import dev.tributary.results.ExperimentResults;
import dev.tributary.results.FreshnessResult;
import dev.tributary.results.StrategyResult;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Percentile distributions drawn the HdrHistogram way: x is the percentile on a log scale of
 * 1/(1-p), so that 90 %, 99 %, 99.9 % and 99.99 % are evenly spaced and the tail, where
 * streaming and batch differ most, gets most of the width. {@value #LATENCY_ID}: event →
 * prediction latency in ms; {@value #FRESHNESS_ID}: events until an event influenced the
 * serving model; {@value #STALENESS_ID} (deployed mode only): for each served prediction, the
 * events before it that the model which made it had not learned from. Each strategy's
 * histograms are pooled over the runs (added, not averaged: percentiles do not average).
 *
 * <p>XChart's logarithmic axis ignores custom tick labels, so x is drawn as
 * log10(1/(1-p)) on a linear axis and each whole decade is labelled with its percentile.
 */
final class PercentileFigure {

    static final String LATENCY_ID = "latency";
    static final String FRESHNESS_ID = "freshness";
    static final String STALENESS_ID = "staleness";

    /**
     * HdrHistogram's percentile iteration step: this many reporting points for each halving
     * of the distance to 100 % (as its {@code outputPercentileDistribution} uses).
     */
    static final int TICKS_PER_HALF_DISTANCE = 5;

    /** The axis reaches at least 99 % (two decades) even when the data stops short of it. */
    private static final int MIN_DECADES = 2;

    private static final double MICROS_PER_MS = 1000.0;

    private PercentileFigure() {
    }

    static Optional<DrawnFigure> latency(ExperimentResults results) {
        Map<String, Histogram> pooled = pool(results,
                s -> s.latency() == null ? null : s.latency().eventToPredictionMicros());
        if (pooled.isEmpty()) {
            return Optional.empty();
        }
        XYChart chart = chart(results, "Event → prediction latency by percentile", "latency (ms)", pooled, MICROS_PER_MS);
        StringBuilder caption = new StringBuilder("Time from each scored event's timestamp (its intended send time, so ")
                .append("producer stalls count) to its prediction, as a percentile distribution per strategy")
                .append(pooledOver(results)).append(". p99 / max (ms): ");
        caption.append(String.join("; ", pooled.entrySet().stream().map(e -> e.getKey() + " "
                + ChartStyle.number(e.getValue().getValueAtPercentile(99) / MICROS_PER_MS, 1) + " / "
                + ChartStyle.number(e.getValue().getMaxValue() / MICROS_PER_MS, 1)).toList())).append('.');
        return Optional.of(new DrawnFigure(LATENCY_ID, caption.toString(), chart));
    }

    static Optional<DrawnFigure> freshness(ExperimentResults results) {
        Map<String, Histogram> pooled = pool(results, s -> s.freshness() == null ? null : s.freshness().events());
        if (pooled.isEmpty()) {
            return Optional.empty();
        }
        XYChart chart = chart(results, "Freshness by percentile: events until an event is learned",
                "freshness (events)", pooled, 1);
        StringBuilder caption = new StringBuilder("For each scored event the serving model learned from: the number ")
                .append("of events between it and the first event the updated model served, as a percentile ")
                .append("distribution per strategy").append(pooledOver(results)).append('.');
        List<String> never = new ArrayList<>();
        for (String strategy : RunData.strategies(results)) {
            List<FreshnessResult> freshness = RunData.across(results, strategy).stream()
                    .map(StrategyResult::freshness).filter(f -> f != null).toList();
            if (!freshness.isEmpty() && freshness.stream().allMatch(f -> f.incorporated() == 0)) {
                never.add(strategy);
            }
        }
        if (!never.isEmpty()) {
            caption.append(" Never (its serving model never learned from a scored event, so no line): ")
                    .append(String.join(", ", never)).append('.');
        }
        return Optional.of(new DrawnFigure(FRESHNESS_ID, caption.toString(), chart));
    }

    static Optional<DrawnFigure> staleness(ExperimentResults results) {
        Map<String, Histogram> pooled = pool(results, s -> s.served() == null ? null : s.served().stalenessEvents());
        if (pooled.isEmpty()) {
            return Optional.empty();
        }
        XYChart chart = chart(results, "Staleness by percentile: events the serving model had not learned",
                "staleness (events)", pooled, 1);
        StringBuilder caption = new StringBuilder("For each prediction a deployment served and the evaluator scored: ")
                .append("the events of its partition before it that the model which made it had not learned from ")
                .append("(0: it had learned every one), as a percentile distribution per deployed strategy")
                .append(pooledOver(results)).append(". p50 / p99 / max (events): ");
        caption.append(String.join("; ", pooled.entrySet().stream().map(e -> e.getKey() + " "
                + ChartStyle.number(e.getValue().getValueAtPercentile(50), 0) + " / "
                + ChartStyle.number(e.getValue().getValueAtPercentile(99), 0) + " / "
                + ChartStyle.number(e.getValue().getMaxValue(), 0)).toList())).append('.');
        return Optional.of(new DrawnFigure(STALENESS_ID, caption.toString(), chart));
    }

    private static String pooledOver(ExperimentResults results) {
        int runs = results.runs().size();
        return runs > 1 ? " (histograms pooled over " + ChartStyle.runs(runs) + ")" : "";
    }

    /**
     * @return strategy → its histograms over the runs added together, for strategies that recorded anything
     */
    private static Map<String, Histogram> pool(ExperimentResults results, Function<StrategyResult, Percentiles> measure) {
        Map<String, Histogram> pooled = new LinkedHashMap<>();
        for (String strategy : RunData.strategies(results)) {
            Histogram sum = null;
            for (StrategyResult result : RunData.across(results, strategy)) {
                Percentiles percentiles = measure.apply(result);
                if (percentiles == null || percentiles.count() == 0 || percentiles.histogram() == null) {
                    continue;
                }
                Histogram histogram = percentiles.decode();
                if (sum == null) {
                    // Auto-resizing, so that adding a run with a larger maximum cannot overflow it.
                    sum = new Histogram(histogram.getNumberOfSignificantValueDigits());
                }
                sum.add(histogram);
            }
            if (sum != null && sum.getTotalCount() > 0) {
                pooled.put(strategy, sum);
            }
        }
        return pooled;
    }

    private static XYChart chart(ExperimentResults results, String title, String yAxisTitle,
                                 Map<String, Histogram> pooled, double divisor) {
        Map<String, Color> colors = ChartStyle.strategyColors(RunData.strategies(results));
        XYChart chart = ChartStyle.xyChart(title, "percentile (log scale of 1/(1-p))", yAxisTitle);
        double maxX = 0;
        for (Map.Entry<String, Histogram> entry : pooled.entrySet()) {
            double[][] curve = percentileCurve(entry.getValue(), divisor);
            XYSeries series = chart.addSeries(entry.getKey(), curve[0], curve[1]);
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            series.setLineColor(colors.get(entry.getKey()));
            series.setLineWidth(2.5f);
            // A run with one or two scored events gives a curve too short to see as a line.
            series.setMarker(curve[0].length < 3 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            series.setMarkerColor(colors.get(entry.getKey()));
            for (double x : curve[0]) {
                maxX = Math.max(maxX, x);
            }
        }
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax((double) Math.max(MIN_DECADES, (int) Math.ceil(maxX)));
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(PercentileFigure::percentileLabel);
        return chart;
    }

    /**
     * Samples a histogram along its percentiles. The 100 % point is left out: 1/(1-p) is
     * infinite there (the maximum is quoted in the caption instead).
     *
     * @param divisor what to divide values by (1000 for µs → ms)
     * @return {@code {x, y}}: x = log10(1/(1-p)), y = the value at percentile p, divided
     */
    static double[][] percentileCurve(Histogram histogram, double divisor) {
        List<double[]> points = new ArrayList<>();
        for (HistogramIterationValue value : histogram.percentiles(TICKS_PER_HALF_DISTANCE)) {
            double percentile = value.getPercentileLevelIteratedTo();
            if (percentile >= 100.0) {
                break;
            }
            points.add(new double[] {Math.log10(1 / (1 - percentile / 100)), value.getValueIteratedTo() / divisor});
        }
        if (points.isEmpty()) {
            // HdrHistogram reports the 0 % level first, so this guards only an iteration that
            // starts at 100 %; the figure still shows the value rather than nothing.
            points.add(new double[] {0, histogram.getMinValue() / divisor});
        }
        double[][] curve = new double[2][points.size()];
        for (int i = 0; i < points.size(); i++) {
            curve[0][i] = points.get(i)[0];
            curve[1][i] = points.get(i)[1];
        }
        return curve;
    }

    /**
     * @param decades log10(1/(1-p))
     * @return the percentile at a whole decade ("0%", "90%", "99.9%"), empty between decades,
     *     where the percentile would be an unhelpful number such as 68.38 %
     */
    static String percentileLabel(double decades) {
        long whole = Math.round(decades);
        if (Math.abs(decades - whole) > 1e-9 || whole < 0) {
            return "";
        }
        BigDecimal percentile = BigDecimal.valueOf(100 * (1 - Math.pow(10, -whole)))
                .setScale((int) Math.max(0, whole - 2), RoundingMode.HALF_UP).stripTrailingZeros();
        return percentile.toPlainString() + "%";
    }
}
