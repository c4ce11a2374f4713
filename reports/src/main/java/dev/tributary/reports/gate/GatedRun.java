package dev.tributary.reports.gate;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.common.config.Mode;
import dev.tributary.common.config.ScenarioConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What defines the quality numbers of a run, so that a gate checks only the run it was set for: a
 * 6,000-event sea-abrupt run is not the 20,000-event one its floors were measured on, though both
 * are named sea-abrupt. The fingerprint hashes the recorded scenario with everything left out
 * that cannot change a quality number: its name and description, the Kafka settings, the derived
 * seeds (the master seed stays), whether a warm-up ran and whether strategies ran concurrently
 * (results are bit for bit the same either way), and the producer's rate unless the run was
 * deployed, where the rate decides how stale the served model is.
 *
 * @param fingerprint the first 16 hex digits of the SHA-256 of that canonical JSON
 * @param defines     a one-line account of the run, to say how two runs differ
 */
public record GatedRun(String fingerprint, String defines) {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /**
     * @param scenario a run's recorded scenario
     * @return what defines it
     */
    public static GatedRun of(ScenarioConfig scenario) {
        ObjectNode tree = CANONICAL.valueToTree(scenario);
        for (String key : new String[] {"name", "description", "kafka", "seeds"}) {
            tree.remove(key);
        }
        if (tree.get("evaluation") instanceof ObjectNode evaluation) {
            evaluation.remove("warm-up");
            evaluation.remove("concurrent");
        }
        if (tree.get("stream") instanceof ObjectNode stream) {
            stream.remove("group-id");
        }
        boolean deployed = scenario.mode() == Mode.DEPLOYED;
        if (!deployed) {
            tree.remove("rate");
        }
        try {
            byte[] canonical = CANONICAL.writeValueAsBytes(CANONICAL.treeToValue(tree, Object.class));
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical);
            String defines = String.format(Locale.ROOT, "%s, %s%s, seed %d, %d repetition(s)",
                    scenario.source().describe(), scenario.protocol().key(),
                    deployed ? String.format(Locale.ROOT, ", deployed at %,.0f events/s", scenario.rate().eventsPerSecond()) : "",
                    scenario.seed(), scenario.repetitions());
            return new GatedRun(HexFormat.of().formatHex(hash, 0, 8), defines);
        } catch (NoSuchAlgorithmException | java.io.IOException e) {
            throw new IllegalStateException("SHA-256 and JSON are always available", e);
        }
    }
}
