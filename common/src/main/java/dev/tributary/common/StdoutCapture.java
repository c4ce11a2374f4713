package dev.tributary.common;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs a piece of third-party code that prints to {@code System.out} (Kafka's storage
 * formatter, its {@code ProducerPerformance} tool) and hands back what it printed, so that it
 * neither corrupts a command's own output (a table, JSON) nor is lost.
 */
public final class StdoutCapture {

    /** Code that prints. */
    @FunctionalInterface
    public interface Action {
        /** @throws Exception whatever the code throws */
        void run() throws Exception;
    }

    private StdoutCapture() {
    }

    /**
     * Captures only one action at a time: {@code System.out} is global, and two overlapping
     * captures would each restore the other's stream.
     *
     * @param action the code to run
     * @return what it printed, UTF-8
     * @throws Exception what the action threw (what it printed until then is lost with it)
     */
    public static String capture(Action action) throws Exception {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        synchronized (StdoutCapture.class) {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                action.run();
            } finally {
                System.setOut(stdout);
            }
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
