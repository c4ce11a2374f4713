package dev.tributary.kafka;

import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A partition assignor that gives every partition of the subscribed topics to one member of the
 * group and nothing to the others: the group itself is the lock of a stage that must run as a
 * single instance ({@link TopicFeed#subscribeAsSoleOwner}). The member that owned the partitions
 * at the latest generation keeps them, so that a member joining does not move the work; when the
 * owner leaves or its session expires, the member with the smallest member ID takes them.
 *
 * <p>It relies on the classic group protocol's eager rebalancing, under which every member gives
 * up its partitions (its {@code onPartitionsRevoked} runs to completion) before the group's leader
 * computes the next assignment: the next owner is only assigned what the last one has released.
 * Each member says in its subscription's user data the generation at which it last owned
 * partitions, since under eager rebalancing its owned-partitions field is empty by then.
 *
 * <p>Kafka instantiates it by class name, once per consumer: the state is that consumer's own.
 */
public final class SoleOwnerAssignor implements ConsumerPartitionAssignor {

    /** The name the group's members agree on. */
    public static final String NAME = "tributary-sole-owner";
    /**
     * The generation at which this member was last given partitions (-1: never). A member that lost
     * them to a session timeout claims an older generation than whoever took them over.
     */
    private volatile int ownedAtGeneration = -1;

    /** What Kafka calls: a consumer's own instance. */
    public SoleOwnerAssignor() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<RebalanceProtocol> supportedProtocols() {
        return List.of(RebalanceProtocol.EAGER);
    }

    @Override
    public ByteBuffer subscriptionUserData(Set<String> topics) {
        ByteBuffer data = ByteBuffer.allocate(Integer.BYTES).putInt(ownedAtGeneration);
        data.flip();
        return data;
    }

    @Override
    public void onAssignment(Assignment assignment, ConsumerGroupMetadata metadata) {
        ownedAtGeneration = assignment.partitions().isEmpty() ? -1 : metadata.generationId();
    }

    @Override
    public GroupAssignment assign(Cluster metadata, GroupSubscription groupSubscription) {
        Map<String, Subscription> members = groupSubscription.groupSubscription();
        String owner = owner(members);
        Set<String> topics = new TreeSet<>();
        members.values().forEach(s -> topics.addAll(s.topics()));
        List<TopicPartition> all = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> partitions = metadata.partitionsForTopic(topic);
            partitions.forEach(p -> all.add(new TopicPartition(topic, p.partition())));
        }
        Map<String, Assignment> assignment = new HashMap<>();
        members.keySet().forEach(m -> assignment.put(m, new Assignment(m.equals(owner) ? all : List.of())));
        return new GroupAssignment(assignment);
    }

    /**
     * Visible for testing.
     *
     * @param members member ID → subscription
     * @return the member that owned the partitions most recently, or the smallest member ID
     */
    static String owner(Map<String, Subscription> members) {
        String owner = null;
        int ownerGeneration = -1;
        for (String member : new TreeSet<>(members.keySet())) {
            int generation = ownedAt(members.get(member).userData());
            if (owner == null || generation > ownerGeneration) {
                owner = member;
                ownerGeneration = generation;
            }
        }
        return owner;
    }

    private static int ownedAt(ByteBuffer userData) {
        if (userData == null || userData.remaining() < Integer.BYTES) {
            return -1;
        }
        return userData.duplicate().getInt();
    }
}
