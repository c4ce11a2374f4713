package dev.tributary.reports;

import dev.tributary.common.metrics.MetricId;
import dev.tributary.results.ExperimentResults;
import dev.tributary.results.Percentiles;
import dev.tributary.results.ServedResult;
import dev.tributary.results.StrategyResult;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The deployed mode side by side with the ideal: per deployed strategy, its in-process
 * (test-then-train) accuracy, the accuracy of what its deployment served and the gap, the
 * served latency and staleness, the model versions, the trainer's rate and the counts. With
 * several repetitions a cell is the mean over the runs (their intervals are in
 * {@link ResultsTable}, which keeps one row per measure).
 */
public final class DeployedTable {

    private static final double MICROS_PER_MS = 1000.0;

    private DeployedTable() {
    }

    /**
     * @param results a run
     * @return whether any strategy of it was deployed (the deployed mode)
     */
    public static boolean any(ExperimentResults results) {
        return !results.runs().isEmpty() && results.strategies().stream().anyMatch(s -> s.served() != null);
    }

    /**
     * @param results a run with at least one deployed strategy ({@link #any})
     * @return the table as rows of cells, the header first, one row per deployed strategy
     */
    public static List<String[]> rows(ExperimentResults results) {
        List<String[]> rows = new ArrayList<>();
        boolean late = results.strategies().stream().anyMatch(s -> s.served() != null
                && s.served().stalenessSinceLabelEvents() != null);
        List<String> header = new ArrayList<>(List.of("strategy", "ideal accuracy", "served accuracy", "served − ideal",
                "latency p50 (ms)", "latency p99 (ms)", "staleness p50 (events)", "staleness p99 (events)"));
        if (late) {
            header.add("from labels p50 (events)");
        }
        header.addAll(List.of("staleness p50 (ms)", "versions published / served", "trainer events/s", "events",
                "evaluated"));
        rows.add(header.toArray(new String[0]));
        String accuracy = MetricId.ACCURACY.key();
        for (StrategyResult first : results.strategies()) {
            if (first.served() == null) {
                continue;
            }
            String name = first.strategy();
            List<String> row = new ArrayList<>(List.of(name,
                    mean(results, name, s -> s.metrics().get(accuracy), "%.4f"),
                    mean(results, name, s -> s.served().quality().cumulative().get(accuracy), "%.4f"),
                    mean(results, name, DeployedTable::accuracyGap, "%+.4f"),
                    mean(results, name, s -> percentile(s.served().latencyMicros(), Percentiles::p50, MICROS_PER_MS),
                            "%.1f"),
                    mean(results, name, s -> percentile(s.served().latencyMicros(), Percentiles::p99, MICROS_PER_MS),
                            "%.1f"),
                    mean(results, name, s -> percentile(s.served().stalenessEvents(), Percentiles::p50, 1), "%.0f"),
                    mean(results, name, s -> percentile(s.served().stalenessEvents(), Percentiles::p99, 1), "%.0f")));
            if (late) {
                row.add(mean(results, name, s -> percentile(s.served().stalenessSinceLabelEvents(), Percentiles::p50, 1),
                        "%.0f"));
            }
            row.addAll(List.of(
                    mean(results, name, s -> percentile(s.served().stalenessMillis(), Percentiles::p50, 1), "%.0f"),
                    mean(results, name, s -> (double) s.served().versionsPublished(), "%.0f") + " / "
                            + mean(results, name, s -> (double) s.served().versionsServed(), "%.0f"),
                    mean(results, name, s -> s.served().trainerEventsPerSecond(), "%.0f"),
                    mean(results, name, s -> (double) s.served().events(), "%.0f"),
                    mean(results, name, s -> (double) s.served().evaluated(), "%.0f")));
            rows.add(row.toArray(new String[0]));
        }
        return rows;
    }

    /**
     * @param strategy one run's result of a strategy
     * @return its served minus its ideal accuracy (negative: the deployment served worse), or
     *     {@code null} if it was not deployed
     */
    static Double accuracyGap(StrategyResult strategy) {
        if (strategy.served() == null) {
            return null;
        }
        String accuracy = MetricId.ACCURACY.key();
        Double served = strategy.served().quality().cumulative().get(accuracy);
        Double ideal = strategy.metrics().get(accuracy);
        return served == null || ideal == null ? Double.NaN : served - ideal;
    }

    private static String mean(ExperimentResults results, String strategy, Function<StrategyResult, Double> served,
                               String pattern) {
        return RunMeans.mean(results, strategy, s -> s.served() != null, served, pattern);
    }

    private static Double percentile(Percentiles p, ToLongFunction<Percentiles> percentile, double divisor) {
        return RunMeans.percentile(p, percentile, divisor);
    }
}
