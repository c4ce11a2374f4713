package dev.tributary.common.data;

import dev.tributary.common.TributaryException;

import java.util.Locale;

/**
 * A row or a record that cannot become an {@link Example}. The message is the reason that
 * travels with the rejected bytes to the dead-letter topic, so it names the column and the
 * value that failed; the {@link Kind} is what rejections are counted by.
 */
public class MalformedRecordException extends TributaryException {

    /** Why input is rejected, coarsely: the categories rejections are counted by. */
    public enum Kind {
        /** Too many or too few columns or features. */
        WRONG_ARITY,
        /** A value that is not a finite number. */
        NOT_A_NUMBER,
        /** A finite number too large in magnitude to learn from (see {@link ExampleCodec#MAX_MAGNITUDE}). */
        OUT_OF_RANGE,
        /** A label that is missing, or is not one of the data set's classes. */
        UNKNOWN_LABEL,
        /** A missing value the configured policy does not accept. */
        MISSING_VALUE,
        /** Text that is not valid CSV, or a record without key or value. */
        MALFORMED,
        /** A line longer than the reader keeps (see {@code split.max-line-bytes}). */
        TOO_LONG;

        /** @return the lower-case, hyphenated name used in reports */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Kind kind;

    /**
     * @param kind   the category
     * @param reason why the input was rejected, naming the column and value
     */
    public MalformedRecordException(Kind kind, String reason) {
        super(reason);
        this.kind = kind;
    }

    /**
     * @param text an offending value, quoted in a reason
     * @return the value, cut to 40 characters so that a huge value does not make a huge reason
     */
    public static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    /** @return the category of the rejection */
    public Kind kind() {
        return kind;
    }
}
