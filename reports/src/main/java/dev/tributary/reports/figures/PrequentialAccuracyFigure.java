package dev.tributary.reports.figures;

import dev.tributary.results.ExperimentResults;
import dev.tributary.results.PrequentialResult;
import dev.tributary.results.StrategyResult;
import dev.tributary.common.provenance.ProduceResult;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@value #ID}: windowed accuracy along the stream, a line per strategy, the mean over the
 * runs with its 95 % band, and the generator's drift positions as dashed vertical lines.
 * Only prequential runs have these curves. {@value #SERVED_ID} (deployed mode only): per
 * deployed strategy, the same curve of its ideal (dashed) beside that of what its deployment
 * served (solid), so that where and by how much serving fell behind shows along the stream.
 */
final class PrequentialAccuracyFigure {

    static final String ID = "prequential-accuracy";
    static final String SERVED_ID = "served-accuracy";

    private PrequentialAccuracyFigure() {
    }

    static Optional<DrawnFigure> draw(ExperimentResults results) {
        Map<String, Color> colors = ChartStyle.strategyColors(RunData.strategies(results));
        Map<String, MeanCurve> curves = new LinkedHashMap<>();
        for (String strategy : colors.keySet()) {
            List<double[][]> perRun = new ArrayList<>();
            for (StrategyResult result : RunData.across(results, strategy)) {
                if (result.prequential() != null && result.prequential().curve() != null) {
                    perRun.add(points(result.prequential().curve()));
                }
            }
            MeanCurve curve = MeanCurve.of(perRun);
            if (curve.size() > 0) {
                curves.put(strategy, curve);
            }
        }
        if (curves.isEmpty()) {
            return Optional.empty();
        }

        String windowText = windowText(results);
        XYChart chart = accuracyChart("Prequential accuracy over the stream", windowText);
        curves.forEach((strategy, curve) -> CurvePlots.addBand(chart, strategy, curve, colors.get(strategy)));
        curves.forEach((strategy, curve) -> CurvePlots.addLine(chart, strategy, curve, colors.get(strategy)));
        double[] yRange = CurvePlots.accuracyRange(chart, curves.values());
        Set<Long> drifts = addDrifts(chart, results, yRange);

        int runs = curves.values().stream().mapToInt(MeanCurve::runs).max().orElse(1);
        StringBuilder caption = new StringBuilder("Test-then-train accuracy over ").append(windowText)
                .append(", at regular positions of the stream, one line per strategy");
        if (runs > 1) {
            caption.append("; each line is the mean over ").append(ChartStyle.runs(runs))
                    .append(" and the shaded band its 95 % interval (mean ± t·s/√n at each position)");
        }
        caption.append('.').append(driftCaption(drifts, gradualWidth(results)));
        return Optional.of(new DrawnFigure(ID, caption.toString(), chart));
    }

    static Optional<DrawnFigure> asServed(ExperimentResults results) {
        Map<String, Color> colors = ChartStyle.strategyColors(RunData.strategies(results));
        Map<String, MeanCurve> ideal = new LinkedHashMap<>();
        Map<String, MeanCurve> served = new LinkedHashMap<>();
        for (String strategy : colors.keySet()) {
            List<double[][]> idealRuns = new ArrayList<>();
            List<double[][]> servedRuns = new ArrayList<>();
            for (StrategyResult result : RunData.across(results, strategy)) {
                // Only runs that deployed the strategy, so that both lines average the same runs.
                if (result.served() == null || result.served().quality().curve() == null) {
                    continue;
                }
                servedRuns.add(points(result.served().quality().curve()));
                if (result.prequential() != null && result.prequential().curve() != null) {
                    idealRuns.add(points(result.prequential().curve()));
                }
            }
            MeanCurve servedCurve = MeanCurve.of(servedRuns);
            if (servedCurve.size() > 0) {
                served.put(strategy, servedCurve);
                MeanCurve idealCurve = MeanCurve.of(idealRuns);
                if (idealCurve.size() > 0) {
                    ideal.put(strategy, idealCurve);
                }
            }
        }
        if (served.isEmpty()) {
            return Optional.empty();
        }

        String windowText = windowText(results);
        XYChart chart = accuracyChart("Ideal and served accuracy over the stream", windowText);
        // Bands for the served lines only: the figure is about them, and a second band per
        // strategy would hide the lines under four layers of shading.
        served.forEach((strategy, curve) -> CurvePlots.addBand(chart, servedName(strategy), curve,
                colors.get(strategy)));
        served.forEach((strategy, curve) -> {
            MeanCurve idealCurve = ideal.get(strategy);
            if (idealCurve != null) {
                XYSeries line = CurvePlots.addLine(chart, strategy + " ideal", idealCurve, colors.get(strategy));
                line.setLineStyle(SeriesLines.DASH_DASH);
                line.setMarker(SeriesMarkers.NONE);
            }
            CurvePlots.addLine(chart, servedName(strategy), curve, colors.get(strategy));
        });
        List<MeanCurve> all = new ArrayList<>(served.values());
        all.addAll(ideal.values());
        double[] yRange = CurvePlots.accuracyRange(chart, all);
        Set<Long> drifts = addDrifts(chart, results, yRange);

        int runs = served.values().stream().mapToInt(MeanCurve::runs).max().orElse(1);
        StringBuilder caption = new StringBuilder("Accuracy over ").append(windowText)
                .append(", at regular positions of the stream, for each deployed strategy (")
                .append(String.join(", ", served.keySet())).append("): dashed, its ideal (test-then-train in ")
                .append("process); solid, the predictions its deployment served, each made by the newest model the ")
                .append("scorer had. Where solid falls below dashed, the served models were behind the stream");
        if (runs > 1) {
            caption.append("; each line is the mean over ").append(ChartStyle.runs(runs))
                    .append(", the shaded band the 95 % interval of the served mean");
        }
        caption.append('.').append(driftCaption(drifts, gradualWidth(results)));
        return Optional.of(new DrawnFigure(SERVED_ID, caption.toString(), chart));
    }

    private static String servedName(String strategy) {
        return strategy + " served";
    }

    private static String windowText(ExperimentResults results) {
        Integer window = results.scenario() == null || results.scenario().evaluation() == null ? null
                : results.scenario().evaluation().window();
        return window == null ? "the last window" : "the last " + ChartStyle.number(window, 0) + " events";
    }

    private static XYChart accuracyChart(String title, String windowText) {
        XYChart chart = ChartStyle.xyChart(title, "stream position (events since the start, history included)",
                "accuracy over " + windowText + " (fraction correct)");
        chart.getStyler().setXAxisDecimalPattern("#,##0");
        return chart;
    }

    /**
     * @return the drift positions, each drawn as a dashed vertical line over the y range; a
     *         gradual drift also as a shaded band of its width, from p - w/2 to p + w/2, where the
     *         new concept's share rises from 12 % to 88 % (MOA's sigmoid)
     */
    private static Set<Long> addDrifts(XYChart chart, ExperimentResults results, double[] yRange) {
        Set<Long> drifts = driftPositions(results);
        long width = gradualWidth(results);
        for (long position : drifts) {
            if (width > 0) {
                XYSeries band = chart.addSeries("gradual drift @ " + ChartStyle.number(position, 0) + " (width "
                        + ChartStyle.number(width, 0) + ")", new double[] {position - width / 2.0, position + width / 2.0},
                        new double[] {yRange[1], yRange[1]});
                band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
                band.setFillColor(ChartStyle.translucent(ChartStyle.REFERENCE, 40));
                band.setLineColor(ChartStyle.translucent(ChartStyle.REFERENCE, 90)); // its legend swatch
                band.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
            }
            CurvePlots.addReference(chart, "drift @ " + ChartStyle.number(position, 0),
                    position, yRange[0], position, yRange[1]);
        }
        return drifts;
    }

    /** @return the width of the scenario's gradual drift, or 0 if its drift is not gradual */
    private static long gradualWidth(ExperimentResults results) {
        var source = results.scenario() == null ? null : results.scenario().source();
        var drift = source == null || source.generator() == null ? null : source.generator().drift();
        return drift != null && drift.kind() == dev.tributary.common.config.generator.DriftKind.GRADUAL ? drift.width() : 0;
    }

    private static String driftCaption(Set<Long> drifts, long width) {
        return drifts.isEmpty() ? "" : " Dashed vertical lines mark where the generator's concept changes ("
                + String.join(", ", drifts.stream().map(p -> ChartStyle.number(p, 0)).toList()) + ")"
                + (width > 0 ? "; each shaded band is the gradual drift's width (" + ChartStyle.number(width, 0)
                + " events), where the new concept's share of the events rises from 12 % to 88 %." : ".");
    }

    private static double[][] points(List<PrequentialResult.CurvePoint> curve) {
        double[] x = new double[curve.size()];
        double[] y = new double[curve.size()];
        for (int i = 0; i < curve.size(); i++) {
            x[i] = curve.get(i).event();
            y[i] = curve.get(i).windowAccuracy();
        }
        return new double[][] {x, y};
    }

    /** Positions from the first run: every repetition generates the same stream shape. */
    private static Set<Long> driftPositions(ExperimentResults results) {
        ProduceResult produce = results.runs().get(0).produce();
        Set<Long> positions = new LinkedHashSet<>();
        if (produce != null && produce.driftPositions() != null) {
            produce.driftPositions().stream().filter(Objects::nonNull).sorted().forEach(positions::add);
        }
        return positions;
    }
}
