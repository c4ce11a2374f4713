package dev.tributary.producer;

import dev.tributary.common.provenance.ProduceResult;
import dev.tributary.common.ProgressListener;
import dev.tributary.common.config.RateConfig;
import dev.tributary.common.config.TopicsConfig;
import dev.tributary.common.config.generator.StreamSpec;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.producer.generator.ExampleGenerator;
import dev.tributary.producer.generator.Generators;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Writes a generated stream, in time order: the first {@code trainFraction} of the events to
 * the train topic, the rest to the test topic, each event generated just before it is sent.
 * Memory stays constant whatever the length; only Kafka's own send buffer holds events.
 */
public final class StreamProducer implements SourceProducer {

    private static final Logger LOG = LoggerFactory.getLogger(StreamProducer.class);

    private final KafkaConnection connection;
    private final StreamSpec stream;
    private final long events;
    private final double trainFraction;
    private final TopicsConfig topics;
    private final Pacing pacing;
    private final long seed;
    private final ProgressListener progress;

    /**
     * @param connection    the cluster
     * @param stream        the generator and its drift
     * @param events        how many events to generate
     * @param trainFraction the leading share of events that goes to the train topic
     * @param topics        where to write
     * @param pacing        the pace of the sends
     * @param seed          the generator's seed
     * @param progress      hears how many events have been sent
     */
    public StreamProducer(KafkaConnection connection, StreamSpec stream, long events, double trainFraction,
                          TopicsConfig topics, Pacing pacing, long seed, ProgressListener progress) {
        this.connection = connection;
        this.stream = stream;
        this.events = events;
        this.trainFraction = trainFraction;
        this.topics = topics;
        this.pacing = pacing;
        this.seed = seed;
        this.progress = progress;
    }

    @Override
    public ProduceResult produce() {
        long startNanos = System.nanoTime();
        SourceProducer.createTopics(connection, topics);
        ExampleGenerator generator = Generators.create(stream, seed);
        long trainEvents = Math.round(events * trainFraction);
        progress.start("producing " + stream.describe(), events);
        try (TopicWriter writer = new TopicWriter(new KafkaProducer<>(connection.producerConfig()), pacing, progress)) {
            for (long i = 0; i < events; i++) {
                writer.send(i < trainEvents ? topics.train() : topics.test(), generator.next());
            }
            writer.flush();
        }
        progress.finish();
        long wallMs = (System.nanoTime() - startNanos) / 1_000_000;
        ProduceResult result = new ProduceResult(topics.prefix(),
                events, trainEvents, events - trainEvents, 0, 0, Map.of(), stream.driftPositions(events),
                topics.train(), topics.test(), topics.deadLetter(), wallMs);
        LOG.info("Produced {} generated events ({} train, {} test) in {} ms ({} events/s); drift at {}", events,
                trainEvents, events - trainEvents, wallMs, Math.round(result.eventsPerSecond()), result.driftPositions());
        return result;
    }
}
