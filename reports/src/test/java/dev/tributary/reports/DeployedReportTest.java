package dev.tributary.reports;

import dev.tributary.common.metrics.MetricId;
import dev.tributary.common.provenance.BuildInfo;
import dev.tributary.common.provenance.EnvironmentInfo;
import dev.tributary.common.provenance.TrainingSummary;
import dev.tributary.reports.figures.Figure;
import dev.tributary.results.ExperimentResults;
import dev.tributary.results.KafkaInfo;
import dev.tributary.results.Percentiles;
import dev.tributary.results.PrequentialResult;
import dev.tributary.results.ResultsFile;
import dev.tributary.results.RunResult;
import dev.tributary.results.ServedResult;
import dev.tributary.results.StrategyResult;
import dev.tributary.results.stats.Summary;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A deployed-mode run's report tells the trade-off: the comparison table's served rows, the
 * "As deployed" section and the served figures, each with the values the results hold; and a
 * run without a deployment renders none of them.
 */
class DeployedReportTest {

    private static final List<String> METRIC_ROWS = Arrays.stream(MetricId.values()).map(MetricId::key).toList();
    private static final List<String> SERVED_ROWS = List.of("served accuracy", "served − ideal accuracy",
            "served latency p50 (µs)", "served latency p99 (µs)", "staleness p50 (events)", "staleness p99 (events)",
            "staleness p50 (ms)", "publish → swap p50 (ms)", "trainer lag p50 (ms)");
    private static final List<String> SERVED_FIGURES = List.of("served-accuracy", "staleness", "tradeoff-staleness");

    @TempDir
    Path dir;

    @Test
    void theTableHasTheServedRowsAfterTheOthers() {
        List<String[]> rows = ResultsTable.rows(results(1, true));

        List<String> labels = new ArrayList<>(List.of("measure"));
        labels.addAll(METRIC_ROWS);
        labels.addAll(SERVED_ROWS);
        assertEquals(labels, rows.stream().map(r -> r[0]).toList());
        assertArrayEquals(new String[] {"measure", "batch", "online", "majority"}, rows.get(0));
        assertRow(rows, "accuracy", "0.8600", "0.8800", "0.6000");
        assertRow(rows, "served accuracy", "0.8400", "0.8900", "-");
        assertRow(rows, "served − ideal accuracy", "-0.0200", "+0.0100", "-");
        assertRow(rows, "served latency p50 (µs)", "1499", "1299", "-");
        assertRow(rows, "served latency p99 (µs)", "1989", "1397", "-");
        assertRow(rows, "staleness p50 (events)", "1000", "99", "-");
        assertRow(rows, "staleness p99 (events)", "1980", "197", "-");
        assertRow(rows, "staleness p50 (ms)", "750", "119", "-");
        assertRow(rows, "publish → swap p50 (ms)", "200", "25", "-");
        assertRow(rows, "trainer lag p50 (ms)", "700", "25", "-");
    }

    @Test
    void overRepetitionsTheGapIsThePairedDifferenceWithItsInterval() {
        List<String[]> rows = ResultsTable.rows(results(2, true));

        // Run 1 is two points better on both sides: the served accuracies differ by run...
        assertRow(rows, "served accuracy", "0.8500±0.1271", "0.9000±0.1271", "-");
        // ...the gaps do not, so their interval is empty, not the accuracies' intervals combined.
        assertRow(rows, "served − ideal accuracy", "-0.0200±0.0000", "+0.0100±0.0000", "-");
        assertRow(rows, "staleness p50 (events)", "1000±0", "99±0", "-");
    }

