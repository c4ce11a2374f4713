package dev.tributary.common;

/**
 * The root of Tributary's own exceptions: a known operational failure (a broker that cannot
 * be reached, an input that is missing, a checkpoint that cannot be read), as opposed to a
 * bug. The CLI reports these in one line, without a stack trace, with exit code 3.
 */
public class TributaryException extends RuntimeException {

    /**
     * @param message what failed, in terms a user can act on
     */
    public TributaryException(String message) {
        super(message);
    }

    /**
     * @param message what failed, in terms a user can act on
     * @param cause   the underlying failure
     */
    public TributaryException(String message, Throwable cause) {
        super(message, cause);
    }
}
