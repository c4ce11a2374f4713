package dev.tributary.reports.figures;

import dev.tributary.results.ExperimentResults;
import dev.tributary.results.RunResult;
import dev.tributary.results.StrategyResult;
import dev.tributary.results.stats.Summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the results the way every figure needs them: a strategy across the repetitions, and a
 * measure's summary over them.
 */
final class RunData {

    private RunData() {
    }

    /**
     * @return the strategy names of the first repetition, in the scenario's order
     */
    static List<String> strategies(ExperimentResults results) {
        return results.runs().isEmpty() ? List.of()
                : results.strategies().stream().map(StrategyResult::strategy).toList();
    }

    /**
     * @return the strategy's result in each repetition that has it, in run order
     */
    static List<StrategyResult> across(ExperimentResults results, String strategy) {
        List<StrategyResult> found = new ArrayList<>();
        for (RunResult run : results.runs()) {
            run.strategies().stream().filter(s -> s.strategy().equals(strategy)).findFirst().ifPresent(found::add);
        }
        return found;
    }

    /**
     * A measure of one strategy over the repetitions: the results' own summary when it has the
     * key (so figures and tables quote the same numbers), otherwise summarised here from each
     * run, which covers measures the summary does not keep and files written without one.
     *
     * @param key    the summary's measure key (e.g. {@code accuracy}, {@code latency_p99_us})
     * @param perRun the same measure read from one run's result; null where the run has none
     * @return the summary; {@code n == 0} (mean NaN) when no run has the measure
     */
    static Summary measure(ExperimentResults results, String strategy, String key,
                           Function<StrategyResult, Double> perRun) {
        Map<String, Summary> summaries = results.summary().get(strategy);
        Summary summary = summaries == null ? null : summaries.get(key);
        if (summary != null && summary.n() > 0) {
            return summary;
        }
        List<Double> values = new ArrayList<>();
        for (StrategyResult result : across(results, strategy)) {
            Double value = perRun.apply(result);
            if (value != null) {
                values.add(value);
            }
        }
        return Summary.of(values);
    }

    /**
     * A value per run, summarised: for measures of a whole run rather than of a strategy.
     *
     * @param perRun the value in one run; null or NaN where the run has none
     */
    static Summary overRuns(ExperimentResults results, Function<RunResult, Double> perRun) {
        List<Double> values = new ArrayList<>();
        for (RunResult run : results.runs()) {
            Double value = perRun.apply(run);
            if (value != null) {
                values.add(value);
            }
        }
        return Summary.of(values);
    }

    /**
     * @return half the 95 % interval for an error bar: 0 where there is no spread estimate
     *     (one run), so the bar is simply not drawn
     */
    static double errorBar(Summary summary) {
        double halfWidth = summary.halfWidth();
        return Double.isFinite(halfWidth) ? halfWidth : 0;
    }
}
