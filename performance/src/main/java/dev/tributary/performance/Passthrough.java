package dev.tributary.performance;

import dev.tributary.common.TributaryException;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.kafka.TopicAdmin;
import dev.tributary.serving.ModelScorer;
import dev.tributary.serving.StreamsApplications;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.time.Duration;
import java.util.Map;

/**
 * A Kafka Streams application of the scorer's shape that forwards each event unchanged: the
 * scorer's events and predictions topics (as many partitions), byte serdes, guarantee, commit
 * interval and client settings ({@link ModelScorer#config}), and no model, buffer or inference.
 * What it costs, in throughput ({@link ScorerCeiling}) and latency ({@link ServingBenchmark}), is
 * what Kafka Streams and the broker cost on this machine: the ceiling of what Tributary controls.
 */
final class Passthrough implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaStreams streams;
    private final String output;

    private Passthrough(KafkaStreams streams, String output) {
        this.streams = streams;
        this.output = output;
    }

    /**
     * Creates the output topic (as many partitions as the events topic) and starts forwarding.
     *
     * @param connection the cluster
     * @param settings   the scorer's settings whose application this mirrors (its topics, id, guarantee)
     * @return the running application, once it runs
     */
    static Passthrough start(KafkaConnection connection, ModelScorer.Settings settings) {
        var topics = settings.topics();
        try (TopicAdmin admin = new TopicAdmin(connection)) {
            var events = admin.describe(topics.events());
            admin.ensureTopic(topics.predictions(), events.partitions().size(),
                    (short) events.partitions().get(0).replicas().size(), Map.of());
        }
        Topology topology = new Topology();
        topology.addSource("events", new ByteArrayDeserializer(), new ByteArrayDeserializer(), topics.events());
        topology.addProcessor("forward", Forward::new, "events");
        topology.addSink("predictions", topics.predictions(), new ByteArraySerializer(), new ByteArraySerializer(),
                "forward");
        KafkaStreams streams = new KafkaStreams(topology, ModelScorer.config(connection, settings));
        streams.start();
        Passthrough passthrough = new Passthrough(streams, topics.predictions());
        if (!StreamsApplications.awaitRunning(streams, START_TIMEOUT, "passthrough application")) {
            passthrough.close();
            throw new TributaryException("the passthrough application did not start: " + streams.state());
        }
        return passthrough;
    }

    /** @return the topic it forwards to */
    String output() {
        return output;
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
    }

    /** Forwards each event as it came: the least a processor between the two topics can do. */
    private static final class Forward implements Processor<byte[], byte[], byte[], byte[]> {
        private ProcessorContext<byte[], byte[]> context;

        @Override
        public void init(ProcessorContext<byte[], byte[]> context) {
            this.context = context;
        }

        @Override
        public void process(Record<byte[], byte[]> record) {
            context.forward(record);
        }
    }
}
