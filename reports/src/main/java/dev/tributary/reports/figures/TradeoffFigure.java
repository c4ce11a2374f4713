package dev.tributary.reports.figures;

import dev.tributary.common.metrics.MetricId;
import dev.tributary.results.ExperimentResults;
import dev.tributary.results.StrategyResult;
import dev.tributary.results.stats.Summary;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Quality against cost, one point per strategy: {@value #LATENCY_ID} puts accuracy against
 * p99 event → prediction latency (prequential runs only; holdout has no prediction latency),
 * {@value #THROUGHPUT_ID} against the events per second the strategy sustains alone, and
 * {@value #STALENESS_ID} (deployed mode only) the accuracy its deployment served against the
 * median staleness of the models that served it. The better strategies sit high, and left
 * (latency, staleness) or right (throughput). Error bars are the 95 % interval of the mean
 * accuracy over the runs; XChart draws error bars on y only, so the spread of the cost
 * measure is left to the table.
 */
final class TradeoffFigure {

    static final String LATENCY_ID = "tradeoff-latency";
    static final String THROUGHPUT_ID = "tradeoff-throughput";
    static final String STALENESS_ID = "tradeoff-staleness";

    private static final double MICROS_PER_MS = 1000.0;

    private static final String ACCURACY = MetricId.ACCURACY.key();

    /** The y of the in-process trade-offs. */
    private static final Axis IDEAL_ACCURACY = new Axis("accuracy (fraction correct)", ACCURACY, 1,
            s -> s.metrics().get(ACCURACY), "accuracy (holdout, or prequential cumulative)");

    /** The y of the deployed trade-off. */
    private static final Axis SERVED_ACCURACY = new Axis("served accuracy (fraction correct)",
            MetricId.ACCURACY.servedKey(), 1,
            s -> s.served() == null ? null : s.served().quality().cumulative().get(ACCURACY),
            "accuracy of the predictions the strategy's deployment served (cumulative)");

    /**
     * One axis of a trade-off.
     *
     * @param title   the axis title
     * @param key     the measure's key in the results' summary
     * @param divisor what to divide the measure by for display (1000 for µs → ms)
     * @param perRun  the measure in one run; null where the run has none
     * @param caption what the caption says the axis is
     */
    private record Axis(String title, String key, double divisor, Function<StrategyResult, Double> perRun,
                        String caption) {
    }

    private TradeoffFigure() {
    }

    static Optional<DrawnFigure> latency(ExperimentResults results) {
        return draw(results, LATENCY_ID, "Accuracy against p99 latency",
                new Axis("p99 event → prediction latency (ms)", "latency_p99_us", MICROS_PER_MS,
                        s -> s.latency() == null || s.latency().eventToPredictionMicros() == null
                                || s.latency().eventToPredictionMicros().count() == 0
                                ? null : (double) s.latency().eventToPredictionMicros().p99(),
                        "the 99th percentile of event → prediction latency, ms"), IDEAL_ACCURACY);
    }

    static Optional<DrawnFigure> throughput(ExperimentResults results) {
        boolean sustainable = results.strategies().stream().anyMatch(s -> s.keepingUp() != null
                && s.keepingUp().sustainableEventsPerSecond() != null);
        if (sustainable) {
            return draw(results, THROUGHPUT_ID, "Accuracy against sustainable throughput",
                    new Axis("sustainable events per second", "sustainable_events_per_second", 1,
                            s -> s.keepingUp() == null ? null : s.keepingUp().sustainableEventsPerSecond(),
                            "events/s of the strategy working through its whole stream as a backlog (poll, decode, "
                                    + "predict, learn), the highest rate it could serve"), IDEAL_ACCURACY);
        }
        return draw(results, THROUGHPUT_ID, "Accuracy against throughput",
                new Axis("events per second, strategy alone", "events_per_second", 1,
                        s -> s.cost() == null ? null : s.cost().eventsPerSecond(),
                        "events ÷ the wall time of the strategy's own predict and learn calls"), IDEAL_ACCURACY);
    }

    static Optional<DrawnFigure> staleness(ExperimentResults results) {
        return draw(results, STALENESS_ID, "Served accuracy against median staleness",
                new Axis("median staleness (events the serving model had not learned)", "staleness_p50_events", 1,
                        s -> s.served() == null || s.served().stalenessEvents() == null
                                || s.served().stalenessEvents().count() == 0
                                ? null : (double) s.served().stalenessEvents().p50(),
                        "the median, over the served predictions, of the events before each one that the model "
                                + "which served it had not learned from"), SERVED_ACCURACY);
    }

    private static Optional<DrawnFigure> draw(ExperimentResults results, String id, String title, Axis xAxis,
                                              Axis yAxis) {
        Map<String, Color> colors = ChartStyle.strategyColors(RunData.strategies(results));
        Map<String, double[]> points = new LinkedHashMap<>();
        for (String strategy : colors.keySet()) {
            Summary x = RunData.measure(results, strategy, xAxis.key(), xAxis.perRun());
            Summary y = RunData.measure(results, strategy, yAxis.key(), yAxis.perRun());
            if (x.n() > 0 && y.n() > 0 && Double.isFinite(x.mean()) && Double.isFinite(y.mean())) {
                points.put(strategy, new double[] {x.mean() / xAxis.divisor(), y.mean() / yAxis.divisor(),
                        RunData.errorBar(y) / yAxis.divisor()});
            }
        }
        if (points.isEmpty()) {
            return Optional.empty();
        }
        List<Double> xs = new ArrayList<>();
        points.values().forEach(p -> xs.add(p[0]));
        boolean log = ChartStyle.logScale(xs, xs);

        XYChart chart = ChartStyle.xyChart(title, xAxis.title() + (log ? " (log scale)" : ""), yAxis.title());
        chart.getStyler().setXAxisLogarithmic(log);
        if (!log) {
            // From zero: otherwise XChart zooms in on the data, and p99 latencies of 2,230 and
            // 2,263 ms would look as far apart as 1 and 2 s.
            chart.getStyler().setXAxisMin(0.0);
        }
        chart.getStyler().setXAxisDecimalPattern("#,##0.#");
        chart.getStyler().setMarkerSize(14);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        points.forEach((strategy, p) -> {
            XYSeries series = chart.addSeries(strategy, new double[] {p[0]}, new double[] {p[1]}, new double[] {p[2]});
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setMarkerColor(colors.get(strategy));
            series.setLineColor(colors.get(strategy));
        });

        int runs = results.runs().size();
        StringBuilder caption = new StringBuilder("One point per strategy. y: ").append(yAxis.caption())
                .append(runs > 1 ? ", mean over " + ChartStyle.runs(runs)
                        + ", with error bars for its 95 % interval" : "").append("; x: ").append(xAxis.caption())
                .append(runs > 1 ? ", mean over the runs" : "").append(log ? ", on a logarithmic scale" : "").append('.');
        List<String> missing = new ArrayList<>(colors.keySet());
        missing.removeAll(points.keySet());
        if (!missing.isEmpty()) {
            caption.append(" Not shown (no value): ").append(String.join(", ", missing)).append('.');
        }
        return Optional.of(new DrawnFigure(id, caption.toString(), chart));
    }
}
