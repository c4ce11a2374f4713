package dev.tributary.cli;

import dev.tributary.common.config.ConfigException;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.config.Strategy;
import dev.tributary.kafka.KafkaConnection;

import java.nio.file.Path;

/**
 * What the single-stage commands share.
 */
final class StageCommands {

    /** Where commands keep results and models unless told otherwise. */
    static final Path DEFAULT_OUTPUT = Path.of("tributary-output");

    private StageCommands() {
    }

    /**
     * A stage on its own needs a cluster that outlives it: an embedded broker would vanish with
     * the process, and the next stage would find nothing.
     *
     * @return the cluster, with the scenario's client properties underneath the command line's
     */
    static KafkaConnection cluster(KafkaOptions kafka, String command, ScenarioConfig scenario) {
        if (!kafka.external()) {
            throw new ConfigException("--bootstrap-servers", "(none)", "HOST:PORT of a running cluster: `" + command
                    + "` runs one stage against a cluster (use `tributary run` for everything on an embedded broker)");
        }
        return kafka.connection().withDefaults(scenario.kafka().properties());
    }

    /**
     * @param option the option that names it
     * @param value  a strategy's name
     * @return the strategy
     * @throws ConfigException naming the option, if there is no strategy of that name
     */
    static Strategy strategy(String option, String value) {
        try {
            return Strategy.fromKey(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(option, value, "a strategy: " + Strategy.ALL);
        }
    }

    /**
     * Checks, before any work, that the command can write where it will write last: an
     * unwritable output found after producing and training would waste all of it. Nothing is
     * created: an existing directory is probed with a file written and deleted; a missing one
     * must have an existing, writable directory as its nearest ancestor.
     *
     * @param option    the option that names it, for the message
     * @param directory the output directory
     * @throws dev.tributary.common.TributaryException naming the option and the reason, if it cannot be written
     */
    static void requireWritable(String option, Path directory) {
        Path absolute = directory.toAbsolutePath();
        Path existing = absolute;
        while (existing != null && !java.nio.file.Files.exists(existing)) {
            existing = existing.getParent();
        }
        String problem = null;
        if (existing == null || !java.nio.file.Files.isDirectory(existing)) {
            problem = (existing == null ? "no ancestor" : existing) + " is not a directory";
        } else if (existing.equals(absolute)) {
            try {
                java.nio.file.Files.delete(java.nio.file.Files.createTempFile(absolute, ".tributary-write-check", ".tmp"));
            } catch (java.io.IOException | SecurityException e) {
                problem = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                        : String.valueOf(e.getMessage());
            }
        } else if (!java.nio.file.Files.isWritable(existing)) {
            problem = "cannot create it in " + existing + ": Permission denied";
        }
        if (problem != null) {
            throw new dev.tributary.common.TributaryException("cannot write to " + option + " " + directory + ": " + problem);
        }
    }

    /** @return the model file of a strategy under an output directory */
    static Path modelFile(Path output, Strategy strategy) {
        return output.resolve("models").resolve(strategy.key() + ".model");
    }

    /**
     * Runs a long-running stage so that SIGTERM or Ctrl-C stops it cleanly ({@link Termination}):
     * the signal asks it to stop and waits (up to a minute) while it finishes, and the command
     * then returns as if the stage had ended on its own, exit code 0.
     *
     * @param name        the stage, for the stopping thread
     * @param requestStop asks the running stage to stop and waits for it
     * @param run         the stage's run
     * @param <T>         what the run returns
     * @return what the run returned
     */
    static <T> T untilStopped(String name, java.util.function.Function<java.time.Duration, Boolean> requestStop,
                              java.util.function.Supplier<T> run) {
        try (Termination ignored = Termination.on(name, () -> requestStop.apply(java.time.Duration.ofSeconds(60)))) {
            return run.get();
        }
    }

    /**
     * Serves a long-running service (a Kafka Streams application) until SIGTERM or Ctrl-C
     * ({@link Termination}), then reports and closes it (commit, leave the group) and returns,
     * exit code 0. A service that dies on its own (a stream thread's fatal error) ends the
     * command with that failure instead of leaving a process that a supervisor sees alive while
     * it serves nothing.
     *
     * @param name    the stage, for the stopping thread
     * @param service the running service, closed here
     * @param failure what has gone wrong with the service, or {@code null} while it serves; asked every
     *                {@link #HEALTH_CHECK} until the stop
     * @param onStop  reports what it did, once stopped and before it closes
     * @param <S>     the service's type
     * @throws dev.tributary.common.TributaryException with the failure's message, if the service failed
     * @throws InterruptedException if interrupted while serving
     */
    static <S extends AutoCloseable> void serveUntilStopped(String name, S service,
                                                            java.util.function.Function<S, String> failure,
                                                            java.util.function.Consumer<S> onStop)
            throws Exception {
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
        try (S running = service; Termination ignored = Termination.on(name, () -> {
            stopped.countDown();
            try {
                // Under the fallback shutdown hook the JVM halts once this returns: wait for the close.
                closed.await(SERVICE_CLOSE_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            while (!stopped.await(HEALTH_CHECK.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                String problem = failure.apply(running);
                if (problem != null) {
                    throw new dev.tributary.common.TributaryException(problem);
                }
            }
            onStop.accept(running);
        } finally {
            closed.countDown();
        }
    }

    /**
     * @param what  the service, for the message
     * @param state its Streams state
     * @return the failure of a Streams service that has left RUNNING and REBALANCING on its own, or {@code null}
     */
    static String streamsFailure(String what, org.apache.kafka.streams.KafkaStreams.State state) {
        return state.isRunningOrRebalancing() || state == org.apache.kafka.streams.KafkaStreams.State.CREATED ? null
                : "the " + what + " stopped on its own (Kafka Streams state " + state + "): see the error logged above";
    }

    /** How often a served stage checks that its service still runs. */
    static final java.time.Duration HEALTH_CHECK = java.time.Duration.ofMillis(500);

    /** How long SIGTERM waits for a Streams service to close: Streams' own close timeout, and a margin. */
    private static final java.time.Duration SERVICE_CLOSE_TIMEOUT = java.time.Duration.ofSeconds(40);
}
