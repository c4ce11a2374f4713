package dev.tributary.common.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.tributary.common.TributaryException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A suite: many runs, one per cell (scenario × grid point × seed), each a scenario of its own with
 * the suite's settings, the grid point's and the seed applied over it. Loaded from YAML; every
 * cell's scenario is bound, and so validated, before anything runs ({@link #cells()}).
 *
 * <pre>
 * name: quick
 * scenarios:                                              # built-in names or scenario files,
 *   - sea-abrupt                                          # each with settings of its own if need be
 *   - {scenario: rbf-drift, settings: {source.events: 4000}}
 * seeds: [1, 2]                                           # one cell per seed
 * settings: {source.events: 4000, rate.events-per-second: 0}   # any scenario key, every cell
 * grid: {stream.mini-batch: [10, 100]}                    # any scenario key, a list of values
 * </pre>
 *
 * @param name      the suite's name: its cells' topics are named after it
 * @param scenarios built-in scenario names or scenario files (each with settings of its own, which
 *                  apply after the suite's), in the order the report lists them
 * @param seeds     the master seeds: one cell per seed (default: the scenario's own seed)
 * @param settings  scenario key path → value, applied to every cell (e.g. {@code strategies},
 *                  {@code protocol}, {@code mode}, {@code source.events})
 * @param grid      scenario key path → values: one cell per combination, in the keys' order
 */
public record SuiteConfig(String name, List<Entry> scenarios, List<Long> seeds, Map<String, Object> settings,
                          Map<String, List<Object>> grid) {

    /**
     * A scenario of the suite.
     *
     * @param scenario a built-in scenario's name or a scenario file
     * @param settings key path → value for this scenario's cells alone (after the suite's)
     */
    public record Entry(String scenario, Map<String, Object> settings) {

        /**
         * @throws ConfigException if the scenario is missing
         */
        public Entry {
            ConfigException.require(scenario != null && !scenario.isBlank(), "scenarios[].scenario", scenario,
                    "a built-in scenario's name or a scenario file");
            settings = settings == null ? Map.of() : new LinkedHashMap<>(settings);
        }

        /**
         * @param scenario a built-in scenario's name or a scenario file
         * @return it without settings of its own (a suite file's plain list entry)
         */
        @com.fasterxml.jackson.annotation.JsonCreator(mode = com.fasterxml.jackson.annotation.JsonCreator.Mode.DELEGATING)
        public static Entry of(String scenario) {
            return new Entry(scenario, Map.of());
        }
    }

    /**
     * @throws ConfigException naming the key, if a part is missing or empty
     */
    public SuiteConfig {
        ConfigException.require(name != null && name.matches("[A-Za-z0-9._-]{1,100}"), "name", name,
                "a topic-safe name (letters, digits, '.', '_', '-')");
        ConfigException.require(scenarios != null && !scenarios.isEmpty(), "scenarios", scenarios,
                "a list of built-in scenario names or scenario files");
        scenarios = List.copyOf(scenarios);
        seeds = seeds == null ? List.of() : List.copyOf(seeds);
        settings = settings == null ? Map.of() : new LinkedHashMap<>(settings);
        grid = grid == null ? Map.of() : new LinkedHashMap<>(grid);
        for (Map.Entry<String, List<Object>> axis : grid.entrySet()) {
            ConfigException.require(axis.getValue() != null && !axis.getValue().isEmpty(), "grid." + axis.getKey(),
                    axis.getValue(), "a list of one or more values");
            ConfigException.require(!settings.containsKey(axis.getKey()), "grid." + axis.getKey(), axis.getKey(),
                    "a key that settings does not also set");
        }
    }

    /**
     * One run of the suite.
     *
     * @param index    its place in the suite, from 0 (what {@code --shard} divides)
     * @param scenario the scenario's name or file, as the suite names it
     * @param point    the grid point: key path → value (empty without a grid)
     * @param seed     the master seed, or {@code null} for the scenario's own
     * @param config   the cell's scenario, bound and validated
     */
    public record Cell(int index, String scenario, Map<String, Object> point, Long seed, ScenarioConfig config) {

        /** @return where its results go under the suite's directory: {@code <scenario>/<point>/seed-<s>} */
        public Path directory() {
            String label = Path.of(scenario).getFileName().toString().replaceFirst("\\.ya?ml$", "");
            StringBuilder p = new StringBuilder();
            point.forEach((k, v) -> p.append(p.length() == 0 ? "" : ",").append(k).append('=').append(v));
            return Path.of(label, p.length() == 0 ? "default" : p.toString().replaceAll("[^A-Za-z0-9.,=_-]", "_"),
                    "seed-" + config.seed());
        }

        /** @return the block it belongs to in the report: its scenario and grid point, all seeds together */
        public String block() {
            Path d = directory();
            return d.getParent().toString();
        }
    }

    /**
     * @return every cell, scenario by scenario, grid point by grid point, seed by seed, each
     *         scenario bound with the settings, the point and the seed (and a name of its own,
     *         {@code <suite>-c<index>})
     * @throws ConfigException naming the suite key, if any cell's scenario is invalid
     */
    public List<Cell> cells() {
        return cells("");
    }

    /**
     * @param attempt what tells this run of the suite from an earlier one ({@code ""}: nothing),
     *                so that a cell run again after an interruption gets topics of its own,
     *                {@code <suite>-c<index>-<attempt>}, not the half-written ones of the last attempt
     * @return every cell (see {@link #cells()})
     * @throws ConfigException naming the suite key, if any cell's scenario is invalid
     */
    public List<Cell> cells(String attempt) {
        List<Map<String, Object>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<Object>> axis : grid.entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> point : points) {
                for (Object value : axis.getValue()) {
                    Map<String, Object> extended = new LinkedHashMap<>(point);
                    extended.put(axis.getKey(), value);
                    next.add(extended);
                }
            }
            points = next;
        }
        List<Long> seedList = seeds.isEmpty() ? java.util.Collections.singletonList(null) : seeds;
        List<Cell> cells = new ArrayList<>();
        for (int e = 0; e < scenarios.size(); e++) {
            String scenario = scenarios.get(e).scenario();
            for (Map<String, Object> point : points) {
                for (Long seed : seedList) {
                    Map<String, Object> overrides = new LinkedHashMap<>(settings);
                    overrides.putAll(scenarios.get(e).settings());
                    overrides.putAll(point);
                    if (seed != null) {
                        overrides.put("seed", seed);
                    }
                    overrides.put("name", name + "-c" + cells.size() + (attempt.isEmpty() ? "" : "-" + attempt));
                    ScenarioConfig config;
                    try {
                        config = ScenarioFiles.load(scenario, overrides);
                    } catch (ConfigException c) {
                        String key = c.field();
                        String entry = "scenarios[" + e + "]";
                        String where = point.containsKey(key) ? "grid." + key
                                : scenarios.get(e).settings().containsKey(key) ? entry + ".settings." + key
                                : settings.containsKey(key) ? "settings." + key
                                : key.equals("--scenario") ? entry : entry + " (" + scenario + "): " + key;
                        throw new ConfigException(where, c.problem());
                    }
                    cells.add(new Cell(cells.size(), scenario, point, seed, config));
                }
            }
        }
        return cells;
    }

    /**
     * @param file a suite file
     * @return the suite, its cells not yet bound
     * @throws ConfigException naming the key, if the file is not a suite
     */
    public static SuiteConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("suite", file.toString(), "a suite file (YAML)");
        }
        ScenarioFiles.requireSmall(file, "suite");
        try {
            return ScenarioFiles.yaml().readValue(file.toFile(), SuiteConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(ScenarioFiles.path(e), "an unknown key", "one of " + e.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().toList());
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof ConfigException c) {
                throw c;
            }
            throw new ConfigException(ScenarioFiles.path(e), "", e.getOriginalMessage());
        } catch (JsonMappingException e) {
            throw new ConfigException(ScenarioFiles.path(e).isEmpty() ? "suite" : ScenarioFiles.path(e), "a value of the wrong shape",
                    e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new ConfigException(file.toString(), "YAML that does not parse", e.getOriginalMessage());
        } catch (IOException e) {
            throw new TributaryException("cannot read suite " + file + ": " + e, e);
        }
    }
}