    @Test
    void theReportHasTheAsDeployedSectionAndTheServedFigures() throws Exception {
        List<Figure> figures = ReportWriter.write(results(1, true), dir);

        String summary = Files.readString(dir.resolve(ReportWriter.SUMMARY));
        assertTrue(summary.contains("\n### As deployed\n\nThe ideal is the comparison above"), summary);
        assertTrue(summary.contains("the newest model it had"), "what served is: " + summary);
        assertTrue(summary.contains("| strategy | ideal accuracy | served accuracy | served − ideal | latency p50 (ms) "
                + "| latency p99 (ms) | staleness p50 (events) | staleness p99 (events) | staleness p50 (ms) "
                + "| versions published / served | trainer events/s | events | evaluated |\n"), summary);
        assertTrue(summary.contains("\n| batch | 0.8600 | 0.8400 | -0.0200 | 1.5 | 2.0 | 1000 | 1980 | 750 | 1 / 1 "
                + "| 1333 | 6000 | 4800 |\n"), summary);
        assertTrue(summary.contains("\n| online | 0.8800 | 0.8900 | +0.0100 | 1.3 | 1.4 | 99 | 197 | 119 | 60 / 49 "
                + "| 1005 | 6000 | 4800 |\n"), summary);
        assertFalse(summary.contains("| majority | 0.6000 |"), "majority was not deployed: " + summary);
        assertTrue(summary.indexOf("| served accuracy |") < summary.indexOf("### As deployed"),
                "the section follows the comparison table");

        String index = Files.readString(dir.resolve(ReportWriter.INDEX));
        assertTrue(index.contains("<h2>As deployed</h2>\n<p>The ideal is the comparison above"), index);
        assertTrue(index.contains("<tr><td>online</td><td>0.8800</td><td>0.8900</td><td>+0.0100</td>"), index);
        assertTrue(index.contains("<tr><td>garbage collectors</td><td>G1 Young Generation, G1 Old Generation</td></tr>")
                && index.contains("<tr><td>JVM options</td><td>-XX:+UseZGC</td></tr>"),
                "the collector and the JVM's options, which latency figures depend on: " + index);

        List<String> ids = figures.stream().map(Figure::id).toList();
        assertEquals(SERVED_FIGURES, ids.subList(ids.size() - 3, ids.size()), "the served figures come last");
        for (String id : SERVED_FIGURES) {
            assertTrue(Files.size(dir.resolve(id + ".png")) > 0, id);
            assertTrue(Files.size(dir.resolve(id + ".svg")) > 0, id);
            assertTrue(index.contains("<img src=\"" + id + ".png\""), id + " is linked from the page");
        }
    }

    @Test
    void aRunWithoutADeploymentRendersNothingServed() throws Exception {
        assertNothingServed(results(1, false), dir.resolve("in-process"));
    }

    @Test
    void aRealInProcessRunRendersTheTableAsBefore() throws Exception {
        ExperimentResults v4 = ResultsFile.read(GoldenResults.copy(GoldenResults.V4, dir));
        List<String> labels = new ArrayList<>(List.of("measure"));
        labels.addAll(METRIC_ROWS);
        labels.addAll(List.of("latency p50 (µs)", "latency p99 (µs)", "update p99 (µs)", "freshness p50 (events)",
                "freshness p50 (ms)", "events/s", "cpu ms / 1000 events", "sustainable events/s", "kept up (1 = yes)"));
        assertEquals(labels, ResultsTable.rows(v4).stream().map(r -> r[0]).toList());
        assertNothingServed(v4, dir.resolve("v4"));
    }

    private static void assertNothingServed(ExperimentResults results, Path out) throws Exception {
        assertTrue(ResultsTable.rows(results).stream().noneMatch(r -> SERVED_ROWS.contains(r[0])));
        List<Figure> figures = ReportWriter.write(results, out);
        String summary = Files.readString(out.resolve(ReportWriter.SUMMARY));
        String index = Files.readString(out.resolve(ReportWriter.INDEX));
        assertFalse(summary.contains("As deployed"), summary);
        assertFalse(summary.contains("served"), summary);
        assertFalse(index.contains("As deployed"));
        assertFalse(figures.isEmpty(), "the in-process figures are drawn");
        for (String id : SERVED_FIGURES) {
            assertTrue(figures.stream().noneMatch(f -> f.id().equals(id)), id);
            assertFalse(Files.exists(out.resolve(id + ".png")), id);
        }
    }

    // ---- fixtures -------------------------------------------------------------------------

