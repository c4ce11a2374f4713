package dev.tributary.producer;

import dev.tributary.common.ProgressListener;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.config.TopicsConfig;
import dev.tributary.common.data.ExampleCodec;
import dev.tributary.common.data.LabelSchedule;
import dev.tributary.common.data.Schema;
import dev.tributary.common.provenance.ProduceResult;
import dev.tributary.kafka.DeadLetter;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.kafka.TopicAdmin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Writes a scenario's source to its topics, key = class index, value = the features as CSV: the
 * {@link EventSequence} of its {@link EventSource}, the train part to the train topic (under the
 * prequential protocol, the events topic) and the test part to the test topic, each event when
 * it is due; a data set's rejected rows go to the dead-letter topic first.
 *
 * <p>Counts reconcile: rows read (or events generated) = train + test + dead-lettered, with the
 * rejections counted by {@link dev.tributary.common.data.MalformedRecordException.Kind} in
 * {@link ProduceResult#rejections()}. A dead letter's value is the line's bytes exactly as in the
 * file (bytes that are not UTF-8 included); its headers hold the reason, {@code location:line}
 * and the stage {@value #STAGE}.
 */
public final class SourceProducer {

    private static final Logger LOG = LoggerFactory.getLogger(SourceProducer.class);
    /** The stage named in the producer's dead letters. */
    static final String STAGE = "producer";

    private final KafkaConnection connection;
    private final EventSource source;
    private final TopicsConfig topics;
    private final Pacing pacing;
    private final ProgressListener progress;
    /** Where labels go when they come late, and when each is due; {@code null} when they come with their events. */
    private final String labelsTopic;
    private final LabelSchedule labelSchedule;

    /**
     * @param connection the cluster
     * @param source     the events
     * @param topics     where to write
     * @param pacing     the pace of the sends
     * @param progress   hears how many records have been sent: {@code start} once the topics exist
     *                   and the Kafka producer is created, {@code finish} once every record is
     *                   acknowledged and the producer closed (the span Kafka's
     *                   {@code ProducerPerformance} times, which the benchmark compares)
     */
    public SourceProducer(KafkaConnection connection, EventSource source, TopicsConfig topics, Pacing pacing,
                          ProgressListener progress) {
        this(connection, source, topics, pacing, progress, null, null);
    }

    private SourceProducer(KafkaConnection connection, EventSource source, TopicsConfig topics, Pacing pacing,
                           ProgressListener progress, String labelsTopic, LabelSchedule labelSchedule) {
        this.connection = connection;
        this.source = source;
        this.topics = topics;
        this.pacing = pacing;
        this.progress = progress;
        this.labelsTopic = labelsTopic;
        this.labelSchedule = labelSchedule;
    }

    /**
     * @param topic    where the train part's labels go, each keyed by its event's id
     * @param schedule when each falls due
     * @return this producer writing the train part's events without labels, keyed by their ids
     *         ({@link ExampleCodec#encodeEventId}), and each label to {@code topic} once the event
     *         it is due after has been written; labels due after the last event follow on the
     *         stream's schedule, before the test part
     */
    public SourceProducer withLateLabels(String topic, LabelSchedule schedule) {
        return new SourceProducer(connection, source, topics, pacing, progress, topic, schedule);
    }

    /**
     * @param connection the cluster (with the scenario's client properties already applied)
     * @param scenario   the run
     * @param progress   hears how far it has come
     * @return the producer for the scenario's source
     */
    public static SourceProducer forScenario(KafkaConnection connection, ScenarioConfig scenario,
                                             ProgressListener progress) {
        return forScenario(connection, scenario, progress, Pacing.atRate(scenario.rate()));
    }

    /**
     * @param connection the cluster (with the scenario's client properties already applied)
     * @param scenario   the run
     * @param progress   hears how far it has come
     * @param pacing     when each event is sent (the scenario's rate, after a past sent at once)
     * @return the producer for the scenario's source
     */
    public static SourceProducer forScenario(KafkaConnection connection, ScenarioConfig scenario,
                                             ProgressListener progress, Pacing pacing) {
        EventSource source = EventSource.forScenario(scenario);
        SourceProducer producer = new SourceProducer(connection, source, scenario.topics(), pacing, progress);
        return scenario.labels().joined()
                ? producer.withLateLabels(scenario.labelsTopic(), scenario.labelSchedule(source.trainEvents()))
                : producer;
    }

    /**
     * Creates the topics if needed and writes every event to exactly one of them. The source is
     * opened first, so that a data set that cannot be read fails before any connection opens.
     *
     * @return the counts, which reconcile
     * @throws dev.tributary.common.TributaryException if the source cannot be read or Kafka rejects a write
     */
    public ProduceResult produce() {
        long startNanos = System.nanoTime();
        EventSequence events = source.open();
        createTopics(connection, topics);
        if (labelsTopic != null) {
            createLabelsTopic(connection, labelsTopic, topics.replicationFactor());
        }
        long labels = 0;
        try (TopicWriter writer = new TopicWriter(new KafkaProducer<>(connection.producerConfig()), pacing, progress)) {
            progress.start("producing " + source.describe(), events.read());
            for (RejectedRow row : events.rejected()) {
                writer.deadLetter(topics.deadLetter(), new DeadLetter(null, row.bytes(), row.reason(), row.source(), STAGE));
            }
            LateLabels late = labelsTopic == null ? null : new LateLabels(writer);
            for (long i = 0; events.hasNext(); i++) {
                if (late != null && i == events.trainEvents()) {
                    late.flush(i);
                }
                if (late != null && i < events.trainEvents()) {
                    late.send(i, events.next());
                } else {
                    writer.send(i < events.trainEvents() ? topics.train() : topics.test(), events.next());
                }
            }
            if (late != null) {
                late.flush(events.trainEvents());
            }
            writer.flush();
            labels = labelsTopic == null ? 0 : events.trainEvents();
        }
        progress.finish();
        long wallMs = (System.nanoTime() - startNanos) / 1_000_000;
        long test = events.events() - events.trainEvents();
        ProduceResult result = new ProduceResult(topics.prefix(), events.read(), events.trainEvents(), test,
                events.rejected().size(), events.imputedValues(), events.rejections(), events.driftPositions(),
                topics.train(), topics.test(), topics.deadLetter(), wallMs, labelsTopic, labels);
        LOG.info("Produced {}: {} read, {} train, {} test, {} dead-lettered {}, {} values imputed, in {} ms ({} events/s)"
                        + "{}", source.describe(), result.read(), result.trainRecords(), test, result.deadLettered(),
                result.rejections(), result.imputedValues(), wallMs, Math.round(result.eventsPerSecond()),
                result.driftPositions().isEmpty() ? "" : "; drift at " + result.driftPositions());
        return result;
    }

    /**
     * The train part's labels on their way: held from their event until they fall due. Memory: the
     * labels of the last {@code delay} events, an int each.
     */
    private final class LateLabels {
        private final TopicWriter writer;
        private final java.util.ArrayDeque<Integer> waiting = new java.util.ArrayDeque<>();
        private long next;

        LateLabels(TopicWriter writer) {
            this.writer = writer;
        }

        /** Sends event {@code position} without its label, then the label that falls due after it. */
        void send(long position, dev.tributary.common.data.Example example) {
            long timestampMs = writer.sendUnlabelled(topics.train(), position, example);
            waiting.add(example.label());
            due(labelSchedule.dueAfter(position), timestampMs);
        }

        /**
         * The train part ended at {@code end}: the labels still waiting fall due on the stream's
         * schedule after it, and are sent then (once; a second call finds none waiting).
         */
        void flush(long end) {
            for (long position = end; !waiting.isEmpty(); position++) {
                long timestampMs = writer.awaitNext();
                due(labelSchedule.dueAfter(position), timestampMs);
            }
        }

        private void due(long id, long timestampMs) {
            if (id < 0) {
                return;
            }
            if (id != next) {
                throw new IllegalStateException("label of event " + id + " due before that of " + next);
            }
            writer.sendLabel(labelsTopic, id, waiting.poll(), timestampMs);
            next++;
        }
    }

    /**
     * @param scenario a run
     * @return how many events its producer will write to the train (prequential: events) topic,
     *         known before it starts: a generated stream's share, or a data set's rows in the train
     *         split (the file is read once for it)
     */
    public static long trainEvents(ScenarioConfig scenario) {
        return EventSource.forScenario(scenario).trainEvents();
    }

    /**
     * @param scenario a run
     * @return the schema of its source: a data set's features and classes, or a generator's
     */
    public static Schema schema(ScenarioConfig scenario) {
        return EventSource.forScenario(scenario).schema();
    }

    /**
     * Creates a scenario's topics, its labels topic included when labels come late, or checks the
     * existing ones' partitions.
     */
    public static void createTopics(KafkaConnection connection, ScenarioConfig scenario) {
        createTopics(connection, scenario.topics());
        if (scenario.labels().joined()) {
            createLabelsTopic(connection, scenario.labelsTopic(), scenario.topics().replicationFactor());
        }
    }

    /** One partition: the labels of one ordered stream, in the order they fall due. */
    private static void createLabelsTopic(KafkaConnection connection, String topic, short replicationFactor) {
        try (TopicAdmin admin = new TopicAdmin(connection)) {
            admin.ensureTopic(topic, 1, replicationFactor, Map.of());
        }
    }

    /** Creates the train, test and dead-letter topics, or checks the existing ones' partitions. */
    public static void createTopics(KafkaConnection connection, TopicsConfig topics) {
        try (TopicAdmin admin = new TopicAdmin(connection)) {
            admin.ensureTopic(topics.train(), topics.trainPartitions(), topics.replicationFactor(), Map.of());
            admin.ensureTopic(topics.test(), topics.testPartitions(), topics.replicationFactor(), Map.of());
            admin.ensureTopic(topics.deadLetter(), 1, topics.replicationFactor(), Map.of());
        }
    }
}
