package dev.tributary.kafka;

import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Assignment;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupSubscription;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SoleOwnerAssignorTest {

    private static final Node NODE = new Node(0, "localhost", 9092);
    private static final Cluster CLUSTER = new Cluster("c", List.of(NODE), List.of(
            new PartitionInfo("t", 0, NODE, null, null), new PartitionInfo("t", 1, NODE, null, null),
            new PartitionInfo("t", 2, NODE, null, null)), Set.of(), Set.of());

    /** A member's subscription, as its own assignor instance writes it after owning at that generation (or never). */
    private static Subscription member(int ownedAtGeneration) {
        SoleOwnerAssignor assignor = new SoleOwnerAssignor();
        if (ownedAtGeneration >= 0) {
            assignor.onAssignment(new Assignment(List.of(new TopicPartition("t", 0))),
                    new ConsumerGroupMetadata("g", ownedAtGeneration, "m", Optional.empty()));
        }
        return new Subscription(List.of("t"), assignor.subscriptionUserData(Set.of("t")));
    }

    @Test
    void oneMemberGetsEveryPartitionAndTheOthersNone() {
        Map<String, Assignment> assignment = new SoleOwnerAssignor().assign(CLUSTER,
                new GroupSubscription(Map.of("b", member(-1), "a", member(-1), "c", member(-1)))).groupAssignment();
        assertEquals(List.of(new TopicPartition("t", 0), new TopicPartition("t", 1), new TopicPartition("t", 2)),
                assignment.get("a").partitions(), "no owner yet: the smallest member ID");
        assertEquals(List.of(), assignment.get("b").partitions());
        assertEquals(List.of(), assignment.get("c").partitions());
    }

    @Test
    void theOwnerKeepsThePartitionsWhenAMemberJoins() {
        assertEquals("z", SoleOwnerAssignor.owner(Map.of("a", member(-1), "z", member(5))));
    }

    @Test
    void aMemberThatLostThePartitionsDoesNotTakeThemBackFromItsSuccessor() {
        assertEquals("b", SoleOwnerAssignor.owner(Map.of("a", member(3), "b", member(7))),
                "a owned them at generation 3, b since generation 7");
    }

    @Test
    void aStandbyHasNoClaim() {
        SoleOwnerAssignor assignor = new SoleOwnerAssignor();
        assignor.onAssignment(new Assignment(List.of(new TopicPartition("t", 0))),
                new ConsumerGroupMetadata("g", 4, "m", Optional.empty()));
        assignor.onAssignment(new Assignment(List.of()), new ConsumerGroupMetadata("g", 5, "m", Optional.empty()));
        ByteBuffer data = assignor.subscriptionUserData(Set.of("t"));
        assertEquals(-1, data.getInt(), "given nothing at generation 5: a standby");
    }
}
