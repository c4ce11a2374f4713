package dev.tributary.reports.figures;

import dev.tributary.results.ExperimentResults;
import dev.tributary.results.stats.Summary;
import org.knowm.xchart.CategoryChart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@value #ID}: events per second, as bars. One bar per strategy for the rate it could
 * sustain alone (events ÷ the wall time of its own predict and learn calls), beside two
 * end-to-end bars in a second colour: the producer's rate and the protocol's (all strategies
 * on one consumer), which bound what any strategy saw. A strategy bar below the producer's
 * would mean that strategy cannot keep up with the stream.
 */
final class ThroughputFigure {

    static final String ID = "throughput";

    static final String STRATEGY_SERIES = "strategy alone (events ÷ its predict + learn time)";
    static final String RUN_SERIES = "end to end (events ÷ wall time)";
    static final String PRODUCER = "producer";
    static final String PROTOCOL = "protocol";

    private ThroughputFigure() {
    }

    static Optional<DrawnFigure> draw(ExperimentResults results) {
        Map<String, Summary> strategies = new LinkedHashMap<>();
        for (String strategy : RunData.strategies(results)) {
            Summary rate = RunData.measure(results, strategy, "events_per_second",
                    s -> s.cost() == null ? null : s.cost().eventsPerSecond());
            if (usable(rate)) {
                strategies.put(strategy, rate);
            }
        }
        if (strategies.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Summary> references = new LinkedHashMap<>();
        Summary producer = RunData.overRuns(results, r -> r.produce() == null ? null : r.produce().eventsPerSecond());
        if (usable(producer)) {
            references.put(PRODUCER, producer);
        }
        Summary protocol = RunData.overRuns(results, r -> r.eventsPerSecond());
        if (usable(protocol)) {
            references.put(PROTOCOL, protocol);
        }

        List<String> categories = new ArrayList<>(strategies.keySet());
        categories.addAll(references.keySet());
        List<Double> lows = new ArrayList<>();
        List<Double> highs = new ArrayList<>();
        strategies.values().forEach(s -> extent(s, lows, highs));
        references.values().forEach(s -> extent(s, lows, highs));
        boolean log = ChartStyle.logScale(lows, highs);

        CategoryChart chart = ChartStyle.barChart("Throughput", "strategy, and the run end to end",
                "events per second" + (log ? " (log scale)" : ""));
        chart.getStyler().setOverlapped(true);
        if (log) {
            ChartStyle.logYAxis(chart.getStyler(), lows, highs);
        }
        chart.getStyler().setYAxisDecimalPattern("#,##0");
        boolean errorBars = BarSeries.add(chart, STRATEGY_SERIES, categories, strategies, 0);
        if (!references.isEmpty()) {
            errorBars |= BarSeries.add(chart, RUN_SERIES, categories, references, 1);
        }

        int runs = results.runs().size();
        StringBuilder caption = new StringBuilder("Events per second. Strategy bars: events ÷ the wall time of the ")
                .append("strategy's own predict and learn calls, the rate it could sustain alone on the protocol thread.");
        if (!references.isEmpty()) {
            caption.append(" End to end: the producer's records written ÷ its wall time, and the protocol's events ")
                    .append("consumed ÷ its wall time with every strategy on one consumer");
            if (results.scenario() != null && results.scenario().rate() != null && results.scenario().rate().limited()) {
                caption.append(" (producer target: ")
                        .append(ChartStyle.number(results.scenario().rate().eventsPerSecond(), 0)).append(" events/s)");
            }
            caption.append('.');
        }
        caption.append(BarSeries.repetitionsCaption(chart, runs, errorBars));
        if (log) {
            caption.append(" Logarithmic scale: the rates differ by more than ")
                    .append(ChartStyle.number(ChartStyle.LOG_SCALE_RATIO, 0)).append(" times.");
        }
        return Optional.of(new DrawnFigure(ID, caption.toString(), chart));
    }

    private static boolean usable(Summary summary) {
        return summary.n() > 0 && Double.isFinite(summary.mean()) && summary.mean() > 0;
    }

    private static void extent(Summary summary, List<Double> lows, List<Double> highs) {
        double bar = RunData.errorBar(summary);
        lows.add(summary.mean() - bar);
        highs.add(summary.mean() + bar);
    }
}
