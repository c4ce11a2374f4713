package dev.tributary.kafka;

import dev.tributary.common.TributaryException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The topic operations the harness needs, with errors that say which topic and what to do.
 * Every call waits at most {@value #TIMEOUT_SECONDS} seconds, so an unreachable cluster is a
 * clear failure instead of a hang.
 */
public final class TopicAdmin implements AutoCloseable {

    static final long TIMEOUT_SECONDS = 60;

    private final Admin admin;
    private final KafkaConnection connection;

    /**
     * @param connection the cluster
     */
    public TopicAdmin(KafkaConnection connection) {
        this.connection = connection;
        this.admin = Admin.create(connection.adminConfig());
    }

    /**
     * Creates the topic, or checks that the existing one has the partition count asked for.
     *
     * @param topic             the name
     * @param partitions        the partition count
     * @param replicationFactor the replication factor of a new topic (-1: the broker's default)
     * @param configs           topic configs of a new topic (e.g. {@code cleanup.policy=compact})
     * @throws TributaryException if it exists with another partition count, or the cluster fails
     */
    public void ensureTopic(String topic, int partitions, short replicationFactor, Map<String, String> configs) {
        boolean created = create(topic, partitions, replicationFactor, configs);
        int existing = created ? partitions : describe(topic).partitions().size();
        if (existing != partitions) {
            throw new TributaryException("topic " + topic + " exists with " + existing + " partitions, but "
                    + partitions + " were configured; delete it or configure " + existing);
        }
    }

    /**
     * Creates the topic unless it exists: atomic on the controller, so that of clients creating
     * one name at once exactly one is told it created it. A claim on a name is this call.
     *
     * @param topic             the name
     * @param partitions        the partition count
     * @param replicationFactor the replication factor (-1: the broker's default)
     * @param configs           topic configs
     * @return whether this call created it ({@code false}: it existed), once it can be described
     * @throws TributaryException if the cluster fails
     */
    public boolean create(String topic, int partitions, short replicationFactor, Map<String, String> configs) {
        try {
            boolean created = true;
            try {
                Optional<Short> replication = replicationFactor > 0 ? Optional.of(replicationFactor) : Optional.empty();
                admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), replication)
                        .configs(configs))).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw failure("create topic " + topic, e.getCause());
                }
                created = false;
            }
            // Also when another client created it a moment ago (stages or strategies starting side by
            // side): it exists for the controller before every broker can describe it.
            awaitVisible(topic);
            return created;
        } catch (TimeoutException | InterruptedException e) {
            throw failure("create topic " + topic, e);
        }
    }

    /**
     * KRaft acknowledges a new topic once the controller has it; a broker may answer a describe
     * for a few milliseconds more as if it did not exist (seen on a freshly started broker), so
     * the creator waits until the topic can be described.
     */
    private void awaitVisible(String topic) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            try {
                admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw failure("describe new topic " + topic, e.getCause());
                }
                Thread.sleep(20);
            }
        }
    }

    /**
     * @param topic the name
     * @return whether the topic exists
     * @throws TributaryException if the cluster fails
     */
    public boolean exists(String topic) {
        try {
            return admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).contains(topic);
        } catch (ExecutionException e) {
            throw failure("list topics", e.getCause());
        } catch (TimeoutException | InterruptedException e) {
            throw failure("list topics", e);
        }
    }

    /**
     * @param topic the name
     * @return its description
     * @throws TributaryException if it does not exist or the cluster fails
     */
    public TopicDescription describe(String topic) {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new TributaryException("topic " + topic + " does not exist on " + connection.bootstrapServers());
            }
            throw failure("describe topic " + topic, e.getCause());
        } catch (TimeoutException | InterruptedException e) {
            throw failure("describe topic " + topic, e);
        }
    }

    /**
     * @param topic the name
     * @return Kafka's ID of the topic (a UUID, in Kafka's base64 spelling): a topic deleted and
     *         re-created under the same name gets a new one
     * @throws TributaryException if it does not exist or the cluster fails
     */
    public String topicId(String topic) {
        return describe(topic).topicId().toString();
    }

    /**
     * @param topic the name
     * @return the end offset of each partition
     */
    public Map<TopicPartition, Long> endOffsets(String topic) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        describe(topic).partitions().forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        try {
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(request).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .forEach((tp, info) -> ends.put(tp, info.offset()));
            return ends;
        } catch (ExecutionException e) {
            throw failure("list offsets of " + topic, e.getCause());
        } catch (TimeoutException | InterruptedException e) {
            throw failure("list offsets of " + topic, e);
        }
    }

    /**
     * @param topic the name
     * @return the number of records between each partition's start and end offsets
     */
    public long recordCount(String topic) {
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, Long> ends = endOffsets(topic);
        ends.keySet().forEach(tp -> earliest.put(tp, OffsetSpec.earliest()));
        try {
            long count = 0;
            for (var e : admin.listOffsets(earliest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).entrySet()) {
                count += ends.get(e.getKey()) - e.getValue().offset();
            }
            return count;
        } catch (ExecutionException e) {
            throw failure("list offsets of " + topic, e.getCause());
        } catch (TimeoutException | InterruptedException e) {
            throw failure("list offsets of " + topic, e);
        }
    }

    /**
     * Deletes topics; one that does not exist is not an error.
     *
     * @param topics the names
     * @throws TributaryException if the cluster fails
     */
    public void delete(String... topics) {
        for (String topic : topics) {
            try {
                admin.deleteTopics(List.of(topic)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw failure("delete topic " + topic, e.getCause());
                }
            } catch (TimeoutException | InterruptedException e) {
                throw failure("delete topic " + topic, e);
            }
        }
    }

    private TributaryException failure(String what, Throwable cause) {
        if (cause instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        String reason = cause instanceof TimeoutException
                ? "no answer within " + TIMEOUT_SECONDS + " s (is the cluster reachable?)" : String.valueOf(cause);
        return new TributaryException("could not " + what + " on " + connection.bootstrapServers() + ": " + reason, cause);
    }

    @Override
    public void close() {
        admin.close();
    }
}
