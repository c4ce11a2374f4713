package dev.tributary.common.config;

import dev.tributary.common.TributaryException;

/**
 * A configuration value that cannot be accepted. The message names the field, the value
 * received and what would be accepted.
 */
public class ConfigException extends TributaryException {

    /**
     * @param field    the option or key, as the user wrote it
     * @param value    the value received
     * @param accepted what would have been accepted
     */
    public ConfigException(String field, Object value, String accepted) {
        super(field + ": got " + value + ", expected " + accepted);
        this.field = field;
        this.problem = "got " + value + ", expected " + accepted;
    }

    private final String field;
    private final String problem;

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
     * @param field     the option or key
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
