package dev.tributary.benchmarks.model;

import dev.tributary.benchmarks.BenchmarkData;
import dev.tributary.model.Standardizer;
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

import java.util.concurrent.TimeUnit;

/**
 * What the incremental standardisation in front of every network costs for one batch of
 * {@value #ROWS} raw rows of {@value BenchmarkData#NUM_FEATURES} features: {@link #update}
 * (Welford's running mean and variance, one row at a time) and {@link #transform} (a new
 * standardised copy of the rows). A streaming learner pays both per mini-batch, before its gradient
 * step, so both should be negligible next to {@link FitBenchmark} at the same batch size.
 *
 * <p>Scores are the time per call of {@value #ROWS} rows (average, nanoseconds); per row,
 * divide by {@value #ROWS}. {@link #baseline} allocates and fills a copy of the rows, which
 * {@link #transform} also does, so the difference between the two is the arithmetic;
 * {@link #update} allocates nothing and should sit in the same range (a division per value).
 *
 * <h2>How to run</h2>
 * <pre>
 * mvn -DskipTests package -pl benchmarks -am
 * OMP_NUM_THREADS=1 java -jar benchmarks/target/benchmarks.jar StandardizerBenchmark
 * OMP_NUM_THREADS=1 java -jar benchmarks/target/benchmarks.jar 'StandardizerBenchmark.transform' -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@State(Scope.Thread)
public class StandardizerBenchmark {

    /** The rows per call: the stream trainer's default mini-batch ({@code stream.batch-size}). */
    static final int ROWS = 32;

    /** Rows the statistics have seen before the trial starts, so that no value is a first one. */
    private static final int HISTORY_ROWS = 1_000;

    private Standardizer standardizer;
    private double[][] batch;

    /** Builds statistics over {@value #HISTORY_ROWS} rows and the batch once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        standardizer = new Standardizer(BenchmarkData.NUM_FEATURES);
        standardizer.update(BenchmarkData.rawRows(HISTORY_ROWS));
        batch = BenchmarkData.rawRows(ROWS);
    }

    /**
     * Measures copying the rows into new arrays: the allocation {@link #transform} cannot avoid.
     *
     * @return the copy
     */
    @Benchmark
    public double[][] baseline() {
        double[][] copy = new double[batch.length][];
        for (int i = 0; i < batch.length; i++) {
            copy[i] = batch[i].clone();
        }
        return copy;
    }

    /**
     * Measures adding the batch to the running statistics. The same rows are added again on
     * every call; the count grows, the cost per row does not.
     *
     * @return the standardizer, whose statistics changed
     */
    @Benchmark
    public Standardizer update() {
        standardizer.update(batch);
        return standardizer;
    }

    /**
     * Measures standardising the batch with the current statistics.
     *
     * @return the standardised copies
     */
    @Benchmark
    public double[][] transform() {
        return standardizer.transform(batch);
    }
}
