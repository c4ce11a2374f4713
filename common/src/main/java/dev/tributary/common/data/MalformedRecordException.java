package dev.tributary.common.data;

import dev.tributary.common.TributaryException;

/**
 * A row or a record that cannot become an {@link Example}. The message is the reason that
 * travels with the rejected bytes to the dead-letter topic, so it names the column and the
 * value that failed.
 */
public class MalformedRecordException extends TributaryException {

    /**
     * @param reason why the input was rejected, naming the column and value
     */
    public MalformedRecordException(String reason) {
        super(reason);
    }
}
