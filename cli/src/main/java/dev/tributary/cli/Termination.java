package dev.tributary.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.util.HashMap;
import java.util.Map;

/**
 * SIGTERM and Ctrl-C (SIGINT) as a request to stop, not as the JVM's shutdown. With a shutdown
 * hook a stage can finish cleanly, but the JVM then exits 143 (130 for Ctrl-C) whatever the hook
 * did, and a supervisor cannot tell a clean stop from a crash. Handling the signal instead lets
 * the stage stop, the command return and {@link Main} exit 0. A second signal while the stage is
 * stopping exits at once with the signal's usual code: the user has asked twice.
 *
 * <p>{@code sun.misc.Signal} is the JDK's supported-but-unofficial API for this (module
 * {@code jdk.unsupported}); where a signal cannot be handled (an {@code -Xrs} JVM) a shutdown
 * hook does the same stop and the exit code is the JVM's.
 */
final class Termination implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Termination.class);
    private static final String[] SIGNALS = {"TERM", "INT"};

    private final Map<Signal, SignalHandler> previous = new HashMap<>();
    private final Thread hook;
    private volatile boolean requested;

    private Termination(String name, Runnable stop) {
        Thread fallback = null;
        for (String signal : SIGNALS) {
            try {
                Signal s = new Signal(signal);
                previous.put(s, Signal.handle(s, received -> onSignal(name, stop, received)));
            } catch (IllegalArgumentException | UnsupportedOperationException unavailable) {
                if (fallback == null) {
                    fallback = new Thread(stop, name + "-shutdown");
                    Runtime.getRuntime().addShutdownHook(fallback);
                }
            }
        }
        this.hook = fallback;
    }

    /**
     * @param name the stage, for the stopping thread's name
     * @param stop asks the stage to stop and waits for it; runs on its own thread, once
     * @return the handling, to close once the stage has returned
     */
    static Termination on(String name, Runnable stop) {
        return new Termination(name, stop);
    }

    private synchronized void onSignal(String name, Runnable stop, Signal received) {
        if (requested) {
            LOG.warn("SIG{} again while stopping: exiting now", received.getName());
            Runtime.getRuntime().halt(128 + received.getNumber());
        }
        requested = true;
        LOG.info("SIG{}: stopping {}", received.getName(), name);
        Thread stopping = new Thread(stop, name + "-stop");
        stopping.setDaemon(true);
        stopping.start();
    }

    @Override
    public void close() {
        previous.forEach(Signal::handle);
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is already running: it is what stopped the stage.
            }
        }
    }
}
