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
 * What learning costs. {@value #COST_ID}: CPU ms per 1,000 events, a bar per strategy.
 * {@value #HEAP_ID}: the run's heap in MB, peak and live, a figure of its own because heap is
 * measured for the whole process, not per strategy, and in other units.
 */
final class CostFigure {

    static final String COST_ID = "cost";
    static final String HEAP_ID = "heap";

    static final String COST_SERIES = "CPU ms per 1,000 events";
    static final String HEAP_SERIES = "heap in use (MB)";
    static final String PEAK = "peak (after any GC)";
    static final String LIVE = "live (after a full GC at the end)";

    private static final double BYTES_PER_MB = 1024.0 * 1024.0;

    private CostFigure() {
    }

    static Optional<DrawnFigure> cost(ExperimentResults results) {
        Map<String, Summary> cpu = new LinkedHashMap<>();
        for (String strategy : RunData.strategies(results)) {
            Summary summary = RunData.measure(results, strategy, "cpu_ms_per_1000_events",
                    s -> s.cost() == null ? null : s.cost().cpuMsPer1000Events());
            if (summary.n() > 0 && Double.isFinite(summary.mean())) {
                cpu.put(strategy, summary);
            }
        }
        if (cpu.isEmpty()) {
            return Optional.empty();
        }
        List<Double> lows = new ArrayList<>();
        List<Double> highs = new ArrayList<>();
        cpu.values().forEach(s -> {
            lows.add(s.mean() - RunData.errorBar(s));
            highs.add(s.mean() + RunData.errorBar(s));
        });
        boolean log = ChartStyle.logScale(lows, highs);
        CategoryChart chart = ChartStyle.barChart("Training cost: CPU time per 1,000 events", "strategy",
                "CPU time per 1,000 events (ms)" + (log ? " (log scale)" : ""));
        chart.getStyler().setYAxisDecimalPattern("#,##0.###");
        if (log) {
            ChartStyle.logYAxis(chart.getStyler(), lows, highs);
        }
        boolean errorBars = BarSeries.add(chart, COST_SERIES, new ArrayList<>(cpu.keySet()), cpu, 0);

        String caption = "CPU time of the protocol thread in each strategy's predict and learn calls, per 1,000 events"
                + (log ? "; logarithmic scale, the costs differ by more than "
                        + ChartStyle.number(ChartStyle.LOG_SCALE_RATIO, 0) + " times" : "") + "."
                + BarSeries.repetitionsCaption(chart, results.runs().size(), errorBars)
                + " Heap is in the " + HEAP_ID + " figure: it is measured for the whole run, not per strategy.";
        return Optional.of(new DrawnFigure(COST_ID, caption, chart));
    }

    static Optional<DrawnFigure> heap(ExperimentResults results) {
        Map<String, Summary> heap = new LinkedHashMap<>();
        // Zero means not measured (results written before the field existed), not an empty heap.
        Summary peak = RunData.overRuns(results, r -> r.peakHeapBytes() > 0 ? r.peakHeapBytes() / BYTES_PER_MB : null);
        if (peak.n() > 0) {
            heap.put(PEAK, peak);
        }
        Summary live = RunData.overRuns(results, r -> r.liveHeapBytes() > 0 ? r.liveHeapBytes() / BYTES_PER_MB : null);
        if (live.n() > 0) {
            heap.put(LIVE, live);
        }
        if (heap.isEmpty()) {
            return Optional.empty();
        }
        CategoryChart chart = ChartStyle.barChart("Heap in use during the run", "measurement", "heap (MB)");
        chart.getStyler().setYAxisMin(0.0);
        boolean errorBars = BarSeries.add(chart, HEAP_SERIES, new ArrayList<>(heap.keySet()), heap, 0);

        int runs = results.runs().size();
        StringBuilder caption = new StringBuilder("Java heap of the whole process (the embedded broker included, when ")
                .append("used), MB of 2^20 bytes. Peak: the most in use right after any GC during the run, garbage the ")
                .append("collector had not reached yet included. Live: what was still in use after a full GC at the end.");
        caption.append(BarSeries.repetitionsCaption(chart, runs, errorBars));
        if (!heap.containsKey(LIVE)) {
            caption.append(" These results do not record the live heap.");
        }
        return Optional.of(new DrawnFigure(HEAP_ID, caption.toString(), chart));
    }
}
