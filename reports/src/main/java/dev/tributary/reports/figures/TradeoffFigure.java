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
 * {@value #THROUGHPUT_ID} against the events per second the strategy sustains alone. The
 * better strategies sit high and, respectively, left or right. Error bars are the 95 %
 * interval of the mean accuracy over the runs; XChart draws error bars on y only, so the
 * spread of the cost measure is left to the table.
 */
final class TradeoffFigure {

    static final String LATENCY_ID = "tradeoff-latency";
    static final String THROUGHPUT_ID = "tradeoff-throughput";

    private static final double MICROS_PER_MS = 1000.0;

    private TradeoffFigure() {
    }

    static Optional<DrawnFigure> latency(ExperimentResults results) {
        return draw(results, LATENCY_ID, "Accuracy against p99 latency", "p99 event → prediction latency (ms)",
                "latency_p99_us", MICROS_PER_MS,
                s -> s.latency() == null || s.latency().eventToPredictionMicros() == null
                        || s.latency().eventToPredictionMicros().count() == 0
                        ? null : (double) s.latency().eventToPredictionMicros().p99(),
                "x: the 99th percentile of event → prediction latency, ms");
    }

    static Optional<DrawnFigure> throughput(ExperimentResults results) {
        boolean sustainable = results.strategies().stream().anyMatch(s -> s.keepingUp() != null
                && s.keepingUp().sustainableEventsPerSecond() != null);
        if (sustainable) {
            return draw(results, THROUGHPUT_ID, "Accuracy against sustainable throughput",
                    "sustainable events per second", "sustainable_events_per_second", 1,
                    s -> s.keepingUp() == null ? null : s.keepingUp().sustainableEventsPerSecond(),
                    "x: events/s of the strategy working through its whole stream as a backlog (poll, decode, "
                            + "predict, learn), the highest rate it could serve");
        }
        return draw(results, THROUGHPUT_ID, "Accuracy against throughput", "events per second, strategy alone",
                "events_per_second", 1, s -> s.cost() == null ? null : s.cost().eventsPerSecond(),
                "x: events ÷ the wall time of the strategy's own predict and learn calls");
    }

    private static Optional<DrawnFigure> draw(ExperimentResults results, String id, String title, String xAxisTitle,
                                              String xKey, double xDivisor, Function<StrategyResult, Double> xPerRun,
                                              String xCaption) {
        String accuracy = MetricId.ACCURACY.key();
        Map<String, Color> colors = ChartStyle.strategyColors(RunData.strategies(results));
        Map<String, double[]> points = new LinkedHashMap<>();
        for (String strategy : colors.keySet()) {
            Summary x = RunData.measure(results, strategy, xKey, xPerRun);
            Summary y = RunData.measure(results, strategy, accuracy, s -> s.metrics().get(accuracy));
            if (x.n() > 0 && y.n() > 0 && Double.isFinite(x.mean()) && Double.isFinite(y.mean())) {
                points.put(strategy, new double[] {x.mean() / xDivisor, y.mean(), RunData.errorBar(y)});
            }
        }
        if (points.isEmpty()) {
            return Optional.empty();
        }
        List<Double> xs = new ArrayList<>();
        points.values().forEach(p -> xs.add(p[0]));
        boolean log = ChartStyle.logScale(xs, xs);

        XYChart chart = ChartStyle.xyChart(title, xAxisTitle + (log ? " (log scale)" : ""),
                "accuracy (fraction correct)");
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
        StringBuilder caption = new StringBuilder("One point per strategy. y: accuracy (holdout, or prequential ")
                .append("cumulative)").append(runs > 1 ? ", mean over " + ChartStyle.runs(runs)
                        + ", with error bars for its 95 % interval" : "").append("; ").append(xCaption)
                .append(runs > 1 ? ", mean over the runs" : "").append(log ? ", on a logarithmic scale" : "").append('.');
        List<String> missing = new ArrayList<>(colors.keySet());
        missing.removeAll(points.keySet());
        if (!missing.isEmpty()) {
            caption.append(" Not shown (no value): ").append(String.join(", ", missing)).append('.');
        }
        return Optional.of(new DrawnFigure(id, caption.toString(), chart));
    }
}
