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

import java.util.concurrent.TimeUnit;

/**
 * What one gradient step of the default MLP costs, by mini-batch size: {@link NeuralNetwork#fit}
 * on one batch of {@code batch} rows (forward pass, backpropagation and an Adam update of all
 * parameters). This is the unit a streaming learner pays per mini-batch and a batch learner pays
 * {@code epochs × rows / batch} times, so it decides how small a streaming batch can be before
 * training cannot keep up with the stream.
 *
 * <p>The score is the time per step (average, microseconds); the cost per row is score / batch.
 * Expect the step at batch 1 to cost well over a row's share of the step at 256: the Adam update
 * touches every parameter (67,329 in {@link ModelConfig#DEFAULT}) whatever the batch size,
 * and every one of the many native ops of a step (forward, backward and the update, per layer)
 * pays a fixed overhead. Compared with {@link InferenceBenchmark#batched} at the same number of
 * rows, a step should cost a few forward passes at large batches (backpropagation is about two
 * more matrix products per layer) and more than that at small ones, where those fixed costs
 * dominate. There is no {@code baseline()}: the fixed cost per call is what {@code batch = 1}
 * shows. As with inference, ND4J frees native buffers through the garbage collector, so part of
 * the score is GC work ({@code -prof gc}).
 *
 * <p>The network keeps learning from the same batch through the whole trial; the cost of a step
 * does not depend on the weights' values.
 *
 * <h2>How to run</h2>
 * <pre>
 * mvn -DskipTests package -pl benchmarks -am
 * OMP_NUM_THREADS=1 java -jar benchmarks/target/benchmarks.jar FitBenchmark
 * OMP_NUM_THREADS=1 java -jar benchmarks/target/benchmarks.jar FitBenchmark -p batch=32 -prof stack
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@State(Scope.Thread)
public class FitBenchmark {

    /** The rows in the mini-batch of one gradient step (50: sea-abrupt's stream batch). */
    @Param({"1", "32", "50", "256"})
    public int batch;

    /**
     * The network: {@code default} is {@link ModelConfig#DEFAULT} on 9 features; {@code sea} is
     * sea-abrupt's 3-64-64-1 (about 4,400 parameters), whose step is almost all fixed cost: a fit
     * of {@code fixed + batch × perRow} with this parameter's scores at batch 1 and 256 gives both.
     */
    @Param({"default", "sea"})
    public String network;

    private NeuralNetwork model;
    private double[][] features;
    private int[] labels;

    /** Builds the network and the mini-batch once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        boolean sea = network.equals("sea");
        int numFeatures = sea ? 3 : BenchmarkData.NUM_FEATURES;
        model = NeuralNetwork.create(sea ? new ModelConfig(java.util.List.of(64, 64), 1e-3) : ModelConfig.DEFAULT,
                numFeatures, BenchmarkData.NUM_CLASSES, BenchmarkData.SEED);
        labels = BenchmarkData.labels(batch, BenchmarkData.SEED);
        features = BenchmarkData.standardizedRows(labels, numFeatures, BenchmarkData.SEED + 1);
    }

    /**
     * Measures one gradient step on the mini-batch.
     *
     * @return the network, whose parameters the step changed
     */
    @Benchmark
    public NeuralNetwork fit() {
        model.fit(features, labels);
        return model;
    }
}
