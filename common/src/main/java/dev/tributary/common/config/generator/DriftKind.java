package dev.tributary.common.config.generator;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.tributary.common.config.ConfigException;

import java.util.Arrays;
import java.util.Locale;

/** How the concepts of a stream replace one another; see {@link DriftSpec} for the exact rules. */
public enum DriftKind {
    /** The next concept takes over completely at each position. */
    ABRUPT,
    /** Around each position the next concept takes over along a sigmoid, as in MOA. */
    GRADUAL,
    /** The concepts take turns, each for one period, cyclically. */
    RECURRING;

    /** @return the lower-case name used in scenario files */
    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param key a name, in any case
     * @return the kind
     * @throws ConfigException listing the kinds, if there is none of that name
     */
    @JsonCreator
    public static DriftKind of(String key) {
        return Arrays.stream(values()).filter(v -> v.name().equalsIgnoreCase(key)).findFirst()
                .orElseThrow(() -> new ConfigException("drift.kind", key,
                        Arrays.stream(values()).map(DriftKind::key).toList().toString()));
    }
}
