package dev.tributary.reports.figures;

import dev.tributary.results.ExperimentResults;
import dev.tributary.results.PrequentialResult;
import dev.tributary.results.StrategyResult;
import dev.tributary.common.provenance.ProduceResult;
import org.knowm.xchart.XYChart;

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
 * Only prequential runs have these curves.
 */
final class PrequentialAccuracyFigure {

    static final String ID = "prequential-accuracy";

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

        Integer window = results.scenario() == null || results.scenario().evaluation() == null ? null
                : results.scenario().evaluation().window();
        String windowText = window == null ? "the last window" : "the last " + ChartStyle.number(window, 0) + " events";
        XYChart chart = ChartStyle.xyChart("Prequential accuracy over the stream",
                "stream position (events since the start, history included)",
                "accuracy over " + windowText + " (fraction correct)");
        chart.getStyler().setXAxisDecimalPattern("#,##0");
        curves.forEach((strategy, curve) -> CurvePlots.addBand(chart, strategy, curve, colors.get(strategy)));
        curves.forEach((strategy, curve) -> CurvePlots.addLine(chart, strategy, curve, colors.get(strategy)));
        double[] yRange = CurvePlots.accuracyRange(chart, curves.values());

        Set<Long> drifts = driftPositions(results);
        for (long position : drifts) {
            CurvePlots.addReference(chart, "drift @ " + ChartStyle.number(position, 0),
                    position, yRange[0], position, yRange[1]);
        }

        int runs = curves.values().stream().mapToInt(MeanCurve::runs).max().orElse(1);
        StringBuilder caption = new StringBuilder("Test-then-train accuracy over ").append(windowText)
                .append(", at regular positions of the stream, one line per strategy");
        if (runs > 1) {
            caption.append("; each line is the mean over ").append(ChartStyle.runs(runs))
                    .append(" and the shaded band its 95 % interval (mean ± t·s/√n at each position)");
        }
        caption.append('.');
        if (!drifts.isEmpty()) {
            caption.append(" Dashed vertical lines mark where the generator's concept changes (")
                    .append(String.join(", ", drifts.stream().map(p -> ChartStyle.number(p, 0)).toList()))
                    .append(").");
        }
        return Optional.of(new DrawnFigure(ID, caption.toString(), chart));
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
