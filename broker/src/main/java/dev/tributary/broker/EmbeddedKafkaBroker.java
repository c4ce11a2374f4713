package dev.tributary.broker;

import dev.tributary.kafka.KafkaConnection;
import dev.tributary.common.StdoutCapture;
import dev.tributary.common.TributaryException;
import kafka.server.BrokerServer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.Map;

/**
 * A real single-node Kafka broker (KRaft, broker and controller combined) running in this
 * process: Kafka's own server code, on ephemeral loopback ports ({@code localhost}), with its logs in a temporary
 * directory that is deleted on {@link #close()}.
 *
 * <p>The log directory is the broker's own temporary directory, deleted by {@link #close()} once
 * the broker has stopped. Kafka's test kit would otherwise create one that a JVM shutdown hook
 * deletes, which races with any other hook that is still closing the broker: a log directory
 * that vanishes under a running broker is a log-dir failure, and the broker halts the JVM.
 *
 * <p>A single node cannot meet the default replication factor (3) of Kafka's internal topics.
 * The broker would accept the settings and then leave consumer groups waiting forever for a
 * group coordinator, so the factors of the offsets, transaction and share-coordinator topics
 * are set to 1 here.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    /** Broker settings a single node needs (see the class comment), plus quick group joins. */
    static final Map<String, String> SINGLE_NODE_CONFIG = Map.ofEntries(
            Map.entry("offsets.topic.replication.factor", "1"),
            Map.entry("offsets.topic.num.partitions", "4"),
            Map.entry("transaction.state.log.replication.factor", "1"),
            Map.entry("transaction.state.log.min.isr", "1"),
            Map.entry("transaction.state.log.num.partitions", "4"),
            Map.entry("share.coordinator.state.topic.replication.factor", "1"),
            Map.entry("share.coordinator.state.topic.min.isr", "1"),
            Map.entry("group.initial.rebalance.delay.ms", "0"),
            Map.entry("auto.create.topics.enable", "false"));

    private final KafkaClusterTestKit cluster;
    private final KafkaConnection connection;
    private final Path logDir;

    private EmbeddedKafkaBroker(KafkaClusterTestKit cluster, Path logDir) {
        this.cluster = cluster;
        this.logDir = logDir;
        this.connection = KafkaConnection.to(cluster.bootstrapServers());
    }

    /**
     * Formats a fresh log directory and starts the broker; returns once it accepts clients.
     *
     * @return the running broker
     * @throws TributaryException if the broker does not start
     */
    public static EmbeddedKafkaBroker start() {
        long startNanos = System.nanoTime();
        KafkaClusterTestKit cluster = null;
        Path logDir = null;
        try {
            logDir = Files.createTempDirectory("tributary-kafka-");
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(logDir)
                    .build())
                    .setDeleteOnClose(false);
            SINGLE_NODE_CONFIG.forEach(builder::setConfigProp);
            cluster = builder.build();
            formatQuietly(cluster);
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            closeQuietly(cluster);
            deleteQuietly(logDir);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new TributaryException("the embedded Kafka broker did not start: " + e, e);
        }
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(cluster, logDir);
        LOG.info("Embedded Kafka broker ready at {} in {} ms", broker.bootstrapServers(),
                (System.nanoTime() - startNanos) / 1_000_000);
        return broker;
    }

    /**
     * Kafka's storage formatter prints its progress to {@code System.out}, which would corrupt
     * the output of a CLI command (a results table, JSON); it goes to the log instead.
     */
    private static void formatQuietly(KafkaClusterTestKit cluster) throws Exception {
        LOG.debug("Kafka storage format: {}", StdoutCapture.capture(cluster::format).trim());
    }

    /** @return {@code localhost:port} of the broker's client listener (loopback only) */
    public String bootstrapServers() {
        return connection.bootstrapServers();
    }

    /** @return a connection to this broker with no extra client properties */
    public KafkaConnection connection() {
        return connection;
    }

    /**
     * Stops the broker server (a controlled shutdown, as a rolling restart does), keeps it down
     * for {@code downtime}, then starts it again on the same port and log directory; returns once
     * it accepts clients again. The KRaft controller it shares the node with stays up, so the
     * cluster metadata survives; the broker reloads its logs, the group and transaction
     * coordinators reload their state, and clients reconnect to the same address. For fault
     * tests: clients see a broker restart, not a new cluster.
     *
     * @param downtime how long the broker stays down
     * @throws TributaryException if the broker does not come back
     */
    public synchronized void restart(Duration downtime) {
        BrokerServer server = cluster.brokers().values().iterator().next();
        try {
            server.shutdown();
            server.awaitShutdown();
            LOG.info("Embedded Kafka broker stopped; restarting in {} ms", downtime.toMillis());
            Thread.sleep(downtime.toMillis());
            server.startup();
            cluster.waitForReadyBrokers();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TributaryException("interrupted while restarting the embedded Kafka broker", e);
        } catch (Exception e) {
            throw new TributaryException("the embedded Kafka broker did not restart: " + e, e);
        }
        LOG.info("Embedded Kafka broker back at {}", cluster.bootstrapServers());
    }

    /** Stops the broker, then deletes its log directory. */
    @Override
    public synchronized void close() {
        closeQuietly(cluster);
        deleteQuietly(logDir);
    }

    static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not delete the embedded broker's log directory {}: {}", dir, e.toString());
        }
    }

    private static void closeQuietly(KafkaClusterTestKit cluster) {
        if (cluster == null) {
            return;
        }
        try {
            cluster.close();
        } catch (Exception e) {
            LOG.warn("Embedded Kafka broker did not close cleanly: {}", e.toString());
        }
    }
}