    /**
     * A prequential run of 6,000 events, 1,200 of them history, over {@code runs} repetitions,
     * each two accuracy points better than the one before; with {@code deployed}, batch served
     * worse than its ideal and online better, and majority (a reference strategy) undeployed.
     * The summary holds what the evaluator's would: each measure over the runs.
     */
    private static ExperimentResults results(int runs, boolean deployed) {
        List<RunResult> results = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            double shift = 0.02 * r;
            List<StrategyResult> strategies = List.of(
                    strategy("batch", 0.86 + shift, !deployed ? null : served(0.84 + shift, uniform(1000, 1999),
                            uniform(1, 2000), uniform(1, 1500), uniform(200, 200), uniform(700, 700), 1, 1, 1333.3)),
                    strategy("online", 0.88 + shift, !deployed ? null : served(0.89 + shift, uniform(1200, 1399),
                            uniform(0, 199), uniform(0, 239), uniform(10, 40), uniform(20, 30), 60, 49, 1005.4)),
                    strategy("majority", 0.60 + shift, null));
            results.add(new RunResult(r, null, null, strategies, 9000, 700, 0, 0));
        }
        return new ExperimentResults(ExperimentResults.SCHEMA_VERSION, "deployed-report-test", "2026-01-01T00:00:00Z",
                "2026-01-01T00:02:00Z", null, null, new KafkaInfo(true, Map.of()), environment(), results,
                summary(results));
    }

    private static StrategyResult strategy(String name, double accuracy, ServedResult served) {
        return new StrategyResult(name, null, null, null, quality(accuracy), null, null, null, null, null, served);
    }

    private static ServedResult served(double accuracy, Percentiles latency, Percentiles stalenessEvents,
                                       Percentiles stalenessMillis, Percentiles publishToSwap, Percentiles trainerLag,
                                       long published, long versionsServed, double trainerRate) {
        TrainingSummary trainer = new TrainingSummary("trainer", "events", List.of(), 6000, 0, 240, published, 5968, 1420);
        return new ServedResult(6000, 6000, 0, 0, 1200, 4800, 0, 0, quality(accuracy), latency, stalenessEvents,
                stalenessMillis, publishToSwap, trainerLag, published, versionsServed, trainer, trainerRate, 1100);
    }

    private static PrequentialResult quality(double accuracy) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (MetricId id : MetricId.values()) {
            metrics.put(id.key(), id == MetricId.ACCURACY ? accuracy : 0.5);
        }
        List<PrequentialResult.CurvePoint> curve = List.of(new PrequentialResult.CurvePoint(2200, accuracy, 0.6,
                accuracy, accuracy), new PrequentialResult.CurvePoint(3200, accuracy - 0.03, 0.5, accuracy, accuracy));
        return new PrequentialResult(4800, metrics, metrics, accuracy, 0.5, new long[][] {{1, 0}, {0, 1}}, curve);
    }

    /**
     * @return the values {@code low..high} once each: with n of them, percentile p is
     *     {@code low + ⌈p·n⌉ - 1}, exactly, as HdrHistogram's 3 digits resolve every value below 2,048
     */
    private static Percentiles uniform(long low, long high) {
        Histogram h = new Histogram(3);
        for (long v = low; v <= high; v++) {
            h.recordValue(v);
        }
        return Percentiles.of(h);
    }

    /** The measures the table reads, summarised over the runs under the evaluator's keys. */
    private static Map<String, Map<String, Summary>> summary(List<RunResult> runs) {
        Map<String, Function<StrategyResult, Double>> measures = new LinkedHashMap<>();
        for (MetricId id : MetricId.values()) {
            measures.put(id.key(), s -> s.metrics().get(id.key()));
            measures.put(id.servedKey(), s -> s.served() == null ? null
                    : s.served().quality().cumulative().get(id.key()));
        }
        measures.put("served_latency_p50_us", s -> percentile(s, ServedResult::latencyMicros, 50));
        measures.put("served_latency_p99_us", s -> percentile(s, ServedResult::latencyMicros, 99));
        measures.put("staleness_p50_events", s -> percentile(s, ServedResult::stalenessEvents, 50));
        measures.put("staleness_p99_events", s -> percentile(s, ServedResult::stalenessEvents, 99));
        measures.put("staleness_p50_ms", s -> percentile(s, ServedResult::stalenessMillis, 50));
        measures.put("publish_to_swap_p50_ms", s -> percentile(s, ServedResult::publishToSwapMillis, 50));
        measures.put("trainer_lag_p50_ms", s -> percentile(s, ServedResult::trainerLagMillis, 50));
        Map<String, Map<String, Summary>> summary = new LinkedHashMap<>();
        for (StrategyResult first : runs.get(0).strategies()) {
            Map<String, Summary> byKey = new LinkedHashMap<>();
            measures.forEach((key, measure) -> {
                List<Double> values = runs.stream().map(run -> measure.apply(run.strategy(first.strategy())))
                        .filter(v -> v != null).toList();
                if (!values.isEmpty()) {
                    byKey.put(key, Summary.of(values));
                }
            });
            summary.put(first.strategy(), byKey);
        }
        return summary;
    }

    private static Double percentile(StrategyResult s, Function<ServedResult, Percentiles> distribution, int p) {
        if (s.served() == null) {
            return null;
        }
        Percentiles percentiles = distribution.apply(s.served());
        return (double) (p == 50 ? percentiles.p50() : percentiles.p99());
    }

    /** What the report's footer and environment table read; fixed, so the test does not depend on the machine. */
    private static EnvironmentInfo environment() {
        return new EnvironmentInfo("17.0.15", "Eclipse Adoptium", "OpenJDK 64-Bit Server VM 17.0.15", "Linux 6.1",
                "amd64", 2, 2L << 30, "unset", 2, "4.3.1", new BuildInfo("0.1.0-SNAPSHOT", "0879190eea75", false,
                "4.3.1", "1.0.0-M2.1"), List.of("G1 Young Generation", "G1 Old Generation"), List.of("-XX:+UseZGC"));
    }

    private static void assertRow(List<String[]> rows, String label, String... cells) {
        String[] row = rows.stream().filter(r -> r[0].equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no row '" + label + "'"));
        assertEquals(List.of(cells), List.of(row).subList(1, row.length), label);
    }
}
