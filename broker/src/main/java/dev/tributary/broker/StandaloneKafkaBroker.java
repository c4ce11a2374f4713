package dev.tributary.broker;

import dev.tributary.common.TributaryException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A single-node Kafka broker (KRaft, broker and controller combined) on fixed ports, for running
 * the stages as separate processes without Docker ({@code tributary broker}): Kafka's own
 * {@code KafkaRaftServer} with the configuration its quick start uses, on a log directory that
 * Kafka's own {@code StorageTool} formats the first time. Unlike {@link EmbeddedKafkaBroker}, which
 * serves one process on ephemeral ports and forgets everything, this one keeps its topics between
 * restarts when given a log directory of its own.
 */
public final class StandaloneKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StandaloneKafkaBroker.class);
    /** The node's id; the one controller votes for itself. */
    private static final int NODE_ID = 1;

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path logDir;
    private final boolean temporary;
    private boolean closed;

    private StandaloneKafkaBroker(KafkaRaftServer server, String bootstrapServers, Path logDir, boolean temporary) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.logDir = logDir;
        this.temporary = temporary;
    }

    /**
     * @param host           the address both listeners bind and the broker advertises
     * @param port           the client listener's port
     * @param controllerPort the KRaft controller listener's port
     * @param logDir         the log directory: formatted if it holds no Kafka log yet, reused if it does
     * @return the configuration the broker runs with
     */
    static Properties config(String host, int port, int controllerPort, Path logDir) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", Integer.toString(NODE_ID));
        p.setProperty("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toAbsolutePath().toString());
        EmbeddedKafkaBroker.SINGLE_NODE_CONFIG.forEach(p::setProperty);
        return p;
    }

    /**
     * Formats the log directory if needed and starts the broker; returns once it is started.
     *
     * @param host           the address to bind and advertise ({@code localhost} by default)
     * @param port           the client port
     * @param controllerPort the controller port
     * @param logDir         the log directory (created if missing), kept; {@code null} for a temporary one,
     *                        deleted by {@link #close()}
     * @return the running broker
     * @throws TributaryException if the directory cannot be formatted or the broker does not start
     *                            (a port in use, a directory another cluster formatted)
     */
    public static StandaloneKafkaBroker start(String host, int port, int controllerPort, Path logDir) {
        boolean temporary = logDir == null;
        try {
            logDir = temporary ? Files.createTempDirectory("tributary-broker-") : Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new TributaryException("cannot create the log directory " + logDir + ": " + e.getMessage(), e);
        }
        try {
            return start(host, port, controllerPort, logDir, temporary);
        } catch (TributaryException e) {
            if (temporary) {
                EmbeddedKafkaBroker.deleteQuietly(logDir);
            }
            throw e;
        }
    }

    private static StandaloneKafkaBroker start(String host, int port, int controllerPort, Path logDir,
                                               boolean temporary) {
        Properties config = config(host, port, controllerPort, logDir);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(config, logDir);
        } else {
            LOG.info("Reusing the Kafka log directory {}", logDir);
        }
        KafkaRaftServer server = null;
        try {
            server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
            server.startup();
        } catch (RuntimeException e) {
            if (server != null) {
                try {
                    server.shutdown();
                } catch (RuntimeException ignored) {
                    // What matters is why it did not start.
                }
            }
            throw new TributaryException("the Kafka broker did not start on " + host + ":" + port + " (controller "
                    + controllerPort + ", log directory " + logDir + "): " + e.getMessage(), e);
        }
        return new StandaloneKafkaBroker(server, host + ":" + port, logDir, temporary);
    }

    /** Kafka's {@code kafka-storage.sh format}, with a new cluster id, its output sent to the log. */
    private static void format(Properties config, Path logDir) {
        Path file = null;
        try {
            file = Files.createTempFile("tributary-broker-", ".properties");
            try (OutputStream out = Files.newOutputStream(file)) {
                config.store(out, "tributary broker");
            }
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            int code = StorageTool.execute(new String[] {"format", "--cluster-id", Uuid.randomUuid().toString(),
                    "--config", file.toString()}, new PrintStream(printed, true, StandardCharsets.UTF_8));
            String output = printed.toString(StandardCharsets.UTF_8).strip();
            if (code != 0) {
                throw new TributaryException("cannot format the Kafka log directory " + logDir + ": " + output);
            }
            LOG.info("Formatted the Kafka log directory {}: {}", logDir, output);
        } catch (IOException | RuntimeException e) {
            if (e instanceof TributaryException t) {
                throw t;
            }
            throw new TributaryException("cannot format the Kafka log directory " + logDir + ": " + e.getMessage(), e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.warn("could not delete {}: {}", file, e.toString());
                }
            }
        }
    }

    /** @return {@code host:port} of the client listener */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** @return its log directory */
    public Path logDir() {
        return logDir;
    }

    /** @return whether its log directory is a temporary one, deleted when it stops */
    public boolean temporary() {
        return temporary;
    }

    /** Blocks until the broker has shut down (after {@link #close()}, from any thread). */
    public void awaitShutdown() {
        server.awaitShutdown();
    }

    /**
     * A controlled shutdown: the broker stops, then the controller; the logs stay, unless
     * temporary. Once: a second call (a signal's and the command's) waits for the first.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
        if (temporary) {
            EmbeddedKafkaBroker.deleteQuietly(logDir);
        }
    }
}
