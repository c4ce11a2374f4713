package dev.tributary.common.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/**
 * How strategies are scored.
 */
public enum Protocol {
    /** The tutorial's: final models scored on the held-out test topic. */
    HOLDOUT,
    /**
     * The stream-native one (as in MOA and River): one time-ordered events topic, every event
     * predicted by every strategy before any strategy may learn from it.
     */
    PREQUENTIAL;

    /** @return the lower-case name used in scenario files */
    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param key a name, in any case
     * @return the protocol
     * @throws ConfigException listing the protocols, if there is none of that name
     */
    @JsonCreator
    public static Protocol of(String key) {
        return Arrays.stream(values()).filter(v -> v.name().equalsIgnoreCase(key)).findFirst()
                .orElseThrow(() -> new ConfigException("protocol", key,
                        Arrays.stream(values()).map(Protocol::key).toList().toString()));
    }
}
