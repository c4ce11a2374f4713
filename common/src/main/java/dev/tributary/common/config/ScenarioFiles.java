package dev.tributary.common.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.tributary.common.TributaryException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Loads scenarios: a built-in one by name, or a YAML file. Every key a file leaves out takes
 * the value of {@link ScenarioConfig#defaults()}, so a scenario file says only what differs.
 * Overrides (from the command line) are applied last, by key path.
 *
 * <p>Errors name the key path ({@code batch.epochs}, {@code source.generator.concepts[1].noise}),
 * the value received and what is accepted; unknown keys are errors, not silently ignored.
 */
public final class ScenarioFiles {

    /** The scenarios shipped with Tributary, in the order {@code tributary scenarios} lists them. */
    public static final List<String> BUILT_IN = List.of("breast-cancer", "sea-abrupt", "hyperplane-gradual",
            "rbf-drift", "spambase", "shuttle", "electricity");
    private static final String RESOURCE = "/dev/tributary/common/scenarios/";
    /** The keys a description speaks of: overriding one replaces the description with a derived one. */
    private static final List<String> DESCRIBED = List.of("source", "split", "protocol", "mode", "strategies", "rate",
            "labels");
    /** Keys whose default depends on other keys: left out of the defaults so they are derived again. */
    private static final List<String> DERIVED = List.of("description", "seeds", "split.shuffle", "stream.group-id",
            "labels.own-topic");

    /**
     * The largest scenario or suite file read: hundreds of times a real one, so that a wrong file
     * (a data set passed as --scenario) is refused at once rather than parsed for minutes.
     */
    public static final long MAX_FILE_BYTES = 1024 * 1024;

    // A key given twice is an error, never "the last one wins": one of the two was meant.
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.USE_NATIVE_TYPE_ID)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * Each generator's parameters where a scenario leaves them out: MOA's defaults for the
     * generator of that name.
     */
    private static final String GENERATOR_DEFAULTS = """
            sea: {function: 1, noise: 0.1}
            hyperplane: {dimensions: 10, drifting-attributes: 2, magnitude: 0.0, noise: 0.05, sigma-reversal: 0.1}
            rbf: {dimensions: 10, classes: 2, centroids: 50, drifting-centroids: 50, speed: 0.0}
            stagger: {function: 1}
            agrawal: {function: 1, perturbation: 0.05}
            sine: {function: 1, irrelevant-attributes: true, noise: 0.0}
            """;

    private ScenarioFiles() {
    }

    /** @return the one YAML mapper of scenario and suite files (kebab-case keys, unknown keys rejected) */
    static ObjectMapper yaml() {
        return YAML;
    }

    /**
     * @param nameOrFile a built-in scenario's name, or a path to a YAML file
     * @param overrides  key path ({@code batch.epochs}) → value, applied over the scenario
     * @return the validated scenario
     * @throws ConfigException    naming the key, if the scenario is invalid
     * @throws TributaryException if the file cannot be read
     */
    public static ScenarioConfig load(String nameOrFile, Map<String, Object> overrides) {
        JsonNode tree = BUILT_IN.contains(nameOrFile) ? builtInTree(nameOrFile) : fileTree(nameOrFile);
        return bind(tree, overrides, nameOrFile);
    }

    /**
     * @param yaml      a scenario as YAML text
     * @param overrides key path → value
     * @return the validated scenario
     * @throws ConfigException naming the key, if the scenario is invalid
     */
    public static ScenarioConfig parse(String yaml, Map<String, Object> overrides) {
        try {
            return bind(YAML.readTree(yaml), overrides, "scenario");
        } catch (JsonProcessingException e) {
            throw syntax("scenario", e);
        }
    }

    /** @return each built-in scenario's name and description */
    public static Map<String, String> builtIns() {
        return BUILT_IN.stream().collect(Collectors.toMap(n -> n, n -> load(n, Map.of()).description(),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    /**
     * @param scenario a scenario
     * @return it as YAML, every key spelled out but the derived component seeds, which stand in a
     *         comment: so the text can be edited ({@code seed:} included) and run as a scenario file
     */
    public static String toYaml(ScenarioConfig scenario) {
        ObjectNode tree = YAML.valueToTree(scenario);
        tree.remove("seeds");
        if (scenario.stream().groupId().equals(scenario.names().group("stream-trainer"))) {
            // Derived from the name: left out, so that a renamed copy gets its own group.
            ((ObjectNode) tree.get("stream")).remove("group-id");
        }
        LabelsConfig labels = scenario.labels();
        if (labels.ownTopic() == (labels.delayEvents() > 0 || labels.delayMs() > 0)) {
            // Derived from the delay: left out, so that an edited delay brings its own.
            ((ObjectNode) tree.get("labels")).remove("own-topic");
        }
        Seeds s = scenario.seeds();
        try {
            return "# seeds derived from seed " + s.master() + ": split " + s.split() + ", model " + s.model()
                    + ", shuffle " + s.shuffle() + "\n" + YAML.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the fingerprint's canonical form: every object's keys sorted, so that field order never matters. */
    private static final ObjectMapper CANONICAL_JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /**
     * @param scenario a scenario
     * @return see {@link ScenarioConfig#fingerprint()}
     */
    static String fingerprint(ScenarioConfig scenario) {
        Map<String, Object> parts = new java.util.LinkedHashMap<>();
        parts.put("name", scenario.name());
        parts.put("source", scenario.source());
        parts.put("split", scenario.split());
        parts.put("protocol", scenario.protocol());
        parts.put("labels", scenario.labels());
        parts.put("model", scenario.model());
        parts.put("seed", scenario.seed());
        return digest(parts);
    }

    /**
     * The one digest of scenario parts, for every fingerprint (a checkpoint's, a gated run's).
     *
     * @param parts scenario keys and their values (records of the scenario, scalars)
     * @return 16 hex digits: the first 64 bits of the SHA-256 of the parts as canonical JSON
     */
    public static String digest(Map<String, Object> parts) {
        try {
            // As the scenario file spells them (kebab-case keys, unset keys left out), then sorted:
            // a key added to a section later, left unset, keeps the fingerprints of old checkpoints.
            byte[] canonical = CANONICAL_JSON.writeValueAsBytes(YAML.convertValue(parts, Object.class));
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(canonical);
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (JsonProcessingException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint " + parts.keySet(), e);
        }
    }

    private static JsonNode builtInTree(String name) {
        try (InputStream in = ScenarioFiles.class.getResourceAsStream(RESOURCE + name + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("built-in scenario " + name + " is missing from the build");
            }
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("built-in scenario " + name + " is unreadable: " + e, e);
        }
    }

    private static JsonNode fileTree(String file) {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new ConfigException("--scenario", file, "a built-in scenario " + BUILT_IN + " or a YAML file");
        }
        requireSmall(path, "--scenario");
        try {
            JsonNode tree = YAML.readTree(path.toFile());
            if (tree == null || !tree.isObject()) {
                throw new ConfigException("scenario", file, "a YAML mapping of keys (name, source, ...)");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw syntax(file, e);
        } catch (IOException e) {
            throw new TributaryException("cannot read scenario " + file + ": " + e, e);
        }
    }

    /**
     * @param file   a scenario or suite file
     * @param option what names it, for the error
     * @throws ConfigException if it is over {@link #MAX_FILE_BYTES}
     */
    static void requireSmall(Path file, String option) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new TributaryException("cannot read " + file + ": " + e, e);
        }
        ConfigException.require(size <= MAX_FILE_BYTES, option, file + " (" + size + " bytes)",
                "a YAML file of at most " + MAX_FILE_BYTES + " bytes");
    }

    private static ScenarioConfig bind(JsonNode scenario, Map<String, Object> overrides, String origin) {
        ObjectNode tree = defaultsTree();
        merge(tree, scenario);
        overrides.forEach((path, value) -> set(tree, path, value));
        if (overrides.keySet().stream().anyMatch(ScenarioFiles::changesWhatRuns) && !overrides.containsKey("description")) {
            // The file's description tells of the scenario as written; this one runs differently.
            tree.remove("description");
        }
        fillGeneratorDefaults(tree);
        if (tree.path("source").path("csv") instanceof ObjectNode csv && !csv.has("has-header")) {
            // As --csv assumes: a CSV file's first line names its columns unless it says otherwise.
            csv.put("has-header", true);
        }
        try {
            return YAML.treeToValue(tree, ScenarioConfig.class);
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof ConfigException c) {
                throw located(path(e), c);
            }
            throw new ConfigException(path(e), "", e.getOriginalMessage());
        } catch (UnrecognizedPropertyException e) {
            String parent = path(e).contains(".") ? path(e).substring(0, path(e).lastIndexOf('.')) : "";
            throw new ConfigException(path(e), "an unknown key", "one of " + e.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().toList() + (parent.isEmpty() ? "" : " under " + parent));
        } catch (InvalidFormatException e) {
            throw new ConfigException(path(e), "'" + e.getValue() + "'", "a " + simpleType(e.getTargetType()));
        } catch (MismatchedInputException e) {
            throw new ConfigException(path(e), "a value of the wrong shape", e.getTargetType() == null
                    ? e.getOriginalMessage() : "a " + simpleType(e.getTargetType()));
        } catch (JsonProcessingException e) {
            throw new ConfigException(origin, "an unreadable scenario", e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof ValueInstantiationException v && v.getCause() instanceof ConfigException c) {
                throw located(path(v), c);
            }
            throw new ConfigException(origin, "an invalid scenario", e.getMessage());
        }
    }

    /** @return whether overriding this key makes a run the scenario's own description no longer describes */
    private static boolean changesWhatRuns(String path) {
        return DESCRIBED.stream().anyMatch(key -> path.equals(key) || path.startsWith(key + "."));
    }

    /**
     * A record nested in a list (a generator concept) knows its own field but not where it sits;
     * Jackson knows where. Report the full path.
     */
    private static ConfigException located(String jsonPath, ConfigException c) {
        if (jsonPath.isEmpty() || c.field().startsWith(jsonPath) || !jsonPath.contains("[")) {
            return c;
        }
        String leaf = c.field().substring(c.field().lastIndexOf('.') + 1);
        return new ConfigException(jsonPath + "." + leaf, c.problem());
    }

    private static ConfigException syntax(String origin, JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr();
        return new ConfigException(origin, "YAML that does not parse" + where, "valid YAML (" + e.getOriginalMessage() + ")");
    }

    /** @return the key path of a Jackson binding error ({@code a.b[2].c}), as the errors name keys */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String simpleType(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList();
        }
        return type.isPrimitive() || type.getName().startsWith("java.lang.") ? type.getSimpleName().toLowerCase(java.util.Locale.ROOT)
                : type.getSimpleName();
    }

    /** Gives every generator concept its type's default for each parameter it leaves out. */
    private static void fillGeneratorDefaults(ObjectNode tree) {
        JsonNode concepts = tree.path("source").path("generator").path("concepts");
        if (!concepts.isArray()) {
            return;
        }
        JsonNode defaults;
        try {
            defaults = YAML.readTree(GENERATOR_DEFAULTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        for (JsonNode concept : concepts) {
            JsonNode typeDefaults = defaults.get(concept.path("type").asText());
            if (concept instanceof ObjectNode object && typeDefaults != null) {
                ObjectNode filled = typeDefaults.deepCopy();
                merge(filled, object);
                object.setAll(filled);
            }
        }
    }

    private static ObjectNode defaultsTree() {
        ObjectNode tree = YAML.valueToTree(ScenarioConfig.defaults());
        for (String key : DERIVED) {
            String[] parts = key.split("\\.");
            JsonNode parent = tree;
            for (int i = 0; i < parts.length - 1; i++) {
                parent = parent.get(parts[i]);
            }
            ((ObjectNode) parent).remove(parts[parts.length - 1]);
        }
        return tree;
    }

    /**
     * Deep-merges {@code update} into {@code base}: mappings merge key by key, anything else (a
     * list, a scalar) replaces. The source replaces as a whole: a data set and a generator never mix.
     */
    static void merge(ObjectNode base, JsonNode update) {
        for (Iterator<Map.Entry<String, JsonNode>> it = update.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode current = base.get(e.getKey());
            if (current instanceof ObjectNode object && e.getValue().isObject() && !e.getKey().equals("source")) {
                merge(object, e.getValue());
            } else {
                base.set(e.getKey(), e.getValue());
            }
        }
    }

    private static void set(ObjectNode tree, String path, Object value) {
        String[] parts = path.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (!(child instanceof ObjectNode)) {
                child = node.putObject(parts[i]);
            }
            node = (ObjectNode) child;
        }
        node.set(parts[parts.length - 1], YAML.valueToTree(value));
    }
}
