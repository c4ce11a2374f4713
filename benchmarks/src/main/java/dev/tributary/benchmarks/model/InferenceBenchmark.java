package dev.tributary.benchmarks.model;

import dev.tributary.benchmarks.BenchmarkData;
import dev.tributary.common.config.ModelConfig;
import dev.tributary.model.NeuralNetwork;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * What one prediction of the default MLP costs, row by row against batched: the trade-off of
 * every serving path, which either scores each record as it arrives or waits to score a poll's
 * worth at once. The network is {@link ModelConfig#DEFAULT} (Dense 128 → 256 → 128, one sigmoid
 * output) on the breast-cancer shape, {@value BenchmarkData#NUM_FEATURES} features and
 * {@value BenchmarkData#NUM_CLASSES} classes, freshly initialised: a dense layer costs the same
 * whatever its weights.
 *
 * <p>Both methods score the same {@code rows} rows per call, so their scores compare directly:
 * <ul>
 *   <li>{@link #batched}: one {@code predictProbabilities} call with all {@code rows} rows;</li>
 *   <li>{@link #rowByRow}: {@code rows} calls of one row each.</li>
 * </ul>
 * The score is the time per call (average, microseconds); <b>the cost per row is score / rows</b>.
 * At {@code rows = 1} the two methods do the same work and must agree within the error; that is
 * the check that the harness adds nothing to either. As {@code rows} grows, {@link #rowByRow}
 * should grow in proportion (a fixed per-call cost: the conversion to an ND4J matrix, the native
 * calls of four layers, the copy back), while {@link #batched} should grow much more slowly
 * until the matrix products dominate. The ratio at 256 rows is the speed-up batching buys.
 *
 * <p>ND4J frees the native buffers of every call through the garbage collector (weak references
 * drained by its deallocator threads), so part of each score is GC work: {@code -prof gc} shows
 * it, and young pauses lengthen over a run as the backlog of pending deallocations builds up in
 * the old generation until a mixed collection clears it. A long-running consumer pays the same;
 * compare scores only between runs of the same length.
 *
 * <h2>How to run</h2>
 * <pre>
 * mvn -DskipTests package -pl benchmarks -am
 * OMP_NUM_THREADS=1 java -jar benchmarks/target/benchmarks.jar InferenceBenchmark
 * OMP_NUM_THREADS=1 java -jar benchmarks/target/benchmarks.jar 'InferenceBenchmark.batched' -p rows=256 -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@State(Scope.Thread)
public class InferenceBenchmark {

    /** The rows scored per benchmark call. */
    @Param({"1", "32", "256"})
    public int rows;

    private NeuralNetwork network;
    private double[][] batch;
    /** The rows of {@link #batch}, each wrapped as a one-row batch, so that no call allocates them. */
    private double[][][] singleRows;

    /** Builds the network and the rows once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        network = NeuralNetwork.create(ModelConfig.DEFAULT, BenchmarkData.NUM_FEATURES, BenchmarkData.NUM_CLASSES,
                BenchmarkData.SEED);
        batch = BenchmarkData.standardizedRows(rows);
        singleRows = new double[rows][][];
        for (int i = 0; i < rows; i++) {
            singleRows[i] = new double[][] {batch[i]};
        }
    }

    /**
     * Measures one call that scores all rows together.
     *
     * @return the class probabilities, one row per input row
     */
    @Benchmark
    public double[][] batched() {
        return network.predictProbabilities(batch);
    }

    /**
     * Measures one call per row, for all rows: what scoring each record on arrival costs.
     *
     * @param blackhole sinks each call's probabilities
     */
    @Benchmark
    public void rowByRow(Blackhole blackhole) {
        for (double[][] row : singleRows) {
            blackhole.consume(network.predictProbabilities(row));
        }
    }
}
