package dev.tributary.broker.test;

import dev.tributary.common.provenance.OffsetRange;
import dev.tributary.kafka.TopicFeed;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.tributary.common.data.Example;
import dev.tributary.common.data.ExampleCodec;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.kafka.TopicAdmin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Writes examples to a topic in the harness's wire format, for tests of the stages that read
 * topics without depending on the producer module.
 */
public final class TopicFixtures {

    private TopicFixtures() {
    }

    /**
     * Creates the topic and writes the examples round-robin over its partitions, in order.
     *
     * @param kafka      the cluster
     * @param topic      the topic
     * @param partitions its partition count
     * @param examples   what to write
     */
    public static void write(KafkaConnection kafka, String topic, int partitions, List<Example> examples) {
        try (TopicAdmin admin = new TopicAdmin(kafka)) {
            admin.ensureTopic(topic, partitions, (short) 1, Map.of());
        }
        // One request in flight: right after a topic is created, a first produce request can be
        // refused (NOT_LEADER_OR_FOLLOWER) while a second one, sent behind it, is appended; every
        // retry of the first then fails as out of order until it expires, and its records are lost
        // (KAFKA-15591, seen on a loaded 2-core machine). One request at a time cannot be overtaken.
        Map<String, Object> config = new java.util.HashMap<>(kafka.producerConfig());
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            // Every send is checked: a fixture that silently lost records (a broker that refused a
            // batch under load) would fail its test later as a wrong count, far from the cause.
            List<Future<?>> sent = new ArrayList<>(examples.size());
            for (int i = 0; i < examples.size(); i++) {
                Example e = examples.get(i);
                sent.add(producer.send(new ProducerRecord<>(topic, i % partitions, ExampleCodec.encodeKey(e.label()),
                        ExampleCodec.encodeValue(e.features()))));
            }
            producer.flush();
            for (int i = 0; i < sent.size(); i++) {
                try {
                    sent.get(i).get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("fixture: record " + i + " of " + sent.size() + " to " + topic
                            + " was not written: " + e.getCause(), e.getCause());
                }
            }
            producer.send(new ProducerRecord<>(topic, 0, null, null)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads a whole topic as it is now, through the project's one reader ({@link TopicFeed}).
     *
     * @param kafka   the cluster
     * @param topic   the topic
     * @param handler takes every record, in offset order within a partition
     * @return the offset ranges read, by partition
     */
    public static List<OffsetRange> read(KafkaConnection kafka, String topic,
                                         java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> handler) {
        try (TopicFeed feed = TopicFeed.fromBeginning(kafka, topic, TopicFeed.Settings.toEnd(500))) {
            feed.run(record -> {
                handler.accept(record);
                return true;
            });
            return feed.offsetsRead();
        }
    }
}
