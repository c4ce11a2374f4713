package dev.tributary.common.kafka;

import dev.tributary.common.test.SharedKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        List<OffsetRange> ranges = new BoundedTopicReader(kafka).read(topic, r -> seen.add((int) r.value()[0]));
        assertEquals(7, seen.size());
        assertEquals(List.of(new OffsetRange(0, 0, 4), new OffsetRange(1, 0, 3)), ranges);
    }
}
