package dev.tributary.benchmarks;

import dev.tributary.benchmarks.data.CsvCodecBenchmark;
import dev.tributary.benchmarks.evaluation.HistogramRecordingBenchmark;
import dev.tributary.benchmarks.evaluation.PrequentialEvaluatorBenchmark;
import dev.tributary.benchmarks.model.FitBenchmark;
import dev.tributary.benchmarks.model.InferenceBenchmark;
import dev.tributary.benchmarks.model.StandardizerBenchmark;
import dev.tributary.benchmarks.producer.GeneratorBenchmark;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Checks, without running any benchmark, that the annotation processor listed every benchmark
 * class in {@code META-INF/BenchmarkList} (the list {@code benchmarks.jar} runs from) and that
 * each pins its warmup, measurement and fork, so that two runs of the jar are comparable.
 */
class BenchmarkListTest {

    private static final List<Class<?>> BENCHMARKS = List.of(
            InferenceBenchmark.class, FitBenchmark.class, StandardizerBenchmark.class,
            CsvCodecBenchmark.class, PrequentialEvaluatorBenchmark.class,
            HistogramRecordingBenchmark.class, GeneratorBenchmark.class);

    @Test
    void everyBenchmarkClassIsInTheGeneratedList() {
        PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
        Set<String> listed = new TreeSet<>();
        for (BenchmarkListEntry entry : BenchmarkList.defaultList()
                .getAll(OutputFormatFactory.createFormatInstance(silent, VerboseMode.SILENT), List.of())) {
            listed.add(entry.getUserClassQName());
        }
        Set<String> expected = new TreeSet<>();
        BENCHMARKS.forEach(c -> expected.add(c.getName()));
        assertEquals(expected, listed, "META-INF/BenchmarkList should name exactly the benchmark classes");
    }

    @Test
    void everyBenchmarkPinsItsIterationsAndForksWithTwoGigabytesOfHeap() {
        for (Class<?> benchmark : BENCHMARKS) {
            Warmup warmup = benchmark.getAnnotation(Warmup.class);
            Measurement measurement = benchmark.getAnnotation(Measurement.class);
            Fork fork = benchmark.getAnnotation(Fork.class);
            assertNotNull(warmup, benchmark.getSimpleName() + " should pin @Warmup");
            assertNotNull(measurement, benchmark.getSimpleName() + " should pin @Measurement");
            assertNotNull(fork, benchmark.getSimpleName() + " should pin @Fork");
            assertEquals(1, fork.value(), benchmark.getSimpleName() + " forks");
            assertArrayEquals(new String[] {"-Xmx2g"}, fork.jvmArgsAppend(),
                    benchmark.getSimpleName() + " fork JVM arguments");
        }
    }
}
