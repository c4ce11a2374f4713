package dev.tributary.common;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The one way the harness waits for work it ran on another thread (a producer beside its
 * consumers, the stages of a deployment): the work's own exception comes out as thrown, so that a
 * failure reads the same whichever thread it happened on.
 */
public final class Futures {

    private Futures() {
    }

    /**
     * @param future the work
     * @param what   what it is, for the message ("the producer")
     * @param <T>    its result
     * @return its result
     * @throws RuntimeException    the work's own, if it threw one
     * @throws TributaryException if it threw a checked exception, or the wait was interrupted
     */
    public static <T> T await(Future<T> future, String what) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TributaryException("interrupted while waiting for " + what, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new TributaryException(what + " failed: " + e.getCause(), e);
        }
    }
}
