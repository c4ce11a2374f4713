package dev.tributary.broker;

import dev.tributary.common.provenance.OffsetRange;
import dev.tributary.kafka.TopicAdmin;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.broker.test.TopicFixtures;

import dev.tributary.broker.test.SharedKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("integration")
class EmbeddedKafkaBrokerIntegrationTest {

    @Test
    void listensOnLoopbackOnly() {
        String servers = SharedKafka.connection().bootstrapServers();
        assertTrue(servers.matches("(localhost|127\\.0\\.0\\.1):\\d+"), servers);
    }

    @Test
    void consumerGroupReceivesAndCommits() throws Exception {
        // A consumer group needs the offsets topic; with its default replication factor of 3 a
        // single broker would leave the group waiting for a coordinator forever.
        KafkaConnection kafka = SharedKafka.connection();
        String topic = SharedKafka.unique("group-roundtrip");
        try (TopicAdmin admin = new TopicAdmin(kafka)) {
            admin.ensureTopic(topic, 2, (short) 1, Map.of());
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producerConfig())) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>(topic, i % 2, null, ("v" + i).getBytes(StandardCharsets.UTF_8))).get();
            }
        }
        String group = SharedKafka.unique("group");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(kafka.consumerConfig(group))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.size() < 10 && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(new String(r.value(), StandardCharsets.UTF_8));
                }
            }
            consumer.commitSync();
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(
                    java.util.Set.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1)));
            assertEquals(5, committed.get(new TopicPartition(topic, 0)).offset());
            assertEquals(5, committed.get(new TopicPartition(topic, 1)).offset());
        }
        assertEquals(10, values.size());
    }

    @Test
    void boundedReaderStopsAtEndOffsets() throws Exception {
        KafkaConnection kafka = SharedKafka.connection();
        String topic = SharedKafka.unique("bounded");
        try (TopicAdmin admin = new TopicAdmin(kafka)) {
            admin.ensureTopic(topic, 2, (short) 1, Map.of());
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producerConfig())) {
                for (int i = 0; i < 7; i++) {
                    producer.send(new ProducerRecord<>(topic, i % 2, null, new byte[] {(byte) i})).get();
                }
            }
            assertEquals(7, admin.recordCount(topic));
        }
        List<Integer> seen = new ArrayList<>();
        List<OffsetRange> ranges = TopicFixtures.read(kafka, topic, r -> seen.add((int) r.value()[0]));
        assertEquals(7, seen.size());
        assertEquals(List.of(new OffsetRange(0, 0, 4), new OffsetRange(1, 0, 3)), ranges);
    }

    @Test
    void restartKeepsTheAddressTheDataAndTheCommittedOffsets() throws Exception {
        // Its own broker: a restart would disturb every other test on the shared one.
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            KafkaConnection kafka = broker.connection();
            String address = broker.bootstrapServers();
            try (TopicAdmin admin = new TopicAdmin(kafka)) {
                admin.ensureTopic("restart", 1, (short) 1, Map.of());
            }
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producerConfig());
                 KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(kafka.consumerConfig("restart-group"))) {
                producer.send(new ProducerRecord<>("restart", 0, null, new byte[] {1})).get();
                consumer.subscribe(List.of("restart"));
                List<ConsumerRecord<byte[], byte[]>> before = pollUntil(consumer, 1);
                consumer.commitSync();

                broker.restart(Duration.ofMillis(500));

                assertEquals(address, broker.bootstrapServers(), "same address after the restart");
                // The same producer and consumer carry on: they reconnect to the restarted broker.
                producer.send(new ProducerRecord<>("restart", 0, null, new byte[] {2})).get();
                List<ConsumerRecord<byte[], byte[]>> after = pollUntil(consumer, 1);
                assertEquals(1, before.size());
                assertEquals(List.of(1L), after.stream().map(ConsumerRecord::offset).toList(),
                        "the consumer resumes at its position, neither re-reading nor skipping");
                consumer.commitSync();
                assertEquals(2, consumer.committed(java.util.Set.of(new TopicPartition("restart", 0)))
                        .get(new TopicPartition("restart", 0)).offset());
            }
            try (TopicAdmin admin = new TopicAdmin(kafka)) {
                assertEquals(2, admin.recordCount("restart"), "the log survived the restart");
            }
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> pollUntil(KafkaConsumer<byte[], byte[]> consumer, int count) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (records.size() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }
}
