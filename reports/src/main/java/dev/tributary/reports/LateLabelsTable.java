package dev.tributary.reports;

import dev.tributary.common.metrics.MetricId;
import dev.tributary.results.ExperimentResults;
import dev.tributary.results.LabelsResult;
import dev.tributary.results.Percentiles;
import dev.tributary.results.StrategyResult;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What late labels cost each strategy: its quality with the labels as late as the scenario makes
 * them, beside the same strategy on the same events with every label on time, and its freshness
 * counted from the event (which includes the delay) and from the label's arrival (which is the
 * learner's own). With several repetitions a cell is the mean over the runs.
 */
public final class LateLabelsTable {

    /** What the section's figures are, before its table. */
    static final String TEXT = "Labels came late, on their own topic: each event was predicted on arrival, and "
            + "learned only once its label fell due and was joined to it. \"On time\" is the same strategy, on the same "
            + "events, with every label joined as its event arrives (a second pass over the same topics): the "
            + "difference is what the delay costs. Freshness from the event includes the delay; from the label, it "
            + "is the strategy's own. Counts reconcile: events = learned + ignored (a frozen model) + expired "
            + "(waited past the horizon); a late label came after its event expired. Under holdout there is no \"on "
            + "time\" pass: the final models learn every label (the last ones after the stream), so their test "
            + "scores are those of labels on time, and only the learning curve moves.";

    private LateLabelsTable() {
    }

    /**
     * @param results a run
     * @return whether its labels came late (on their own topic)
     */
    public static boolean any(ExperimentResults results) {
        return !results.runs().isEmpty() && results.strategies().stream().anyMatch(s -> s.labels() != null);
    }

    /**
     * @param results a run whose labels came late ({@link #any})
     * @return the table as rows of cells, the header first, one row per strategy
     */
    public static List<String[]> rows(ExperimentResults results) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"strategy", "delay (events)", "accuracy", "on time", "late − on time", "kappa",
                "kappa on time", "freshness p50 (events)", "on time", "from label p50 (events)",
                "from label p50 (ms)", "learned", "ignored", "expired", "late labels"});
        String accuracy = MetricId.ACCURACY.key();
        String kappa = MetricId.COHEN_KAPPA.key();
        for (StrategyResult first : results.strategies()) {
            if (first.labels() == null) {
                continue;
            }
            String name = first.strategy();
            rows.add(new String[] {name,
                    mean(results, name, s -> (double) s.labels().delayEvents(), "%.0f"),
                    mean(results, name, s -> s.metrics().get(accuracy), "%.4f"),
                    mean(results, name, s -> onTime(s, accuracy), "%.4f"),
                    mean(results, name, LateLabelsTable::accuracyCost, "%+.4f"),
                    mean(results, name, s -> s.metrics().get(kappa), "%.4f"),
                    mean(results, name, s -> onTime(s, kappa), "%.4f"),
                    mean(results, name, s -> s.freshness() == null ? null
                            : RunMeans.percentile(s.freshness().events(), Percentiles::p50, 1), "%.0f"),
                    mean(results, name, s -> RunMeans.percentile(s.labels().withoutDelayFreshnessEvents(),
                            Percentiles::p50, 1), "%.0f"),
                    mean(results, name, s -> RunMeans.percentile(s.labels().freshnessEvents(), Percentiles::p50, 1),
                            "%.0f"),
                    mean(results, name, s -> RunMeans.percentile(s.labels().freshnessMillis(), Percentiles::p50, 1),
                            "%.0f"),
                    mean(results, name, s -> (double) s.labels().learned(), "%.0f"),
                    mean(results, name, s -> (double) s.labels().ignored(), "%.0f"),
                    mean(results, name, s -> (double) s.labels().expired(), "%.0f"),
                    mean(results, name, s -> (double) s.labels().late(), "%.0f")});
        }
        return rows;
    }

    /**
     * @param strategy one run's result of a strategy
     * @return its accuracy with late labels minus its accuracy with every label on time
     *     (negative: the delay cost accuracy), or {@code null} without late labels
     */
    static Double accuracyCost(StrategyResult strategy) {
        Double late = strategy.metrics().get(MetricId.ACCURACY.key());
        Double onTime = onTime(strategy, MetricId.ACCURACY.key());
        return late == null || onTime == null ? null : late - onTime;
    }

    private static Double onTime(StrategyResult strategy, String metric) {
        LabelsResult labels = strategy.labels();
        return labels == null || labels.withoutDelay() == null ? null : labels.withoutDelay().get(metric);
    }

    private static String mean(ExperimentResults results, String strategy, Function<StrategyResult, Double> measure,
                               String pattern) {
        return RunMeans.mean(results, strategy, s -> s.labels() != null, measure, pattern);
    }
}
