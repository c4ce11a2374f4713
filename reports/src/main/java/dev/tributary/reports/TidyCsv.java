package dev.tributary.reports;

import dev.tributary.common.AtomicFiles;
import dev.tributary.results.ExperimentResults;
import dev.tributary.results.Percentiles;
import dev.tributary.results.PrequentialResult;
import dev.tributary.results.RunResult;
import dev.tributary.results.StrategyResult;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run's measures in long ("tidy") form, one observation per row, for pandas, R or a
 * spreadsheet without parsing results.json: {@value #METRICS} (repetition × strategy × metric),
 * {@value #CURVES} (repetition × strategy × curve point) and {@value #PERCENTILES}
 * (repetition × strategy × distribution × statistic). Values are written as Java writes doubles
 * (shortest round-trip form; NaN where undefined).
 */
public final class TidyCsv {

    /** Every headline metric (holdout, or prequential cumulative) and served metric. */
    public static final String METRICS = "metrics.csv";
    /** Every point of the prequential curves (the ideal's, and as served). */
    public static final String CURVES = "curves.csv";
    /** Every latency, freshness and staleness distribution's summary. */
    public static final String PERCENTILES = "percentiles.csv";

    private TidyCsv() {
    }

    /**
     * @param results a run
     * @param dir     where the three files go (replaced atomically)
     * @return the files written
     */
    public static List<Path> write(ExperimentResults results, Path dir) {
        return write(List.of(results), List.of(""), "", dir);
    }

    /**
     * Several runs' measures in one set of files (a suite's cells), each row led by its run's label.
     *
     * @param runs        the runs
     * @param labels      per run, the values of the leading columns (comma-separated, or "" for none)
     * @param labelHeader the leading columns' names (comma-separated, or "" for none)
     * @param dir         where the three files go (replaced atomically)
     * @return the files written
     */
    public static List<Path> write(List<ExperimentResults> runs, List<String> labels, String labelHeader, Path dir) {
        String lead = labelHeader.isEmpty() ? "" : labelHeader + ",";
        StringBuilder metrics = new StringBuilder(lead + "run_id,scenario,repetition,seed,strategy,metric,value\n");
        StringBuilder curves = new StringBuilder(lead + "run_id,scenario,repetition,seed,strategy,scored,event,"
                + "window_accuracy,window_kappa,cumulative_accuracy,fading_accuracy\n");
        StringBuilder percentiles = new StringBuilder(lead + "run_id,scenario,repetition,seed,strategy,distribution,"
                + "unit,statistic,value\n");
        for (int i = 0; i < runs.size(); i++) {
            append(runs.get(i), labels.get(i).isEmpty() ? "" : labels.get(i) + ",", metrics, curves, percentiles);
        }
        List<Path> files = List.of(dir.resolve(METRICS), dir.resolve(CURVES), dir.resolve(PERCENTILES));
        AtomicFiles.write(files.get(0), metrics.toString().getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(files.get(1), curves.toString().getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(files.get(2), percentiles.toString().getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private static void append(ExperimentResults results, String label, StringBuilder metrics, StringBuilder curves,
                               StringBuilder percentiles) {
        for (RunResult run : results.runs()) {
            String prefix = label + String.join(",", results.runId(), results.scenario().name(),
                    Integer.toString(run.repetition()), Long.toString(run.seeds().master()));
            for (StrategyResult s : run.strategies()) {
                String row = prefix + "," + s.strategy();
                new TreeMap<>(s.metrics()).forEach((metric, value) -> metrics.append(row).append(',').append(metric)
                        .append(',').append(value).append('\n'));
                if (s.served() != null) {
                    new TreeMap<>(s.served().quality().cumulative()).forEach((metric, value) -> metrics.append(row)
                            .append(",served_").append(metric).append(',').append(value).append('\n'));
                }
                curve(curves, row, "ideal", s.prequential());
                curve(curves, row, "served", s.served() == null ? null : s.served().quality());
                distributions(s).forEach((name, d) -> {
                    if (d.percentiles() != null && d.percentiles().count() > 0) {
                        Percentiles p = d.percentiles();
                        Map<String, Number> stats = new LinkedHashMap<>();
                        stats.put("count", p.count());
                        stats.put("mean", p.mean());
                        stats.put("p50", p.p50());
                        stats.put("p90", p.p90());
                        stats.put("p99", p.p99());
                        stats.put("p999", p.p999());
                        stats.put("max", p.max());
                        stats.forEach((stat, value) -> percentiles.append(row).append(',').append(name).append(',')
                                .append(d.unit()).append(',').append(stat).append(',').append(value).append('\n'));
                    }
                });
            }
        }
    }

    private record Distribution(Percentiles percentiles, String unit) {
    }

    /** @return each distribution a strategy's result holds, by name, with its unit */
    private static Map<String, Distribution> distributions(StrategyResult s) {
        Map<String, Distribution> out = new LinkedHashMap<>();
        if (s.latency() != null) {
            out.put("event_to_prediction", new Distribution(s.latency().eventToPredictionMicros(), "us"));
            out.put("update", new Distribution(s.latency().updateMicros(), "us"));
        }
        if (s.freshness() != null) {
            out.put("freshness", new Distribution(s.freshness().events(), "events"));
            out.put("freshness_time", new Distribution(s.freshness().millis(), "ms"));
        }
        if (s.labels() != null) {
            out.put("freshness_from_label", new Distribution(s.labels().freshnessEvents(), "events"));
            out.put("freshness_from_label_time", new Distribution(s.labels().freshnessMillis(), "ms"));
        }
        if (s.served() != null) {
            out.put("served_latency", new Distribution(s.served().latencyMicros(), "us"));
            out.put("staleness", new Distribution(s.served().stalenessEvents(), "events"));
            out.put("staleness_time", new Distribution(s.served().stalenessMillis(), "ms"));
            out.put("publish_to_swap", new Distribution(s.served().publishToSwapMillis(), "ms"));
        }
        return out;
    }

    private static void curve(StringBuilder csv, String row, String scored, PrequentialResult quality) {
        if (quality == null || quality.curve() == null) {
            return;
        }
        for (PrequentialResult.CurvePoint p : quality.curve()) {
            csv.append(row).append(',').append(scored).append(',').append(p.event()).append(',')
                    .append(p.windowAccuracy()).append(',').append(p.windowKappa()).append(',')
                    .append(p.cumulativeAccuracy()).append(',').append(p.fadingAccuracy()).append('\n');
        }
    }
}
