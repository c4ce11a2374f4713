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
 * file serves every scenario, while a CI job runs some of them. A gate applies to a results file
 * of its scenario's name only if it is the run the baseline recorded ({@link GatedRun}): floors
 * measured on 20,000 events say nothing of a 6,000-event run.
 */
public final class QualityGate {

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).disable(YAMLGenerator.Feature.SPLIT_LINES).build())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The gates file's layout. */
    record GatesFile(List<Gate> gates) {
    }

    private final List<Gate> gates;
    private final Map<String, Double> baseline;
    /** scenario/protocol → the run its baseline values were measured on. */
    private final Map<String, GatedRun> runs;

    private QualityGate(List<Gate> gates, Map<String, Double> baseline, Map<String, GatedRun> runs) {
        this.gates = List.copyOf(gates);
        this.baseline = baseline;
        this.runs = runs;
    }

    /**
     * The baseline file: the values, and the runs they were measured on. A baseline written
     * before runs were recorded is a bare mapping of values; it is still read, and gates every
     * run of a scenario's name until {@code --update-baseline} records the runs.
     *
     * @param values gate key → value
     * @param runs   scenario/protocol → the run's fingerprint and description
     */
    record BaselineFile(Map<String, Double> values, Map<String, GatedRun> runs) {
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
        Map<String, GatedRun> runs = new TreeMap<>();
        if (Files.isRegularFile(baselineFile)) {
            try {
                com.fasterxml.jackson.databind.JsonNode tree = YAML.readTree(baselineFile.toFile());
                if (tree != null && tree.has("values")) {
                    BaselineFile file = YAML.treeToValue(tree, BaselineFile.class);
                    baseline.putAll(file.values() == null ? Map.of() : file.values());
                    runs.putAll(file.runs() == null ? Map.of() : file.runs());
                } else if (tree != null && !tree.isMissingNode() && !tree.isNull()) {
                    baseline.putAll(YAML.convertValue(tree, new TypeReference<Map<String, Double>>() {
                    }));
                }
            } catch (IOException | IllegalArgumentException e) {
                throw new TributaryException("cannot read baseline " + baselineFile + ": " + e.getMessage(), e);
            }
        }
        return new QualityGate(gates == null ? List.of() : gates, baseline, runs);
    }

    /**
     * @param results runs to check
     * @return one result per gate that applies to them: same scenario name and protocol, and,
     *         where the baseline recorded the gated run, that run ({@link GatedRun})
     */
    public List<GateResult> check(List<ExperimentResults> results) {
        List<GateResult> outcomes = new ArrayList<>();
        for (Gate gate : gates) {
            for (ExperimentResults r : results) {
                if (named(gate, r) && mismatch(gate, r) == null) {
                    outcomes.add(check(gate, value(r, gate)));
                }
            }
        }
        return outcomes;
    }

    /**
     * @param results a run
     * @return why gates of its scenario's name do not apply to it, one line per gated run it is
     *         not (empty if it is the gated run, or no gate bears its name)
     */
    public List<String> mismatches(ExperimentResults results) {
        return gates.stream().filter(g -> named(g, results)).map(g -> mismatch(g, results))
                .filter(java.util.Objects::nonNull).distinct().toList();
    }

    private static boolean named(Gate gate, ExperimentResults r) {
        return r.scenario() != null && r.scenario().name().equals(gate.scenario()) && applies(gate, r);
    }

    private String mismatch(Gate gate, ExperimentResults r) {
        GatedRun gated = runs.get(runKey(gate));
        if (gated == null) {
            return null;
        }
        GatedRun run = GatedRun.of(r.scenario());
        return run.fingerprint().equals(gated.fingerprint()) ? null : "not the run gated as " + runKey(gate) + ": "
                + run.defines() + " (fingerprint " + run.fingerprint() + "), where the gates were measured on "
                + gated.defines() + " (" + gated.fingerprint() + ")";
    }

    private static String runKey(Gate gate) {
        return gate.scenario() + "/" + gate.protocol();
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
        Map<String, GatedRun> updatedRuns = new TreeMap<>(runs);
        int count = 0;
        for (Gate gate : gates) {
            for (ExperimentResults r : results) {
                double value = named(gate, r) ? value(r, gate) : Double.NaN;
                if (!Double.isNaN(value)) {
                    // The run these values come from becomes the gated one.
                    updated.put(gate.key(), Math.round(value * 1e4) / 1e4);
                    updatedRuns.put(runKey(gate), GatedRun.of(r.scenario()));
                    count++;
                }
            }
        }
        try {
            String header = "# Written by `tributary gate --update-baseline`: the values quality-gates.yaml's max-drop\n"
                    + "# is measured against, and the runs they were measured on (a results file of another run of\n"
                    + "# the same scenario name is not checked). Rewrite it on purpose, never to make a failing build pass.\n";
            AtomicFiles.write(baselineFile, (header + YAML.writeValueAsString(new BaselineFile(updated, updatedRuns)))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
