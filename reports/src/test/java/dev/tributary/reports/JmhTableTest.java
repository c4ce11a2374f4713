package dev.tributary.reports;

import dev.tributary.common.TributaryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JmhTableTest {

    /** Two entries as JMH 1.37 writes them with -rf json, trimmed to the fields it always writes. */
    private static final String JMH_JSON = """
            [
              {"jmh": "1.37", "benchmark": "dev.tributary.benchmarks.model.FitBenchmark.fit", "mode": "avgt",
               "threads": 1, "forks": 1, "warmupIterations": 3, "measurementIterations": 5,
               "params": {"batchSize": "32"},
               "primaryMetric": {"score": 4873.12, "scoreError": 310.5, "scoreUnit": "us/op",
                                 "rawData": [[4800.0, 4900.0]]},
               "secondaryMetrics": {}},
              {"jmh": "1.37", "benchmark": "dev.tributary.benchmarks.data.CsvCodecBenchmark.decode", "mode": "thrpt",
               "threads": 1, "forks": 2, "warmupIterations": 3, "measurementIterations": 5,
               "primaryMetric": {"score": 1.5, "scoreError": "NaN", "scoreUnit": "ops/us", "rawData": [[1.5]]},
               "secondaryMetrics": {}}
            ]
            """;

    @Test
    void oneRowPerBenchmarkWithItsParametersAndError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("jmh.json");
        Files.writeString(file, JMH_JSON);
        List<String[]> rows = JmhTable.rows(file);
        assertEquals(3, rows.size());
        assertArrayEquals(new String[] {"FitBenchmark.fit", "batchSize=32", "avgt", "4,873", "311", "us/op", "1 x 5"},
                rows.get(1));
        assertArrayEquals(new String[] {"CsvCodecBenchmark.decode", "", "thrpt", "1.500", "n/a", "ops/us", "2 x 5"},
                rows.get(2));
    }

    @Test
    void aFileThatIsNotJmhOutputIsRejectedNamingIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("results.json");
        Files.writeString(file, "{\"schemaVersion\": 2}");
        TributaryException e = assertThrows(TributaryException.class, () -> JmhTable.rows(file));
        assertTrue(e.getMessage().contains("results.json") && e.getMessage().contains("-rf json"), e.getMessage());
        assertThrows(TributaryException.class, () -> JmhTable.rows(dir.resolve("missing.json")));
    }
}
