package dev.tributary.benchmarks.evaluation;

import dev.tributary.benchmarks.BenchmarkData;
import dev.tributary.evaluation.metrics.ClassificationEvaluation;
import dev.tributary.evaluation.metrics.PrequentialEvaluator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * What prequential scoring costs: {@link PrequentialEvaluator#add} once per event (2 classes,
 * a window of {@value #WINDOW_SIZE} examples, the default fading factor), which updates the
 * cumulative counts, the AUC histograms, the window's ring buffer and the fading sums; and
 * {@link #window}, the sliding-window evaluation a report asks for now and then.
 *
 * <p>{@link #add} cycles through {@value #INPUTS} pre-generated (label, probabilities) pairs;
 * {@link #baseline} does the same cycling and returns the pair's probabilities, so
 * {@code add - baseline} is the evaluator's own cost. That should be tens of nanoseconds at most
 * (O(1) work: a log, a few array writes), i.e. negligible next to one inference
 * ({@code InferenceBenchmark}). The evaluator is full before the first measured call, so the
 * window is always sliding. {@link #window} is O(w log w) (it sorts for the exact AUC) and is
 * reported in microseconds; it is what one point of a learning curve costs.
 *
 * <h2>How to run</h2>
 * <pre>
 * mvn -DskipTests package -pl benchmarks -am
 * java -jar benchmarks/target/benchmarks.jar PrequentialEvaluatorBenchmark
 * java -jar benchmarks/target/benchmarks.jar 'PrequentialEvaluatorBenchmark.add' -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@State(Scope.Thread)
public class PrequentialEvaluatorBenchmark {

    /** The examples the sliding window covers. */
    static final int WINDOW_SIZE = 1_000;

    /** Pre-generated inputs, a power of two so that the next index is a mask. */
    static final int INPUTS = 4_096;

    /** The probability that the simulated model predicts the right class. */
    private static final double ACCURACY = 0.9;

    private PrequentialEvaluator evaluator;
    private int[] labels;
    private double[][] probabilities;
    private int next;

    /** Builds the inputs and fills the evaluator past its window once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        labels = BenchmarkData.labels(INPUTS, BenchmarkData.SEED);
        probabilities = new double[INPUTS][];
        Random random = new Random(BenchmarkData.SEED + 1);
        for (int i = 0; i < INPUTS; i++) {
            // P(class 1) on the right side of 1/2 with probability ACCURACY, anywhere on that side.
            boolean predictsOne = (labels[i] == 1) == (random.nextDouble() < ACCURACY);
            double half = 0.5 * random.nextDouble();
            double p1 = predictsOne ? 0.5 + half : 0.5 - half;
            probabilities[i] = new double[] {1 - p1, p1};
        }
        evaluator = new PrequentialEvaluator(BenchmarkData.NUM_CLASSES, WINDOW_SIZE,
                PrequentialEvaluator.DEFAULT_FADING_FACTOR);
        for (int i = 0; i < INPUTS; i++) {
            evaluator.add(labels[i], probabilities[i]);
        }
    }

    /**
     * Measures picking the next pre-generated input: the part of {@link #add} that is not the
     * evaluator.
     *
     * @return the input's probabilities
     */
    @Benchmark
    public double[] baseline() {
        int i = next++ & (INPUTS - 1);
        return probabilities[i];
    }

    /**
     * Measures scoring one event.
     *
     * @return the evaluator, whose state the event changed
     */
    @Benchmark
    public PrequentialEvaluator add() {
        int i = next++ & (INPUTS - 1);
        evaluator.add(labels[i], probabilities[i]);
        return evaluator;
    }

    /**
     * Measures evaluating the full window of {@value #WINDOW_SIZE} examples.
     *
     * @return the window's metrics
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public ClassificationEvaluation window() {
        return evaluator.window();
    }
}
