package dev.tributary.broker.test;

import dev.tributary.kafka.KafkaConnection;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A real multi-broker KRaft cluster in this JVM (one dedicated controller, {@code n} brokers), set
 * up as production clusters are for durability: replication factor 3 for new and internal topics
 * and {@code min.insync.replicas=2}, so an {@code acks=all} write survives the loss of any one
 * broker. For fault tests that stop a broker; each test starts its own cluster (several seconds),
 * never the shared one.
 */
public final class ReplicatedKafkaCluster implements AutoCloseable {

    private final KafkaClusterTestKit cluster;
    private final Path logDir;
    private final KafkaConnection connection;

    private ReplicatedKafkaCluster(KafkaClusterTestKit cluster, Path logDir) {
        this.cluster = cluster;
        this.logDir = logDir;
        this.connection = KafkaConnection.to(cluster.bootstrapServers());
    }

    /**
     * @param brokers the broker count, at least 3 (the replication factor)
     * @return the running cluster, every broker ready
     * @throws Exception if it does not start
     */
    public static ReplicatedKafkaCluster start(int brokers) throws Exception {
        if (brokers < 3) {
            throw new IllegalArgumentException("brokers: got " + brokers + ", expected at least 3 (the replication factor)");
        }
        Path logDir = Files.createTempDirectory("tributary-cluster-");
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(false)
                .setNumBrokerNodes(brokers)
                .setNumControllerNodes(1)
                .setBaseDirectory(logDir)
                .build())
                .setDeleteOnClose(false);
        Map.ofEntries(
                Map.entry("default.replication.factor", "3"),
                Map.entry("min.insync.replicas", "2"),
                Map.entry("offsets.topic.replication.factor", "3"),
                Map.entry("offsets.topic.num.partitions", "4"),
                Map.entry("transaction.state.log.replication.factor", "3"),
                Map.entry("transaction.state.log.min.isr", "2"),
                Map.entry("transaction.state.log.num.partitions", "4"),
                Map.entry("share.coordinator.state.topic.replication.factor", "3"),
                Map.entry("share.coordinator.state.topic.min.isr", "2"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("auto.create.topics.enable", "false")).forEach(builder::setConfigProp);
        KafkaClusterTestKit cluster = builder.build();
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            cluster.close();
            delete(logDir);
            throw e;
        }
        return new ReplicatedKafkaCluster(cluster, logDir);
    }

    /** @return a connection to every broker */
    public KafkaConnection connection() {
        return connection;
    }

    /** @return the ids of the brokers now running */
    public Set<Integer> runningBrokers() {
        Set<Integer> ids = new TreeSet<>();
        cluster.brokers().forEach((id, server) -> {
            if (!server.isShutdown()) {
                ids.add(id);
            }
        });
        return ids;
    }

    /**
     * @param topic     the topic
     * @param partition its partition
     * @return the id of the partition's leader now
     * @throws Exception if the cluster does not answer
     */
    public int leaderOf(String topic, int partition) throws Exception {
        return describe(topic).partitions().get(partition).leader().id();
    }

    /**
     * @param topic     the topic
     * @param partition its partition
     * @return the ids of the partition's in-sync replicas now
     * @throws Exception if the cluster does not answer
     */
    public List<Integer> inSyncReplicas(String topic, int partition) throws Exception {
        return describe(topic).partitions().get(partition).isr().stream().map(Node::id).sorted().toList();
    }

    private TopicDescription describe(String topic) throws Exception {
        try (Admin admin = Admin.create(connection.adminConfig())) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        }
    }

    /**
     * Stops one broker for good, as an operator's controlled shutdown does: leadership moves to
     * the other replicas first. Returns once it has stopped.
     *
     * @param id the broker's id
     */
    public void stopBroker(int id) {
        BrokerServer server = cluster.brokers().get(id);
        if (server == null) {
            throw new IllegalArgumentException("broker id: got " + id + ", expected one of " + cluster.brokers().keySet());
        }
        server.shutdown();
        server.awaitShutdown();
    }

    /** Stops every node, then deletes the log directories. */
    @Override
    public void close() {
        try {
            cluster.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("the cluster did not close cleanly: " + e, e);
        } finally {
            delete(logDir);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A leftover temporary directory is harmless.
        }
    }
}
