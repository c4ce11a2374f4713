package dev.tributary.benchmarks.data;

import dev.tributary.benchmarks.BenchmarkData;
import dev.tributary.common.data.Example;
import dev.tributary.common.data.ExampleCodec;
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

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * What the Kafka wire format costs per record of {@value BenchmarkData#NUM_FEATURES} features:
 * {@link ExampleCodec#encodeValue} (the producer's side) and {@link ExampleCodec#decode} with
 * its validation (every consumer's side), against a {@link #baseline} that returns a constant,
 * i.e. the harness's own cost per call. Both should be far below a millisecond, so that neither
 * limits the rates a scenario asks for (thousands of events per second).
 *
 * <p>{@code values} chooses the features' form. {@code integral}: whole numbers 1 to 10, as in
 * the breast-cancer data, written without a fraction (short text, the fast path of the encoder).
 * {@code fractional}: values with a full double fraction, as the synthetic generators produce,
 * written as their shortest exact digits (Schubfach, up to 17 significant digits) and parsed
 * back by FastDoubleParser (bit for bit {@link Double#parseDouble(String)}; see
 * {@code ExampleCodec}). Expect {@code fractional} to cost several times more in both
 * directions: formatting and parsing 17-digit numbers dominate.
 * Scores are the time per record (average, nanoseconds).
 *
 * <h2>How to run</h2>
 * <pre>
 * mvn -DskipTests package -pl benchmarks -am
 * java -jar benchmarks/target/benchmarks.jar CsvCodecBenchmark
 * java -jar benchmarks/target/benchmarks.jar 'CsvCodecBenchmark.decode' -p values=fractional -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@State(Scope.Thread)
public class CsvCodecBenchmark {

    /** The form of the feature values: {@code integral} (1 to 10) or {@code fractional}. */
    @Param({"integral", "fractional"})
    public String values;

    private ExampleCodec codec;
    private double[] features;
    private byte[] key;
    private byte[] value;

    /** Builds one example and its encoded key and value once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        codec = new ExampleCodec(BenchmarkData.NUM_FEATURES, BenchmarkData.NUM_CLASSES);
        switch (values) {
            case "integral" -> {
                Random random = new Random(BenchmarkData.SEED);
                features = new double[BenchmarkData.NUM_FEATURES];
                for (int j = 0; j < features.length; j++) {
                    features[j] = 1 + random.nextInt(10);
                }
            }
            case "fractional" -> features = BenchmarkData.rawRows(1)[0];
            default -> throw new IllegalArgumentException(
                    "-p values=" + values + " is not one of integral, fractional");
        }
        key = ExampleCodec.encodeKey(1);
        value = ExampleCodec.encodeValue(features);
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
     * Measures writing the features as one CSV line of UTF-8 bytes.
     *
     * @return the record value
     */
    @Benchmark
    public byte[] encodeValue() {
        return ExampleCodec.encodeValue(features);
    }

    /**
     * Measures parsing and validating a record's key and value.
     *
     * @return the decoded example
     */
    @Benchmark
    public Example decode() {
        return codec.decode(key, value);
    }
}
