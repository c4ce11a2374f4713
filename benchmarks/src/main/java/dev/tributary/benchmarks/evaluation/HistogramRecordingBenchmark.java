package dev.tributary.benchmarks.evaluation;

import dev.tributary.benchmarks.BenchmarkData;
import org.HdrHistogram.Histogram;
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

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * What recording one latency costs in the histograms the experiment runner keeps per strategy:
 * {@code new Histogram(3)} (auto-resizing, 3 significant digits) and
 * {@link Histogram#recordValue}, as {@code StrategyDriver} records end-to-end latency in
 * microseconds. HdrHistogram's own recording benchmark ({@code HdrHistogramRecordingBench})
 * puts this at a few nanoseconds; ours should agree, i.e. a few nanoseconds above
 * {@link #baseline}, which does the same cycling through the pre-generated values and returns
 * the value instead of recording it.
 *
 * <p>The {@value #VALUES} latencies are log-uniform between 1 microsecond and 10 seconds, so
 * that successive values land in different buckets and sub-buckets instead of one hot counter.
 * All of them are recorded once in set-up, so the auto-resizing histogram has already grown to
 * its final range and no measured call resizes it. Scores are the time per value (average,
 * nanoseconds); {@code -prof gc} should show no allocation.
 *
 * <h2>How to run</h2>
 * <pre>
 * mvn -DskipTests package -pl benchmarks -am
 * java -jar benchmarks/target/benchmarks.jar HistogramRecordingBenchmark
 * java -jar benchmarks/target/benchmarks.jar HistogramRecordingBenchmark -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@State(Scope.Thread)
public class HistogramRecordingBenchmark {

    /** Pre-generated latencies, a power of two so that the next index is a mask. */
    static final int VALUES = 65_536;

    /** The largest latency generated, in microseconds (10 s). */
    private static final double MAX_LATENCY_MICROS = 10_000_000;

    private Histogram histogram;
    private long[] latencyMicros;
    private int next;

    /** Generates the latencies and records them all once, per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(BenchmarkData.SEED);
        latencyMicros = new long[VALUES];
        for (int i = 0; i < VALUES; i++) {
            latencyMicros[i] = Math.round(Math.pow(MAX_LATENCY_MICROS, random.nextDouble()));
        }
        histogram = new Histogram(3);
        for (long latency : latencyMicros) {
            histogram.recordValue(latency);
        }
    }

    /**
     * Measures picking the next pre-generated latency: the part of {@link #recordValue} that is
     * not the histogram.
     *
     * @return the latency, in microseconds
     */
    @Benchmark
    public long baseline() {
        return latencyMicros[next++ & (VALUES - 1)];
    }

    /**
     * Measures recording one latency.
     *
     * @return the histogram, whose counts changed
     */
    @Benchmark
    public Histogram recordValue() {
        histogram.recordValue(latencyMicros[next++ & (VALUES - 1)]);
        return histogram;
    }
}
