package dev.tributary.kafka;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * How a long-running stage is asked to stop from another thread (a shutdown hook, a test): the
 * request ends the feed's poll at once, and the asker waits until the stage has finished
 * whatever it does on stopping (a final checkpoint, a commit). One signal serves one run.
 */
public final class StopSignal {

    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean requested;
    private volatile TopicFeed feed;

    /**
     * Runs a stage's body and marks the run finished however it ends.
     *
     * @param body the stage's work
     * @param <T>  what it returns
     * @return what the body returned
     */
    public <T> T run(Supplier<T> body) {
        try {
            return body.get();
        } finally {
            feed = null;
            finished.countDown();
        }
    }

    /**
     * @param active the feed the stage now reads from, which a stop request interrupts
     * @return whether a stop was requested before the feed was attached (then the stage does not read)
     */
    public boolean attach(TopicFeed active) {
        feed = active;
        return requested;
    }

    /**
     * Asks the stage to stop after the record in progress, and waits for it to finish.
     *
     * @param timeout how long to wait
     * @return whether the run finished in time
     */
    public boolean request(Duration timeout) {
        requested = true;
        TopicFeed active = feed;
        if (active != null) {
            active.requestStop();
        }
        try {
            return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
