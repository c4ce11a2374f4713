package dev.tributary.evaluation;

import dev.tributary.common.metrics.MetricId;
import dev.tributary.results.Percentiles;
import dev.tributary.results.RunResult;
import dev.tributary.results.ServedResult;
import dev.tributary.results.StrategyResult;
import dev.tributary.results.stats.Summary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Summarises repetitions: for every strategy, each headline measure's mean and 95 % interval
 * over the runs. The per-run values stay in the runs; this only aggregates.
 */
final class RepetitionSummary {

    /** Headline measures beyond the quality metrics, by the key results.json uses. */
    private static final Map<String, Function<StrategyResult, Double>> MEASURES = new LinkedHashMap<>();

    static {
        MEASURES.put("latency_p50_us", s -> s.latency() == null || s.latency().eventToPredictionMicros().count() == 0
                ? null : (double) s.latency().eventToPredictionMicros().p50());
        MEASURES.put("latency_p99_us", s -> s.latency() == null || s.latency().eventToPredictionMicros().count() == 0
                ? null : (double) s.latency().eventToPredictionMicros().p99());
        MEASURES.put("update_p99_us", s -> s.latency() == null || s.latency().updateMicros().count() == 0
                ? null : (double) s.latency().updateMicros().p99());
        MEASURES.put("freshness_p50_events", s -> s.freshness() == null || s.freshness().events().count() == 0
                ? null : (double) s.freshness().events().p50());
        MEASURES.put("freshness_p50_ms", s -> s.freshness() == null || s.freshness().millis().count() == 0
                ? null : (double) s.freshness().millis().p50());
        MEASURES.put("events_per_second", s -> s.cost() == null ? null : s.cost().eventsPerSecond());
        MEASURES.put("cpu_ms_per_1000_events", s -> s.cost() == null ? null : s.cost().cpuMsPer1000Events());
        MEASURES.put("sustainable_events_per_second", s -> s.keepingUp() == null ? null
                : s.keepingUp().sustainableEventsPerSecond());
        MEASURES.put("kept_up", s -> s.keepingUp() == null || s.keepingUp().keptUp() == null ? null
                : s.keepingUp().keptUp() ? 1.0 : 0.0);
        // The deployed mode: the same quality metrics of what was served (served_accuracy, ...).
        for (MetricId id : MetricId.values()) {
            MEASURES.put(id.servedKey(), s -> s.served() == null ? null
                    : s.served().quality().cumulative().get(id.key()));
        }
        MEASURES.put("served_latency_p50_us", s -> served(s, ServedResult::latencyMicros, Percentiles::p50));
        MEASURES.put("served_latency_p99_us", s -> served(s, ServedResult::latencyMicros, Percentiles::p99));
        MEASURES.put("staleness_p50_events", s -> served(s, ServedResult::stalenessEvents, Percentiles::p50));
        MEASURES.put("staleness_p99_events", s -> served(s, ServedResult::stalenessEvents, Percentiles::p99));
        MEASURES.put("staleness_p50_ms", s -> served(s, ServedResult::stalenessMillis, Percentiles::p50));
        MEASURES.put("publish_to_swap_p50_ms", s -> served(s, ServedResult::publishToSwapMillis, Percentiles::p50));
        MEASURES.put("trainer_lag_p50_ms", s -> served(s, ServedResult::trainerLagMillis, Percentiles::p50));
    }

    private static Double served(StrategyResult s, Function<ServedResult, Percentiles> distribution,
                                 java.util.function.ToLongFunction<Percentiles> percentile) {
        if (s.served() == null) {
            return null;
        }
        Percentiles p = distribution.apply(s.served());
        return p == null || p.count() == 0 ? null : (double) percentile.applyAsLong(p);
    }

    private RepetitionSummary() {
    }

    /**
     * @param runs the repetitions
     * @return strategy → measure → summary over the runs (quality metrics first, then the measures above)
     */
    static Map<String, Map<String, Summary>> of(List<RunResult> runs) {
        Map<String, Map<String, Summary>> summary = new LinkedHashMap<>();
        for (StrategyResult first : runs.get(0).strategies()) {
            String strategy = first.strategy();
            Map<String, Summary> measures = new LinkedHashMap<>();
            for (String metric : first.metrics().keySet()) {
                measures.put(metric, Summary.of(values(runs, strategy, s -> s.metrics().get(metric))));
            }
            MEASURES.forEach((key, measure) -> {
                List<Double> values = values(runs, strategy, measure);
                if (!values.isEmpty()) {
                    measures.put(key, Summary.of(values));
                }
            });
            summary.put(strategy, measures);
        }
        return summary;
    }

    private static List<Double> values(List<RunResult> runs, String strategy, Function<StrategyResult, Double> measure) {
        List<Double> values = new ArrayList<>();
        for (RunResult run : runs) {
            Double value = measure.apply(run.strategy(strategy));
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }
}
