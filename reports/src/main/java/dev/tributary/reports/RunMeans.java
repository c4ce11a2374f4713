package dev.tributary.reports;

import dev.tributary.results.ExperimentResults;
import dev.tributary.results.Percentiles;
import dev.tributary.results.RunResult;
import dev.tributary.results.StrategyResult;
import dev.tributary.results.stats.Summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/** A table cell that is one measure of a strategy, the mean over the runs that have it. */
final class RunMeans {

    private RunMeans() {
    }

    /**
     * @param has     whether a run's result of the strategy has the part the measure reads
     * @param measure the measure in one run; null where it has none
     * @return the mean over the runs that have it; "-" where none has the measure, "n/a" where it
     *     is undefined (NaN)
     */
    static String mean(ExperimentResults results, String strategy, Predicate<StrategyResult> has,
                       Function<StrategyResult, Double> measure, String pattern) {
        List<Double> values = new ArrayList<>();
        for (RunResult run : results.runs()) {
            run.strategies().stream().filter(s -> s.strategy().equals(strategy) && has.test(s)).findFirst()
                    .map(measure).ifPresent(values::add);
        }
        if (values.isEmpty()) {
            return "-";
        }
        double mean = Summary.of(values).mean();
        return Double.isNaN(mean) ? "n/a" : String.format(Locale.ROOT, pattern, mean);
    }

    /** @return the percentile, divided; null for an empty distribution, whose percentiles are zeros, not values */
    static Double percentile(Percentiles p, ToLongFunction<Percentiles> percentile, double divisor) {
        return p == null || p.count() == 0 ? null : percentile.applyAsLong(p) / divisor;
    }
}
