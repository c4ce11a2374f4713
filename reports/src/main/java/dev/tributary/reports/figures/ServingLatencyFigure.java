package dev.tributary.reports.figures;

import dev.tributary.results.ExperimentResults;
import dev.tributary.results.Percentiles;
import dev.tributary.results.ServingLoadResult;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * {@value #ID}: a serve-bench's latency against its open-loop rate, p50 solid and p99 dashed,
 * for the scorer, bare Kafka (produce to consume, the floor) and the passthrough Streams
 * application of the scorer's shape (what Kafka Streams itself costs), each from every event's
 * intended send time. Both axes are logarithmic: rates span decades, and p99 sits far above p50.
 */
final class ServingLatencyFigure {

    static final String ID = "latency-under-load";

    private ServingLatencyFigure() {
    }

    private record Line(String name, Color color, Function<ServingLoadResult, Percentiles> side) {
    }

    private static final List<Line> LINES = List.of(
            new Line("scorer", new Color(0x00, 0x72, 0xB2), ServingLoadResult::scoredMicros),
            new Line("passthrough Streams app", new Color(0xE6, 0x9F, 0x00), ServingLoadResult::passthroughMicros),
            new Line("bare Kafka", ChartStyle.REFERENCE, ServingLoadResult::bareMicros));

    static Optional<DrawnFigure> draw(ExperimentResults results) {
        List<ServingLoadResult> loads = results.serving() == null ? List.of()
                : results.serving().stream().filter(l -> l.targetRate() > 0).toList();
        if (loads.isEmpty()) {
            return Optional.empty();
        }
        XYChart chart = ChartStyle.xyChart("Latency under load", "target rate (events/s, open loop; log scale)",
                "event → output latency (ms, from the intended send time; log scale)");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisDecimalPattern("#,##0");
        chart.getStyler().setYAxisDecimalPattern("#,##0.#");
        for (Line line : LINES) {
            add(chart, line, "p50", loads, Percentiles::p50, SeriesLines.SOLID);
            add(chart, line, "p99", loads, Percentiles::p99, SeriesLines.DASH_DASH);
        }
        String caption = "p50 (solid) and p99 (dashed) of each event's latency at each rate of the serve-bench, for "
                + "the scorer (event → prediction), Kafka Streams forwarding each event unchanged through a topology of "
                + "the scorer's shape, and bare Kafka (produce → consume), all measured open loop from each event's "
                + "intended send time, so a side that falls behind shows it as latency.";
        return Optional.of(new DrawnFigure(ID, caption, chart));
    }

    private static void add(XYChart chart, Line line, String percentile, List<ServingLoadResult> loads,
                            ToLongFunction<Percentiles> value, java.awt.BasicStroke stroke) {
        List<Double> rates = new ArrayList<>();
        List<Double> millis = new ArrayList<>();
        for (ServingLoadResult load : loads) {
            Percentiles p = line.side().apply(load);
            if (p != null && p.count() > 0 && value.applyAsLong(p) > 0) {
                rates.add(load.targetRate());
                millis.add(value.applyAsLong(p) / 1000.0);
            }
        }
        if (rates.isEmpty()) {
            return;
        }
        XYSeries series = chart.addSeries(line.name() + " " + percentile, rates, millis);
        series.setLineColor(line.color());
        series.setMarkerColor(line.color());
        series.setLineStyle(stroke);
        series.setMarker(SeriesMarkers.CIRCLE);
    }
}
