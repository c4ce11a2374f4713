package dev.tributary.broker;

import dev.tributary.broker.test.SharedKafka;
import dev.tributary.broker.test.TopicFixtures;
import dev.tributary.common.TributaryException;
import dev.tributary.common.provenance.OffsetRange;
import dev.tributary.common.test.SyntheticData;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.kafka.TopicFeed;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one topic feed against a real broker: each way it stops, and where it leaves the consumer. */
@Tag("integration")
class TopicFeedIntegrationTest {

    private final KafkaConnection kafka = SharedKafka.connection();

    /** A topic of {@code records} examples, and the fixture's one record without key or value at the end. */
    private String topicOf(int records, int partitions) {
        String topic = SharedKafka.unique("feed");
        TopicFixtures.write(kafka, topic, partitions, SyntheticData.blobs(records, 3));
        return topic;
    }

    @Test
    void aBoundedReadStopsAtTheEndOffsetsAndSaysWhatItRead() {
        String topic = topicOf(250, 2);
        List<Long> offsets = new ArrayList<>();
        try (TopicFeed feed = TopicFeed.fromBeginning(kafka, topic, TopicFeed.Settings.toEnd(7))) {
            assertEquals(TopicFeed.Stop.END_OFFSETS, feed.run(r -> offsets.add(r.offset())));
            assertEquals(251, feed.handed());
            assertEquals(251, feed.offsetsRead().stream().mapToLong(r -> r.end() - r.start()).sum());
            assertEquals(List.of(0, 1), feed.offsetsRead().stream().map(OffsetRange::partition).toList());
        }
        assertEquals(251, offsets.size());
    }

    @Test
    void aCountStopsMidPollAndTheNextRunContinuesAfterTheLastRecordHanded() {
        String topic = topicOf(100, 1);
        List<Long> seen = new ArrayList<>();
        try (TopicFeed feed = TopicFeed.fromBeginning(kafka, topic, TopicFeed.Settings.exactly(500, 40, 30_000))) {
            assertEquals(TopicFeed.Stop.COUNT, feed.run(r -> seen.add(r.offset())), "40 of a poll of 100");
            assertEquals(40, seen.size());
        }
        try (TopicFeed feed = TopicFeed.fromBeginning(kafka, topic,
                new TopicFeed.Settings(500, 0, false, 1_000, TopicFeed.OnIdle.STOP))) {
            List<Long> rest = new ArrayList<>();
            assertEquals(TopicFeed.Stop.REQUESTED, feed.run(r -> {
                rest.add(r.offset());
                return r.offset() < 59;
            }), "the handler asked to stop");
            assertEquals(60, rest.size());
            assertEquals(TopicFeed.Stop.IDLE, feed.run(r -> rest.add(r.offset())), "then idle after the rest");
            assertEquals(101, rest.size());
            for (int i = 0; i < rest.size(); i++) {
                assertEquals(i, rest.get(i), "every record once, in offset order, none skipped at the stop");
            }
        }
    }

    @Test
    void theEveryPollHookRunsAfterThePollsRecordsWereHanded() {
        String topic = topicOf(250, 1);
        List<Integer> handedAtHook = new ArrayList<>();
        List<Long> batch = new ArrayList<>();
        try (TopicFeed feed = TopicFeed.fromBeginning(kafka, topic, TopicFeed.Settings.toEnd(60))) {
            feed.run(r -> batch.add(r.offset()), () -> {
                // A caller that batches a poll's records (the experiment's driver) sees them here, at once.
                handedAtHook.add(batch.size());
            });
        }
        assertEquals(251, batch.size());
        assertEquals(251, handedAtHook.get(handedAtHook.size() - 1),
                "the last hook ran after the last poll's records, not before them");
    }

    @Test
    void idlenessFailsWhenRecordsWereExpected() {
        String topic = topicOf(10, 1);
        try (TopicFeed feed = TopicFeed.fromBeginning(kafka, topic, TopicFeed.Settings.exactly(500, 12, 1_000))) {
            TributaryException e = assertThrows(TributaryException.class, () -> feed.run(r -> true));
            assertTrue(e.getMessage().contains("read 11 of 12 records from " + topic), e.getMessage());
        }
    }

    @Test
    void anotherThreadCanStopAFeedThatWaits() throws Exception {
        String topic = topicOf(5, 1);
        try (TopicFeed feed = TopicFeed.fromBeginning(kafka, topic,
                new TopicFeed.Settings(500, 0, false, 0, TopicFeed.OnIdle.STOP))) {
            CompletableFuture<TopicFeed.Stop> running = CompletableFuture.supplyAsync(() -> feed.run(r -> true));
            Thread.sleep(1_000);
            feed.requestStop();
            assertEquals(TopicFeed.Stop.REQUESTED, running.get(30, TimeUnit.SECONDS));
            assertEquals(6, feed.handed());
        }
    }
}
