package dev.tributary.benchmarks.producer;

import dev.tributary.benchmarks.BenchmarkData;
import dev.tributary.common.config.generator.GeneratorSpec;
import dev.tributary.common.config.generator.HyperplaneSpec;
import dev.tributary.common.config.generator.RandomRbfSpec;
import dev.tributary.common.config.generator.SeaSpec;
import dev.tributary.common.config.generator.StreamSpec;
import dev.tributary.common.data.Example;
import dev.tributary.producer.generator.ExampleGenerator;
import dev.tributary.producer.generator.Generators;
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
 * What drawing one example costs from each synthetic stream the scenarios use, built as the
 * producer builds it ({@link Generators#create(StreamSpec, long)}: one concept, no drift, so
 * the drift wrapper's cost is included). {@code generator} chooses the stream, with the
 * parameters of the bundled scenarios:
 * <ul>
 *   <li>{@code sea}: SEA function 1, 10% noise (3 features);</li>
 *   <li>{@code hyperplane}: 10 dimensions, 2 drifting weights, magnitude 0, 5% noise,
 *       10% reversal (as {@code hyperplane-gradual});</li>
 *   <li>{@code rbf}: 10 dimensions, 2 classes, 50 centroids, all 50 drifting at speed 0.001
 *       (as {@code rbf-drift}), so every event moves every centroid.</li>
 * </ul>
 * Expect {@code sea} near {@link #baseline} plus a few random draws and an allocation,
 * {@code hyperplane} a few times that (ten draws and a dot product), and {@code rbf} the most
 * (a weighted centroid choice and 50 centroid moves of 10 dimensions per event). Even that should
 * be microseconds at most: generation must never be what limits a scenario's event rate.
 * Scores are the time per example (average, nanoseconds).
 *
 * <h2>How to run</h2>
 * <pre>
 * mvn -DskipTests package -pl benchmarks -am
 * java -jar benchmarks/target/benchmarks.jar GeneratorBenchmark
 * java -jar benchmarks/target/benchmarks.jar 'GeneratorBenchmark.next' -p generator=rbf -prof stack
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@State(Scope.Thread)
public class GeneratorBenchmark {

    /** The stream: {@code sea}, {@code hyperplane} or {@code rbf}. */
    @Param({"sea", "hyperplane", "rbf"})
    public String generator;

    private ExampleGenerator stream;

    /** Builds the stream once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        GeneratorSpec concept = switch (generator) {
            case "sea" -> new SeaSpec(1, 0.1);
            case "hyperplane" -> new HyperplaneSpec(10, 2, 0.0, 0.05, 0.1);
            case "rbf" -> new RandomRbfSpec(10, 2, 50, 50, 0.001);
            default -> throw new IllegalArgumentException(
                    "-p generator=" + generator + " is not one of sea, hyperplane, rbf");
        };
        stream = Generators.create(StreamSpec.of(concept), BenchmarkData.SEED);
    }

    /**
     * Measures the harness alone: a call that returns a constant.
     *
     * @return 42
     */
    @Benchmark
    public int baseline() {
        return 42;
    }

    /**
     * Measures drawing the next example.
     *
     * @return the example
     */
    @Benchmark
    public Example next() {
        return stream.next();
    }
}
