package dev.tributary.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.common.TributaryException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The microbenchmark table: JMH's JSON results ({@code -rf json}) as one row per benchmark and
 * parameter set, with the score's 99.9 % error as JMH reports it.
 */
public final class JmhTable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JmhTable() {
    }

    /**
     * @param file a JMH JSON result file
     * @return the table as rows of cells, the header first
     * @throws TributaryException if the file is missing or not JMH's JSON
     */
    public static List<String[]> rows(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new TributaryException("cannot read the JMH results " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new TributaryException(file + " is not JMH's JSON output (an array of benchmark results; "
                    + "run the benchmarks with -rf json)");
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"benchmark", "parameters", "mode", "score", "error (99.9 %)", "unit", "forks x iterations"});
        for (JsonNode b : root) {
            JsonNode metric = b.path("primaryMetric");
            if (!b.hasNonNull("benchmark") || !metric.has("score")) {
                throw new TributaryException(file + ": an entry without 'benchmark' or 'primaryMetric.score'");
            }
            rows.add(new String[] {shortName(b.get("benchmark").asText()), params(b.path("params")),
                    b.path("mode").asText(), number(metric.get("score").asDouble()),
                    number(metric.path("scoreError").asDouble(Double.NaN)), metric.path("scoreUnit").asText(),
                    b.path("forks").asInt() + " x " + b.path("measurementIterations").asInt()});
        }
        return rows;
    }

    /** {@code dev.tributary.benchmarks.model.FitBenchmark.fit} → {@code FitBenchmark.fit}. */
    private static String shortName(String benchmark) {
        int method = benchmark.lastIndexOf('.');
        int type = benchmark.lastIndexOf('.', method - 1);
        return benchmark.substring(type + 1);
    }

    private static String params(JsonNode params) {
        List<String> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            parts.add(e.getKey() + "=" + e.getValue().asText());
        }
        return String.join(", ", parts);
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.3f", value);
    }
}
