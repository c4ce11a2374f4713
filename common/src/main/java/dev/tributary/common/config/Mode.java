package dev.tributary.common.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a prequential comparison runs its strategies.
 */
public enum Mode {
    /**
     * Each strategy's learner is fed in this process by a loop that predicts every event, then
     * learns it: test-then-train, the ideal a deployment approaches (the default).
     */
    IN_PROCESS,
    /**
     * The in-process comparison, and then each strategy as it runs in production, all through
     * Kafka: its trainer stage publishes models, the Kafka Streams scorer serves every event with
     * the newest model it has, and an evaluator scores the predictions users received.
     */
    DEPLOYED;

    /** @return the name used in scenario files ({@code in-process}, {@code deployed}) */
    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param key a name, in any case
     * @return the mode
     * @throws ConfigException listing the modes, if there is none of that name
     */
    @JsonCreator
    public static Mode of(String key) {
        return Arrays.stream(values()).filter(v -> v.key().equalsIgnoreCase(key)).findFirst()
                .orElseThrow(() -> new ConfigException("mode", key,
                        Arrays.stream(values()).map(Mode::key).toList().toString()));
    }
}
