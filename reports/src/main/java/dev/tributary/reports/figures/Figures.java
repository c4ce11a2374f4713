package dev.tributary.reports.figures;

import dev.tributary.common.AtomicFiles;
import dev.tributary.common.TributaryException;
import dev.tributary.results.ExperimentResults;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Draws a run's figures and writes each as {@code <id>.png} and {@code <id>.svg}, 1200×800.
 * The ids, in the order they are drawn:
 * <ul>
 *   <li>{@code prequential-accuracy}: windowed accuracy along the stream, per strategy, with drift positions;</li>
 *   <li>{@code learning-curve}: test-topic accuracy as the incremental strategies learn, against the batch model's;</li>
 *   <li>{@code latency}: event → prediction latency by percentile, in ms;</li>
 *   <li>{@code freshness}: events until an event is learned, by percentile;</li>
 *   <li>{@code throughput}: events per second per strategy, beside the producer's and the protocol's;</li>
 *   <li>{@code tradeoff-latency}: accuracy against p99 latency, one point per strategy;</li>
 *   <li>{@code tradeoff-throughput}: accuracy against events per second, one point per strategy;</li>
 *   <li>{@code cost}: CPU ms per 1,000 events per strategy;</li>
 *   <li>{@code heap}: the run's peak and live heap, in MB;</li>
 *   <li>{@code served-accuracy}: per deployed strategy, windowed accuracy along the stream of its ideal
 *       beside that of what its deployment served;</li>
 *   <li>{@code staleness}: events the serving model had not learned, by percentile, per deployed strategy;</li>
 *   <li>{@code tradeoff-staleness}: served accuracy against median staleness, one point per deployed strategy.</li>
 * </ul>
 * A figure whose data the results lack is not written: a holdout run has no prequential
 * curves, prediction latency or freshness; a prequential run has no learning curve; only a
 * deployed-mode run has the last three. With several repetitions, curves show the mean and a
 * 95 % band, points and bars a 95 % error bar, and percentile plots pool the runs' histograms.
 *
 * <p>The SVG files draw their text as outlines (XChart renders glyphs as shapes), so they look
 * the same without the fonts installed. Their coordinates are written to a tenth of a point
 * ({@link #roundCoordinates}): VectorGraphics2D writes every double in full, digits no screen
 * can show; with the grid's dashes ({@link ChartStyle}) they made each file 0.4–1.1 MB.
 */
public final class Figures {

    /** Every figure, in report order; each returns empty when the results hold nothing for it. */
    private static final List<Function<ExperimentResults, Optional<DrawnFigure>>> FIGURES = List.of(
            PrequentialAccuracyFigure::draw,
            LearningCurveFigure::draw,
            PercentileFigure::latency,
            PercentileFigure::freshness,
            ThroughputFigure::draw,
            TradeoffFigure::latency,
            TradeoffFigure::throughput,
            CostFigure::cost,
            CostFigure::heap,
            PrequentialAccuracyFigure::asServed,
            PercentileFigure::staleness,
            TradeoffFigure::staleness);

    private Figures() {
    }

    /**
     * Draws every figure the results have data for and writes it to {@code dir}, replacing
     * files of the same name (each written atomically).
     *
     * @param results a run, as read from results.json
     * @param dir     the output directory; created if missing
     * @return the figures written, in report order; empty if the results hold no run and no serve-bench
     * @throws TributaryException if a figure cannot be encoded or written
     */
    public static List<Figure> render(ExperimentResults results, Path dir) {
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(dir, "dir");
        List<Figure> figures = new ArrayList<>();
        if (!results.runs().isEmpty()) {
            for (Function<ExperimentResults, Optional<DrawnFigure>> figure : FIGURES) {
                figure.apply(results).ifPresent(drawn -> figures.add(write(drawn, dir)));
            }
        }
        // A serve-bench has no runs, only loads.
        ServingLatencyFigure.draw(results).ifPresent(drawn -> figures.add(write(drawn, dir)));
        return List.copyOf(figures);
    }

    /**
     * Draws and writes a critical-difference diagram (Demšar 2006).
     *
     * @param id           the figure id and file base name
     * @param measure      what was ranked
     * @param strategies   the strategies
     * @param averageRanks each one's average rank (1 = best)
     * @param cd           the Nemenyi critical difference
     * @param blocks       over how many streams
     * @param dir          the output directory
     * @return the figure written
     */
    public static Figure criticalDifference(String id, String measure, List<String> strategies, double[] averageRanks,
                                            double cd, int blocks, Path dir) {
        return write(CriticalDifferenceFigure.draw(id, measure, strategies, averageRanks, cd, blocks), dir);
    }

    /**
     * Draws and writes a suite grid's trade-off curve.
     *
     * @param id      the figure id and file base name
     * @param title   the title
     * @param xAxis   the cost axis's title
     * @param yAxis   the quality axis's title
     * @param curves  strategy → its points {cost, quality}, in the grid's order
     * @param caption what the report says of it
     * @param dir     the output directory
     * @return the figure written
     */
    public static Figure gridTradeoff(String id, String title, String xAxis, String yAxis,
                                      Map<String, List<double[]>> curves, String caption, Path dir) {
        return write(GridTradeoffFigure.draw(id, title, xAxis, yAxis, curves, caption), dir);
    }

    private static Figure write(DrawnFigure drawn, Path dir) {
        String png = drawn.id() + ".png";
        String svg = drawn.id() + ".svg";
        try {
            AtomicFiles.write(dir.resolve(png), BitmapEncoder.getBitmapBytes(drawn.chart(), BitmapEncoder.BitmapFormat.PNG));
            ByteArrayOutputStream vector = new ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(drawn.chart(), vector, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            AtomicFiles.write(dir.resolve(svg), roundCoordinates(vector.toString(java.nio.charset.StandardCharsets.UTF_8))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TributaryException("cannot encode figure '" + drawn.id() + "' into " + dir + ": " + e.getMessage(), e);
        }
        return new Figure(drawn.id(), drawn.title(), drawn.caption(), png, svg, drawn.seriesPoints());
    }

    /** A decimal number with two or more digits after its point: a coordinate, a width, an opacity. */
    private static final java.util.regex.Pattern LONG_DECIMAL = java.util.regex.Pattern.compile("-?\\d+\\.\\d{2,}");

    /**
     * @param svg an SVG document as VectorGraphics2D writes it
     * @return it with every decimal number rounded to one digit after the point: a tenth of a
     *         point on a 1200 × 800 figure is below any screen's or printer's resolution
     */
    static String roundCoordinates(String svg) {
        return LONG_DECIMAL.matcher(svg).replaceAll(m -> {
            java.math.BigDecimal rounded = new java.math.BigDecimal(m.group()).setScale(1, java.math.RoundingMode.HALF_UP);
            String text = rounded.stripTrailingZeros().toPlainString();
            return text.equals("-0") ? "0" : text;
        });
    }
}
