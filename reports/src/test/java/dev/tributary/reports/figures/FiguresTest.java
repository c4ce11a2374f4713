package dev.tributary.reports.figures;

import dev.tributary.results.Percentiles;
import dev.tributary.results.CostResult;
import dev.tributary.results.ExperimentResults;
import dev.tributary.results.FreshnessResult;
import dev.tributary.results.HoldoutResult;
import dev.tributary.results.LatencyResult;
import dev.tributary.results.LearningCurvePoint;
import dev.tributary.results.PrequentialResult;
import dev.tributary.results.ResultsFile;
import dev.tributary.results.RunResult;
import dev.tributary.results.ServedResult;
import dev.tributary.results.StrategyResult;
import dev.tributary.results.stats.Summary;
import dev.tributary.common.provenance.ProduceResult;
import dev.tributary.common.provenance.TrainingSummary;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FiguresTest {

    private static final List<String> PREQUENTIAL_IDS = List.of("prequential-accuracy", "latency", "freshness",
            "throughput", "tradeoff-latency", "tradeoff-throughput", "cost", "heap");
    private static final List<String> SERVED_IDS = List.of("served-accuracy", "staleness", "tradeoff-staleness");
    private static final List<String> HOLDOUT_IDS = List.of("learning-curve", "throughput", "tradeoff-throughput",
            "cost", "heap");
    private static final long[] CURVE_EVENTS = {1000, 2000, 3000, 4000, 5000};
    private static final long DRIFT = 3000;

    @TempDir
    Path dir;

    @Test
    void prequentialRunDrawsEveryFigureItHasDataFor() throws IOException {
        List<Figure> figures = Figures.render(prequential(3), dir);

        assertEquals(PREQUENTIAL_IDS, ids(figures), "a prequential run has no learning curve");
        for (Figure figure : figures) {
            assertWritten(figure);
        }
        Map<String, Figure> byId = byId(figures);

        Map<String, Integer> accuracy = byId.get("prequential-accuracy").seriesPoints();
        assertEquals(5, accuracy.get("batch"));
        assertEquals(5, accuracy.get("online"));
        assertEquals(5, accuracy.get("majority"));
        assertEquals(10, accuracy.get("online 95% CI"), "the band is a polygon: upper bound out, lower bound back");
        assertEquals(2, accuracy.get("drift @ 3,000"), "a drift is a two-point vertical line");

        Map<String, Integer> latency = byId.get("latency").seriesPoints();
        assertEquals(List.of("batch", "online"), List.copyOf(latency.keySet()),
                "majority recorded no prediction latency, so it has no line");

        Figure freshness = byId.get("freshness");
        assertEquals(List.of("online"), List.copyOf(freshness.seriesPoints().keySet()),
                "batch never incorporated an event and majority has no freshness");
        assertTrue(freshness.caption().contains("Never") && freshness.caption().contains("batch"),
                "the frozen model is named in the caption: " + freshness.caption());

        assertEquals(Map.of(ThroughputFigure.STRATEGY_SERIES, 3, ThroughputFigure.RUN_SERIES, 2),
                byId.get("throughput").seriesPoints());
        assertEquals(Map.of("batch", 1, "online", 1), byId.get("tradeoff-latency").seriesPoints(),
                "only strategies with a prediction latency have a point");
        assertEquals(Map.of("batch", 1, "online", 1, "majority", 1), byId.get("tradeoff-throughput").seriesPoints());
        assertEquals(Map.of(CostFigure.COST_SERIES, 3), byId.get("cost").seriesPoints());
        assertEquals(Map.of(CostFigure.HEAP_SERIES, 2), byId.get("heap").seriesPoints(), "peak and live");
        assertTrue(byId.get("prequential-accuracy").caption().contains("3 runs"), "the caption says what is averaged");
        assertTrue(byId.get("throughput").caption().contains("not drawn on a logarithmic axis"),
                "rates from 3,333 to 2,500,000 events/s go on a log axis, where XChart cannot draw error bars: "
                        + byId.get("throughput").caption());
        assertTrue(byId.get("heap").caption().contains("the runs agree"),
                "every run has the same heap: " + byId.get("heap").caption());
    }

    @Test
    void deployedRunAddsTheServedFiguresAfterTheOthers() throws IOException {
        List<Figure> figures = Figures.render(deployed(2), dir);

        List<String> expected = new ArrayList<>(PREQUENTIAL_IDS);
        expected.addAll(SERVED_IDS);
        assertEquals(expected, ids(figures));
        for (Figure figure : figures) {
            assertWritten(figure);
        }
        Map<String, Figure> byId = byId(figures);

        Map<String, Integer> curves = byId.get("served-accuracy").seriesPoints();
        assertEquals(List.of("batch served 95% CI", "online served 95% CI", "batch ideal", "batch served",
                "online ideal", "online served", "drift @ 3,000"), List.copyOf(curves.keySet()),
                "bands of the served lines under every line, each strategy's ideal beside its served; majority was "
                        + "not deployed");
        assertEquals(5, curves.get("online ideal"));
        assertEquals(5, curves.get("online served"));
        assertEquals(10, curves.get("online served 95% CI"));

        Figure staleness = byId.get("staleness");
        assertEquals(List.of("batch", "online"), List.copyOf(staleness.seriesPoints().keySet()));
        // Pooled over both runs: 1,000..2,000 and 50..150 twice each.
        assertTrue(staleness.caption().contains("batch 1,500 / 1,990 / 2,000; online 100 / 149 / 150."),
                staleness.caption());

        Figure tradeoff = byId.get("tradeoff-staleness");
        assertEquals(Map.of("batch", 1, "online", 1), tradeoff.seriesPoints());
        assertTrue(tradeoff.caption().contains("Not shown (no value): majority."), tradeoff.caption());
    }

    @Test
    void stalenessTradeoffPlacesEachStrategyAtItsMedianStalenessAndServedAccuracy() {
        XYChart chart = (XYChart) TradeoffFigure.staleness(deployed(2)).orElseThrow().chart();

        XYSeries batch = chart.getSeriesMap().get("batch");
        assertEquals(1500, batch.getXData()[0], 1e-9, "the mean of the runs' median staleness");
        assertEquals(0.785, batch.getYData()[0], 1e-9, "the mean served accuracy, not the ideal 0.805");
        // t(0.975, 1) · s / √2 with s = 0.01 / √2
        assertEquals(0.0635, batch.getExtraValues()[0], 1e-4);
        XYSeries online = chart.getSeriesMap().get("online");
        assertEquals(100, online.getXData()[0], 1e-9);
        assertEquals(0.845, online.getYData()[0], 1e-9);
        assertEquals("served accuracy (fraction correct)", chart.getYAxisTitle());
    }

    @Test
    void servedAccuracyFigureDrawsTheIdealDashedBesideWhatWasServed() {
        XYChart chart = (XYChart) PrequentialAccuracyFigure.asServed(deployed(1)).orElseThrow().chart();

        XYSeries ideal = chart.getSeriesMap().get("online ideal");
        XYSeries served = chart.getSeriesMap().get("online served");
        assertArrayEquals(SeriesLines.DASH_DASH.getDashArray(), ideal.getLineStyle().getDashArray(), "dashed");
        assertNull(served.getLineStyle(), "solid, the chart's default line");
        assertEquals(0.87, ideal.getYData()[1], 1e-9, "online's in-process window accuracy before the drift");
        assertEquals(0.85, served.getYData()[1], 1e-9, "what its deployment served there");
        assertEquals(0.76, served.getYData()[4], 1e-9, "and after the drift");
        assertEquals(CURVE_EVENTS[4], served.getXData()[4], 0);
    }

    @Test
    void anInProcessRunHasNoServedFigures() {
        ExperimentResults inProcess = prequential(2);
        assertTrue(PrequentialAccuracyFigure.asServed(inProcess).isEmpty());
        assertTrue(PercentileFigure.staleness(inProcess).isEmpty());
        assertTrue(TradeoffFigure.staleness(inProcess).isEmpty());
    }

    @Test
    void holdoutRunSkipsFiguresWithoutData() throws IOException {
        List<Figure> figures = Figures.render(holdout(), dir);

        assertEquals(HOLDOUT_IDS, ids(figures),
                "holdout has no prequential curve, no prediction latency and no freshness");
        for (Figure figure : figures) {
            assertWritten(figure);
        }
        for (String skipped : List.of("prequential-accuracy", "latency", "freshness", "tradeoff-latency")) {
            assertFalse(Files.exists(dir.resolve(skipped + ".png")), skipped + " must not be drawn empty");
            assertFalse(Files.exists(dir.resolve(skipped + ".svg")), skipped + " must not be drawn empty");
        }
        Map<String, Integer> curve = byId(figures).get("learning-curve").seriesPoints();
        assertEquals(Map.of("online", 4, "batch (final model)", 2), curve,
                "online's learning curve and the batch level; one run, so no band");
        assertTrue(byId(figures).get("learning-curve").caption().contains("0.9500"), "the batch level is quoted");
        assertEquals(Map.of(CostFigure.HEAP_SERIES, 1), byId(figures).get("heap").seriesPoints(),
                "no live heap recorded, so only the peak");
    }

    @Test
    void singleRunHasNoBandAndDropsUndefinedPoints() throws IOException {
        Map<String, Integer> accuracy = byId(Figures.render(prequential(1), dir)).get("prequential-accuracy")
                .seriesPoints();

        assertTrue(accuracy.keySet().stream().noneMatch(name -> name.endsWith("95% CI")), accuracy.keySet().toString());
        assertEquals(4, accuracy.get("majority"), "its first window accuracy is NaN in run 0 and is left out");
        assertEquals(5, accuracy.get("online"));
    }

    @Test
    void resultsWithoutRunsGiveNoFigures() throws IOException {
        ExperimentResults empty = new ExperimentResults(ExperimentResults.SCHEMA_VERSION, "empty", "", "", null, null,
                null, null, List.of(), Map.of());

        assertEquals(List.of(), Figures.render(empty, dir));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void aGradualDriftIsDrawnAsItsWidth() throws IOException {
        ExperimentResults abrupt = prequential(1);
        var gradual = dev.tributary.common.config.ScenarioFiles.load("hyperplane-gradual",
                Map.of("source.events", 6000, "source.generator.drift.positions", List.of(DRIFT),
                        "source.generator.drift.width", 1000));
        ExperimentResults results = new ExperimentResults(abrupt.schemaVersion(), abrupt.runId(), abrupt.startedAt(),
                abrupt.finishedAt(), gradual, null, null, null, abrupt.runs(), Map.of());
        Figure accuracy = byId(Figures.render(results, dir)).get("prequential-accuracy");
        assertEquals(2, accuracy.seriesPoints().get("gradual drift @ 3,000 (width 1,000)"), "a band from 2,500 to 3,500");
        assertEquals(2, accuracy.seriesPoints().get("drift @ 3,000"), "and its centre line");
        assertTrue(accuracy.caption().contains("each shaded band is the gradual drift's width (1,000 events)"),
                accuracy.caption());
        assertFalse(byId(Figures.render(abrupt, dir.resolve("abrupt"))).get("prequential-accuracy").seriesPoints()
                .keySet().stream().anyMatch(k -> k.startsWith("gradual")), "an abrupt drift has no band");
    }

    @Test
    void aServeBenchDrawsLatencyAgainstRateForEachSide() throws IOException {
        List<dev.tributary.results.ServingLoadResult> loads = new ArrayList<>();
        for (double rate : new double[] {1_000, 5_000, 20_000}) {
            var bare = percentiles(2_000, 4_000);
            var scored = percentiles(10_000, 60_000);
            assertTrue(scored.p99() > scored.p50());
            loads.add(new dev.tributary.results.ServingLoadResult(rate, 100, bare, scored, rate, rate, 5, 15, null, null,
                    rate == 20_000 ? null : percentiles(5_000, 30_000), true, 1L, 1_000L));
        }
        ExperimentResults bench = new ExperimentResults(ExperimentResults.SCHEMA_VERSION, "bench", "", "", null, null,
                null, null, List.of(), Map.of(), loads);
        List<Figure> figures = Figures.render(bench, dir);
        assertEquals(List.of("latency-under-load"), ids(figures), "only the serving figure: there is no run");
        Figure latency = figures.get(0);
        assertWritten(latency);
        assertEquals(Map.of("scorer p50", 3, "scorer p99", 3, "bare Kafka p50", 3, "bare Kafka p99", 3,
                "passthrough Streams app p50", 2, "passthrough Streams app p99", 2), latency.seriesPoints(),
                "a side not measured at a rate has no point there");
    }

    @Test
    void rendersResultsReadBackFromJson() {
        ExperimentResults original = deployed(2);
        Path json = dir.resolve("results.json");
        ResultsFile.write(original, json);

        List<Figure> fromFile = Figures.render(ResultsFile.read(json), dir.resolve("from-file"));
        List<Figure> direct = Figures.render(original, dir.resolve("direct"));

        assertEquals(ids(direct), ids(fromFile));
        for (int i = 0; i < direct.size(); i++) {
            assertEquals(direct.get(i).seriesPoints(), fromFile.get(i).seriesPoints(), direct.get(i).id());
        }
    }

    @Test
    void meanCurveAveragesAlignedPointsWithStudentInterval() {
        MeanCurve curve = MeanCurve.of(List.of(
                new double[][] {{1, 2}, {0.8, 0.9}},
                new double[][] {{1, 2}, {0.6, 0.7}}));

        assertEquals(2, curve.size());
        assertEquals(0.7, curve.mean()[0], 1e-12);
        assertEquals(0.8, curve.mean()[1], 1e-12);
        // s = 0.1·√2, s/√n = 0.1, t(0.975, 1) = 12.7062
        assertEquals(0.7 - 1.27062, curve.low()[0], 1e-4);
        assertEquals(0.7 + 1.27062, curve.high()[0], 1e-4);
        assertTrue(curve.hasBand());
    }

    @Test
    void meanCurveDropsMisalignedPointsAndIgnoresNaN() {
        MeanCurve curve = MeanCurve.of(List.of(
                new double[][] {{1, 2, 3}, {Double.NaN, 0.5, 0.6}},
                new double[][] {{1, 5, 3}, {0.4, 0.5, Double.NaN}},
                new double[][] {{}, {}}));

        assertEquals(2, curve.runs(), "an empty curve is not a run");
        assertEquals(List.of(1.0, 3.0), List.of(curve.x()[0], curve.x()[1]), "x = 2 vs 5 do not align");
        assertEquals(0.4, curve.mean()[0], 1e-12, "NaN left out");
        assertEquals(0.6, curve.mean()[1], 1e-12, "NaN left out");
        assertFalse(curve.hasBand(), "one value per point: no spread to draw");
        assertEquals(0, MeanCurve.of(List.of()).size());
    }

    @Test
    void svgCoordinatesAreRoundedToATenthAndNothingElseChanges() {
        assertEquals("<path d=\"M-5.3,-10.1 L4.5,0 Q-0,2 L0.1,12.3\" version=\"1.1\" width=\"1200px\"/>",
                Figures.roundCoordinates("<path d=\"M-5.328125,-10.109375 L4.53125,-0.03 Q-0,2 L0.05,12.34\" version=\"1.1\" "
                        + "width=\"1200px\"/>"));
    }

    @Test
    void percentileAxisIsLabelledAtWholeDecades() {
        assertEquals("0%", PercentileFigure.percentileLabel(0));
        assertEquals("90%", PercentileFigure.percentileLabel(1));
        assertEquals("99%", PercentileFigure.percentileLabel(2));
        assertEquals("99.9%", PercentileFigure.percentileLabel(3));
        assertEquals("99.99%", PercentileFigure.percentileLabel(4));
        assertEquals("", PercentileFigure.percentileLabel(0.5), "no label between decades");
    }

    @Test
    void percentileCurveFollowsAUniformDistribution() {
        Histogram histogram = new Histogram(3);
        for (int v = 1; v <= 10_000; v++) {
            histogram.recordValue(v * 1000L);
        }
        double[][] curve = PercentileFigure.percentileCurve(histogram, 1000);

        assertEquals(0, curve[0][0], 1e-12, "starts at the 0th percentile");
        for (int i = 1; i < curve[0].length; i++) {
            assertTrue(curve[0][i] >= curve[0][i - 1], "x grows with the percentile");
            assertTrue(curve[1][i] >= curve[1][i - 1], "values grow with the percentile");
            double p = 1 - Math.pow(10, -curve[0][i]);
            // Uniform on 1..10,000 (ms after dividing): the value at p is about 10,000·p; 3 significant
            // digits of HdrHistogram and the equivalent-value rounding allow 0.2 %.
            assertEquals(10_000 * p, curve[1][i], 10_000 * p * 0.002 + 1, "value at percentile " + 100 * p);
        }
        double last = curve[0][curve[0].length - 1];
        assertTrue(last > 3 && last < 5, "10,000 values resolve to about 99.99 %, not to 100 %: " + last);
    }

    // ---- fixtures -------------------------------------------------------------------------

    /**
     * Three strategies over {@code runs} repetitions: batch (never updated, so no freshness),
     * online (updated, every measure), majority (no prediction latency recorded). The accuracy
     * differs a little from run to run so that there is a band.
     */
    private static ExperimentResults prequential(int runs) {
        List<RunResult> results = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            double shift = 0.01 * r;
            List<StrategyResult> strategies = List.of(
                    prequentialStrategy("batch", 0.80 + shift, latency(200_000 + 1_000 * r),
                            new FreshnessResult(empty(), empty(), 0, 4000), CostResult.of(5000, 500_000_000L, 400_000_000L)),
                    prequentialStrategy("online", 0.85 + shift, latency(210_000),
                            new FreshnessResult(percentiles(25, 100), percentiles(200, 2000), 4000, 0),
                            CostResult.of(5000, 1_500_000_000L, 1_200_000_000L)),
                    prequentialStrategy("majority", r == 0 ? Double.NaN : 0.60 + shift,
                            new LatencyResult(empty(), percentiles(1, 10), 10, 20), null,
                            CostResult.of(5000, 2_000_000L, 1_000_000L)));
            ProduceResult produce = new ProduceResult("sea", 6000, 6000, 0, 0, 0, Map.of(), List.of(DRIFT),
                    "sea-events", "sea-test", "sea-dlq", 6000);
            results.add(new RunResult(r, null, produce, strategies, 6500, 923.0 + r, 512L << 20, 128L << 20));
        }
        return new ExperimentResults(ExperimentResults.SCHEMA_VERSION, "prequential-test", "2026-01-01T00:00:00Z",
                "2026-01-01T00:01:00Z", null, null, null, null, results, Map.of());
    }

    /**
     * {@link #prequential} with batch and online deployed (majority is a reference strategy, never
     * deployed): each served a little worse than its ideal, batch's models far staler than online's.
     */
    private static ExperimentResults deployed(int runs) {
        List<RunResult> deployed = new ArrayList<>();
        for (RunResult run : prequential(runs).runs()) {
            double shift = 0.01 * run.repetition();
            List<StrategyResult> strategies = run.strategies().stream().map(s -> switch (s.strategy()) {
                case "batch" -> withServed(s, served(0.78 + shift, percentiles(1000, 2000)));
                case "online" -> withServed(s, served(0.84 + shift, percentiles(50, 150)));
                default -> s;
            }).toList();
            deployed.add(new RunResult(run.repetition(), run.seeds(), run.produce(), strategies, run.wallTimeMs(),
                    run.eventsPerSecond(), run.peakHeapBytes(), run.liveHeapBytes()));
        }
        return new ExperimentResults(ExperimentResults.SCHEMA_VERSION, "deployed-test", "2026-01-01T00:00:00Z",
                "2026-01-01T00:02:00Z", null, null, null, null, deployed, Map.of());
    }

    /**
     * A deployment of the 6,000 events, 1,000 of them history: window accuracy a point above
     * {@code accuracy} before the drift and eight below after it.
     */
    private static ServedResult served(double accuracy, Percentiles stalenessEvents) {
        List<PrequentialResult.CurvePoint> curve = new ArrayList<>();
        for (long event : CURVE_EVENTS) {
            curve.add(new PrequentialResult.CurvePoint(event, accuracy + (event >= DRIFT ? -0.08 : 0.01), 0.5,
                    accuracy, accuracy));
        }
        Map<String, Double> metrics = Map.of("accuracy", accuracy);
        PrequentialResult quality = new PrequentialResult(5000, metrics, metrics, accuracy, 0.5,
                new long[][] {{1, 0}, {0, 1}}, curve);
        TrainingSummary trainer = new TrainingSummary("trainer", "sea-events", List.of(), 6000, 0, 300, 50, 6000, 1500);
        return new ServedResult(6000, 6000, 0, 0, 1000, 5000, 0, 0, quality, percentiles(10_000, 20_000),
                stalenessEvents, percentiles(100, 300), percentiles(20, 40), percentiles(20, 60), 50, 48, trainer,
                1000, 1100);
    }

    private static StrategyResult withServed(StrategyResult s, ServedResult served) {
        return new StrategyResult(s.strategy(), s.model(), s.training(), s.holdout(), s.prequential(),
                s.learningCurve(), s.latency(), s.freshness(), s.cost(), s.keepingUp(), served);
    }

    /** With NaN at the first point of a curve when {@code first} is NaN: a window with nothing scored yet. */
    private static StrategyResult prequentialStrategy(String name, double first, LatencyResult latency,
                                                      FreshnessResult freshness, CostResult cost) {
        double level = Double.isNaN(first) ? 0.6 : first;
        List<PrequentialResult.CurvePoint> curve = new ArrayList<>();
        for (int i = 0; i < CURVE_EVENTS.length; i++) {
            double accuracy = i == 0 ? first : level + (CURVE_EVENTS[i] >= DRIFT ? -0.05 : 0.02);
            curve.add(new PrequentialResult.CurvePoint(CURVE_EVENTS[i], accuracy, 0.5, level, level));
        }
        Map<String, Double> metrics = Map.of("accuracy", level);
        PrequentialResult prequential = new PrequentialResult(5000, metrics, metrics, level, 0.5,
                new long[][] {{1, 0}, {0, 1}}, curve);
        return new StrategyResult(name, null, null, null, prequential, null, latency, freshness, cost, null, null);
    }

    /**
     * One run: batch and majority scored once on the test topic, online with a learning curve.
     * The summary holds accuracy and throughput, as the evaluator writes it, so the figures read
     * those from it; heap has only the peak.
     */
    private static ExperimentResults holdout() {
        List<LearningCurvePoint> curve = List.of(new LearningCurvePoint(100, 0.70, 0.6),
                new LearningCurvePoint(200, 0.85, 0.4), new LearningCurvePoint(300, 0.90, 0.3),
                new LearningCurvePoint(400, 0.93, 0.2));
        LatencyResult noPredictions = new LatencyResult(empty(), percentiles(5, 50), 100, -1);
        List<StrategyResult> strategies = List.of(
                new StrategyResult("batch", null, null, holdoutResult(0.95), null, null, noPredictions, null,
                        CostResult.of(400, 40_000_000L, 30_000_000L), null, null),
                new StrategyResult("online", null, null, holdoutResult(0.93), null, curve, noPredictions, null,
                        CostResult.of(400, 80_000_000L, 70_000_000L), null, null),
                new StrategyResult("majority", null, null, holdoutResult(0.55), null, List.of(), noPredictions, null,
                        CostResult.of(400, 100_000L, 50_000L), null, null));
        ProduceResult produce = new ProduceResult("bc", 700, 420, 280, 0, 0, Map.of(), List.of(), "bc-train",
                "bc-test", "bc-dlq", 300);
        RunResult run = new RunResult(0, null, produce, strategies, 3000, 140.0, 160L << 20, 0);
        Map<String, Map<String, Summary>> summary = new LinkedHashMap<>();
        for (StrategyResult s : strategies) {
            summary.put(s.strategy(), Map.of(
                    "accuracy", Summary.of(List.of(s.holdout().metric("accuracy"))),
                    "events_per_second", Summary.of(List.of(s.cost().eventsPerSecond()))));
        }
        return new ExperimentResults(ExperimentResults.SCHEMA_VERSION, "holdout-test", "2026-01-01T00:00:00Z",
                "2026-01-01T00:01:00Z", null, null, null, null, List.of(run), summary);
    }

    private static HoldoutResult holdoutResult(double accuracy) {
        return new HoldoutResult("bc-test", List.of(), 280, 0, Map.of("accuracy", accuracy),
                new long[][] {{1, 0}, {0, 1}}, 5);
    }

    /** Event → prediction latency, µs: mostly {@code typicalMicros}, with a tail ten times as long. */
    private static LatencyResult latency(long typicalMicros) {
        Histogram h = new Histogram(3);
        for (int i = 0; i < 990; i++) {
            h.recordValue(typicalMicros + i * 100L);
        }
        for (int i = 0; i < 10; i++) {
            h.recordValue(typicalMicros * 10);
        }
        return new LatencyResult(Percentiles.of(h), percentiles(100, 1000), 500, 600);
    }

    /** Values {@code low} to {@code high}, one each. */
    private static Percentiles percentiles(long low, long high) {
        Histogram h = new Histogram(3);
        for (long v = low; v <= high; v++) {
            h.recordValue(v);
        }
        return Percentiles.of(h);
    }

    private static Percentiles empty() {
        return Percentiles.of(new Histogram(3));
    }

    // ---- assertions -----------------------------------------------------------------------

    private void assertWritten(Figure figure) throws IOException {
        assertEquals(figure.id() + ".png", figure.png());
        assertEquals(figure.id() + ".svg", figure.svg());
        Path png = dir.resolve(figure.png());
        Path svg = dir.resolve(figure.svg());
        assertTrue(Files.size(png) > 0, png + " is empty");
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, png + " is not a readable PNG");
        assertEquals(1200, image.getWidth(), figure.id());
        assertEquals(800, image.getHeight(), figure.id());
        String vector = Files.readString(svg, StandardCharsets.UTF_8);
        assertTrue(vector.contains("<svg"), svg + " is not SVG");
        assertFalse(java.util.regex.Pattern.compile("\\d\\.\\d{2,}").matcher(vector).find(), svg + ": coordinates to a tenth");
        assertTrue(Files.size(svg) < 250_000, svg + " is " + Files.size(svg) + " bytes");
        try {
            javax.xml.parsers.DocumentBuilderFactory xml = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            assertEquals("svg", xml.newDocumentBuilder().parse(svg.toFile()).getDocumentElement().getNodeName());
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new AssertionError(svg + " is not well-formed XML: " + e, e);
        }
        assertFalse(figure.title().isBlank(), figure.id());
        assertFalse(figure.caption().isBlank(), figure.id());
        assertFalse(figure.seriesPoints().isEmpty(), figure.id() + " has no series");
        figure.seriesPoints().forEach((series, points) ->
                assertTrue(points > 0, figure.id() + ": series '" + series + "' has no points"));
    }

    private static List<String> ids(List<Figure> figures) {
        return figures.stream().map(Figure::id).toList();
    }

    private static Map<String, Figure> byId(List<Figure> figures) {
        Map<String, Figure> map = new LinkedHashMap<>();
        figures.forEach(f -> map.put(f.id(), f));
        return map;
    }
}
