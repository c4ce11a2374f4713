package dev.tributary.reports.figures;

import dev.tributary.common.config.Strategy;
import dev.tributary.common.metrics.MetricId;
import dev.tributary.results.ExperimentResults;
import dev.tributary.results.LearningCurvePoint;
import dev.tributary.results.StrategyResult;
import dev.tributary.results.stats.Summary;
import org.knowm.xchart.XYChart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@value #ID}: in a holdout run, test-topic accuracy as the incremental strategies learn
 * (their learning curves), against the batch model's final accuracy as a dashed horizontal
 * line: how many examples the stream learner needs to catch up.
 */
final class LearningCurveFigure {

    static final String ID = "learning-curve";

    private LearningCurveFigure() {
    }

    static Optional<DrawnFigure> draw(ExperimentResults results) {
        Map<String, Color> colors = ChartStyle.strategyColors(RunData.strategies(results));
        Map<String, MeanCurve> curves = new LinkedHashMap<>();
        for (String strategy : colors.keySet()) {
            List<double[][]> perRun = new ArrayList<>();
            for (StrategyResult result : RunData.across(results, strategy)) {
                if (result.learningCurve() != null && !result.learningCurve().isEmpty()) {
                    perRun.add(points(result.learningCurve()));
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

        XYChart chart = ChartStyle.xyChart("Learning curve on the test topic",
                "training examples seen (events)", "accuracy on the test topic (fraction correct)");
        chart.getStyler().setXAxisDecimalPattern("#,##0");
        curves.forEach((strategy, curve) -> CurvePlots.addBand(chart, strategy, curve, colors.get(strategy)));
        curves.forEach((strategy, curve) -> CurvePlots.addLine(chart, strategy, curve, colors.get(strategy)));

        String accuracy = MetricId.ACCURACY.key();
        Summary batch = curves.containsKey(Strategy.BATCH.key()) ? null
                : RunData.measure(results, Strategy.BATCH.key(), accuracy,
                        s -> s.holdout() == null ? null : s.holdout().metrics().get(accuracy));
        boolean batchLevel = batch != null && batch.n() > 0 && Double.isFinite(batch.mean());
        CurvePlots.accuracyRange(chart, curves.values(), batchLevel ? batch.mean() : Double.NaN);
        if (batchLevel) {
            double xMax = curves.values().stream().mapToDouble(c -> c.x()[c.size() - 1]).max().orElseThrow();
            // From 0: the batch model's level is what every point of the curve is measured against.
            CurvePlots.addReference(chart, Strategy.BATCH.key() + " (final model)", 0, batch.mean(), xMax, batch.mean());
        }

        int runs = curves.values().stream().mapToInt(MeanCurve::runs).max().orElse(1);
        StringBuilder caption = new StringBuilder("Accuracy of the model on the whole test topic as it learns, against the ")
                .append("number of training events it has seen (").append(String.join(", ", curves.keySet())).append(')');
        if (runs > 1) {
            caption.append("; mean over ").append(ChartStyle.runs(runs)).append(" with the 95 % interval shaded");
        }
        caption.append('.');
        if (batchLevel) {
            caption.append(" Dashed: the batch model's final test accuracy, ").append(ChartStyle.number(batch.mean(), 4));
            if (batch.n() > 1) {
                caption.append(" ± ").append(ChartStyle.number(RunData.errorBar(batch), 4)).append(" (95 % interval)");
            }
            caption.append('.');
        }
        return Optional.of(new DrawnFigure(ID, caption.toString(), chart));
    }

    private static double[][] points(List<LearningCurvePoint> curve) {
        double[] x = new double[curve.size()];
        double[] y = new double[curve.size()];
        for (int i = 0; i < curve.size(); i++) {
            x[i] = curve.get(i).examplesSeen();
            y[i] = curve.get(i).accuracy();
        }
        return new double[][] {x, y};
    }
}
