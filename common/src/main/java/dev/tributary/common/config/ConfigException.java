package dev.tributary.common.config;

import dev.tributary.common.TributaryException;

/**
 * A configuration value that cannot be accepted. The message names the field (as a scenario
 * key path, {@code batch.epochs}), the value received and what would be accepted; the CLI
 * reports it under the option that set the field.
 */
public class ConfigException extends TributaryException {

    private final String field;
    private final String problem;

    /**
     * @param field    the key path or option, as the user wrote it
     * @param value    the value received
     * @param accepted what would have been accepted
     */
    public ConfigException(String field, Object value, String accepted) {
        this(field, "got " + value + ", expected " + accepted);
    }

    /**
     * @param field   the key path or option
     * @param problem what is wrong with its value ("got X, expected Y")
     */
    public ConfigException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** @return the field path, as in a scenario file ({@code batch.epochs}) */
    public String field() {
        return field;
    }

    /** @return what is wrong with the value, without the field name */
    public String problem() {
        return problem;
    }

    /**
     * @param condition what must hold
     * @param field     the key path or option
     * @param value     the value received
     * @param accepted  what would have been accepted
     * @throws ConfigException if {@code condition} is false
     */
    public static void require(boolean condition, String field, Object value, String accepted) {
        if (!condition) {
            throw new ConfigException(field, value, accepted);
        }
    }
}
