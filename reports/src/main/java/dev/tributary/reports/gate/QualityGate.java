package dev.tributary.reports.gate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.tributary.common.AtomicFiles;
import dev.tributary.common.config.Mode;
import dev.tributary.common.TributaryException;
import dev.tributary.common.config.ConfigException;
import dev.tributary.results.ExperimentResults;
import dev.tributary.results.stats.Summary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks results against the gates of a {@code quality-gates.yaml} and the values of a baseline
 * file. Gates whose scenario and protocol are not among the results are not evaluated: a gate
 * file serves every scenario, while a CI job runs some of them.
 */
public final class QualityGate {

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The gates file's layout. */
    record GatesFile(List<Gate> gates) {
    }

    private final List<Gate> gates;
    private final Map<String, Double> baseline;

    private QualityGate(List<Gate> gates, Map<String, Double> baseline) {
        this.gates = List.copyOf(gates);
        this.baseline = baseline;
    }

    /**
     * @param gatesFile    a quality-gates.yaml
     * @param baselineFile a baseline file (may not exist yet: then no drop is checked)
     * @return the gate
     * @throws ConfigException    if the gates file is invalid
     * @throws TributaryException if a file cannot be read
     */
    public static QualityGate load(Path gatesFile, Path baselineFile) {
        if (!Files.isRegularFile(gatesFile)) {
            throw new TributaryException("quality gates file not found: " + gatesFile);
        }
        List<Gate> gates;
        try {
            gates = YAML.readValue(gatesFile.toFile(), GatesFile.class).gates();
        } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
            throw e.getCause() instanceof ConfigException c ? c : new ConfigException(gatesFile.toString(), e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(gatesFile.toString(), "an unreadable gates file",
                    "a YAML mapping with a 'gates' list (" + e.getMessage() + ")");
        }
        Map<String, Double> baseline = new TreeMap<>();
        if (Files.isRegularFile(baselineFile)) {
            try {
                baseline.putAll(YAML.readValue(baselineFile.toFile(), new TypeReference<Map<String, Double>>() {
                }));
            } catch (IOException e) {
                throw new TributaryException("cannot read baseline " + baselineFile + ": " + e.getMessage(), e);
            }
        }
        return new QualityGate(gates == null ? List.of() : gates, baseline);
    }

    /**
     * @param results runs to check
     * @return one result per gate that applies to them
     */
    public List<GateResult> check(List<ExperimentResults> results) {
        List<GateResult> outcomes = new ArrayList<>();
        for (Gate gate : gates) {
            for (ExperimentResults r : results) {
                if (r.scenario() != null && r.scenario().name().equals(gate.scenario()) && applies(gate, r)) {
                    outcomes.add(check(gate, value(r, gate)));
                }
            }
        }
        return outcomes;
    }

    private GateResult check(Gate gate, double value) {
        double base = baseline.getOrDefault(gate.key(), Double.NaN);
        if (Double.isNaN(value)) {
            return new GateResult(gate, value, base, false, "no value for " + gate.metric() + " in the results");
        }
        if (gate.min() != null && value < gate.min()) {
            return new GateResult(gate, value, base, false, String.format(Locale.ROOT, "%s %.4f is below the minimum %.4f",
                    gate.metric(), value, gate.min()));
        }
        if (gate.max() != null && value > gate.max()) {
            return new GateResult(gate, value, base, false, String.format(Locale.ROOT, "%s %.4f is above the maximum %.4f",
                    gate.metric(), value, gate.max()));
        }
        double worsening = gate.direction().worsening(base, value);
        if (gate.maxDrop() != null && !Double.isNaN(base) && worsening > gate.maxDrop() + 1e-12) {
            return new GateResult(gate, value, base, false, String.format(Locale.ROOT,
                    "%s %.4f is %.4f worse than the baseline %.4f (%s; allowed %.4f)", gate.metric(), value,
                    worsening, base, gate.direction(), gate.maxDrop()));
        }
        return new GateResult(gate, value, base, true, "ok");
    }

    private static boolean applies(Gate gate, ExperimentResults r) {
        return gate.protocol().equals(Gate.DEPLOYED) ? r.scenario().mode() == Mode.DEPLOYED
                : r.scenario().protocol().key().equals(gate.protocol());
    }

    private static double value(ExperimentResults results, Gate gate) {
        Map<String, Summary> measures = results.summary().get(gate.strategy());
        String key = gate.protocol().equals(Gate.DEPLOYED) ? gate.metricId().servedKey() : gate.metric();
        Summary summary = measures == null ? null : measures.get(key);
        return summary == null ? Double.NaN : summary.mean();
    }

    /**
     * Records the current values of every applicable gate as the new baseline, on purpose.
     *
     * @param results      the runs whose values become the baseline
     * @param baselineFile the file to rewrite
     * @return the number of values recorded
     */
    public int updateBaseline(List<ExperimentResults> results, Path baselineFile) {
        Map<String, Double> updated = new TreeMap<>(baseline);
        int count = 0;
        for (GateResult r : check(results)) {
            if (!Double.isNaN(r.value())) {
                updated.put(r.gate().key(), Math.round(r.value() * 1e4) / 1e4);
                count++;
            }
        }
        try {
            String header = "# Written by `tributary gate --update-baseline`: the values quality-gates.yaml's max-drop\n"
                    + "# is measured against. Rewrite it on purpose, never to make a failing build pass.\n";
            AtomicFiles.write(baselineFile, (header + YAML.writeValueAsString(updated)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TributaryException("cannot write baseline " + baselineFile + ": " + e, e);
        }
        return count;
    }

    /**
     * @param outcomes gate results
     * @return a fixed-width table of them, failures first
     */
    public static String table(List<GateResult> outcomes) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-6s %-52s %10s %10s  %s%n", "", "gate",
                "value", "baseline", "reason"));
        outcomes.stream().sorted((a, b) -> Boolean.compare(a.passed(), b.passed())).forEach(r ->
                out.append(String.format(Locale.ROOT, "%-6s %-52s %10.4f %10s  %s%n", r.passed() ? "ok" : "FAIL",
                        r.gate().key(), r.value(), Double.isNaN(r.baseline()) ? "-"
                                : String.format(Locale.ROOT, "%.4f", r.baseline()), r.reason())));
        return out.toString();
    }
}
