package dev.tributary.common.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/**
 * What the producer does with a row whose feature holds the data set's missing-value marker
 * (breast-cancer-wisconsin has 16 rows with {@code bare_nuclei = ?}).
 */
public enum MissingValuePolicy {
    /**
     * Replace the missing value by the median of that feature over the <em>training</em>
     * split only, so that no statistic of the test split leaks into the data.
     */
    IMPUTE,
    /** Send the row to the dead-letter topic with the reason, so it is counted, not lost. */
    DROP;

    /** @return the lower-case name used in scenario files and options */
    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param key a name, in any case
     * @return the policy
     * @throws ConfigException listing the policies, if there is none of that name
     */
    @JsonCreator
    public static MissingValuePolicy of(String key) {
        return Arrays.stream(values()).filter(v -> v.name().equalsIgnoreCase(key)).findFirst()
                .orElseThrow(() -> new ConfigException("split.missing-values", key, "impute or drop"));
    }
}
