package dev.tributary.evaluation.deployment;

import dev.tributary.common.TributaryException;
import dev.tributary.common.WallClock;
import dev.tributary.common.config.EvaluationConfig;
import dev.tributary.common.data.ExampleCodec;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.data.LabelSchedule;
import dev.tributary.common.data.MalformedRecordException;
import dev.tributary.common.data.Schema;
import dev.tributary.common.provenance.ModelMetadata;
import dev.tributary.evaluation.metrics.PrequentialScore;
import dev.tributary.kafka.DeadLetterWriter;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.kafka.ModelTopic;
import dev.tributary.kafka.LabelFeed;
import dev.tributary.kafka.TopicFeed;
import dev.tributary.model.ModelCodec;
import dev.tributary.results.Percentiles;
import dev.tributary.results.ServedResult;
import dev.tributary.serving.Prediction;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores what a deployment served: reads the predictions topic as the scorer writes it, joins
 * each prediction with its label (the record key, which repeats the event's) and with the
 * provenance of the model version that made it (read from the models topic), and measures quality
 * as served, latency, staleness, the publish → swap delay and the trainer's lag (see
 * {@link ServedResult}). It needs nothing but those two topics, so it measures a deployment in
 * this process and one on a cluster with the stages as separate processes alike.
 *
 * <p>When labels come late, a prediction's key is its event's id: the evaluator holds it (its
 * arrival time recorded) until its label comes on the labels topic, then scores it; a label the
 * topic goes past, or that has not come within the horizon, leaves the prediction unscored and
 * counted as {@code unlabelled}. Staleness is then counted from the labels too: the labels due
 * before the event that the serving model had not learned.
 *
 * <p>The first {@code history} distinct predictions, in arrival order, are the history: served
 * but not scored, as in the ideal. Predictions are scored in arrival order, which is the events'
 * order when the events topic has one partition (the default). A prediction of an event already
 * predicted (an at-least-once scorer after a crash) is counted as a duplicate and not scored
 * again. A record that is not a prediction goes to the dead-letter topic and is counted.
 *
 * <p>Memory: the provenance of every model version (a few hundred bytes each), per partition of
 * the events topic, the offsets predicted out of order (none when predictions arrive in order),
 * and, with late labels, the predictions waiting for theirs (at most the horizon).
 */
public final class ServedEvaluator {

    /** The stage named in this evaluator's dead letters. */
    public static final String STAGE = "served-evaluator";
    private static final Logger LOG = LoggerFactory.getLogger(ServedEvaluator.class);
    /** How long a prediction waits for its model version to appear on the models topic. */
    private static final Duration MODEL_WAIT = Duration.ofSeconds(30);

    /**
     * What to read and how much.
     *
     * @param predictions    the scorer's output topic
     * @param models         the models topic
     * @param deadLetter     where records that are not predictions go
     * @param strategy       whose models (the models topic's key)
     * @param events         how many events were produced: the evaluator stops after that many
     *                       distinct predictions
     * @param history        leading events served but not scored
     * @param maxPollRecords records per poll
     * @param stallTimeoutMs how long without a prediction counts as a failure
     * @param labels         where the labels come from when they come late ({@code null}: each
     *                       prediction's key is its event's class)
     */
    public record Settings(String predictions, String models, String deadLetter, String strategy, long events,
                           long history, int maxPollRecords, long stallTimeoutMs, LateLabels labels) {

        /** Labels with their events: each prediction's key is its event's class. */
        public Settings(String predictions, String models, String deadLetter, String strategy, long events,
                        long history, int maxPollRecords, long stallTimeoutMs) {
            this(predictions, models, deadLetter, strategy, events, history, maxPollRecords, stallTimeoutMs, null);
        }
    }

    /**
     * Labels that come late: each prediction's key is its event's id, and it is scored once its
     * label comes.
     *
     * @param topic         the labels topic
     * @param schedule      when each label fell due (for staleness counted from the labels)
     * @param horizonEvents how many predictions later a label that has not come is given up on
     */
    public record LateLabels(String topic, LabelSchedule schedule, long horizonEvents) {

        /**
         * @param scenario a deployment's scenario
         * @param events   its stream's events
         * @return where its labels come from, or {@code null} when they come with their events
         */
        public static LateLabels of(ScenarioConfig scenario, long events) {
            return scenario.labels().joined() ? new LateLabels(scenario.labelsTopic(), scenario.labelSchedule(events),
                    scenario.labels().horizonEvents()) : null;
        }
    }

    private final KafkaConnection connection;
    private final Schema schema;
    private final ExampleCodec codec;
    private final int numClasses;
    private final EvaluationConfig evaluation;
    private final Settings settings;

    /**
     * @param connection the cluster
     * @param schema     the events' schema
     * @param evaluation window, fading factor and curve spacing (as for the ideal)
     * @param settings   topics and counts
     */
    public ServedEvaluator(KafkaConnection connection, Schema schema, EvaluationConfig evaluation, Settings settings) {
        this.connection = connection;
        this.schema = schema;
        this.codec = ExampleCodec.forSchema(schema);
        this.numClasses = schema.numClasses();
        this.evaluation = evaluation;
        this.settings = settings;
    }

    /**
     * Reads until {@code events} distinct predictions have arrived.
     *
     * @return the measures (without the trainer's, which the caller adds)
     * @throws TributaryException if predictions stop arriving, or Kafka fails
     */
    public ServedResult run() {
        TopicFeed.Settings feedSettings = new TopicFeed.Settings(settings.maxPollRecords(), 0, false,
                settings.stallTimeoutMs(), TopicFeed.OnIdle.FAIL);
        try (Versions versions = new Versions();
             DeadLetterWriter deadLetters = DeadLetterWriter.open(connection, settings.deadLetter(), STAGE, (short) -1);
             TopicFeed feed = TopicFeed.fromBeginning(connection, settings.predictions(), feedSettings);
             LabelFeed labels = settings.labels() == null ? null : new LabelFeed(connection, settings.labels().topic(),
                     schema, deadLetters, settings.maxPollRecords(), settings.stallTimeoutMs())) {
            Tally tally = new Tally(versions, labels);
            if (settings.events() > 0) {
                feed.run(record -> {
                    try {
                        tally.add(record);
                    } catch (MalformedRecordException e) {
                        deadLetters.reject(record, e);
                        tally.rejected++;
                    }
                    return tally.distinct < settings.events();
                }, () -> {
                    versions.poll();
                    tally.resolve(false);
                });
            }
            tally.resolve(true);
            deadLetters.flush();
            versions.catchUp();
            return tally.result();
        }
    }

    /** The models topic, read as it grows: version → provenance and when it was published. */
    private final class Versions implements AutoCloseable {
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final Map<Long, Version> byNumber = new HashMap<>();
        private final Histogram trainerLagMillis = new Histogram(3);

        Versions() {
            Map<String, Object> config = connection.consumerConfig(null);
            config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, ModelTopic.MAX_MODEL_BYTES);
            consumer = new KafkaConsumer<>(config);
            List<TopicPartition> partitions = consumer.partitionsFor(settings.models(), Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(settings.models(), p.partition())).toList();
            if (partitions.isEmpty()) {
                consumer.close();
                throw new TributaryException("models topic " + settings.models() + " does not exist");
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        /** Reads what the models topic has gained. */
        void poll() {
            poll(Duration.ZERO);
        }

        /** Reads the models topic up to its end as it is now (bounded by {@link #MODEL_WAIT}). */
        void catchUp() {
            long deadline = System.nanoTime() + MODEL_WAIT.toNanos();
            while (!caughtUp() && System.nanoTime() < deadline) {
                poll(Duration.ofMillis(100));
            }
        }

        private void poll(Duration timeout) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(timeout)) {
                if (record.key() == null || record.value() == null
                        || !settings.strategy().equals(new String(record.key(), StandardCharsets.UTF_8))) {
                    continue;
                }
                try {
                    ModelMetadata metadata = ModelCodec.decodeMetadata(record.value());
                    if (byNumber.putIfAbsent(metadata.version(), new Version(metadata, record.timestamp())) == null
                            && metadata.lastEventMs() > 0) {
                        trainerLagMillis.recordValue(Math.max(0, metadata.createdAtMs() - metadata.lastEventMs()));
                    }
                } catch (TributaryException e) {
                    // The scorer rejects it too, so no prediction names it.
                    LOG.warn("Skipping a {} model record at offset {} that is not a model: {}", settings.strategy(),
                            record.offset(), e.getMessage());
                }
            }
        }

        /** @return the version, waiting for it to arrive; {@code null} if the topic no longer holds it */
        Version get(long version) {
            Version found = byNumber.get(version);
            long deadline = System.nanoTime() + MODEL_WAIT.toNanos();
            while (found == null && System.nanoTime() < deadline) {
                poll(Duration.ofMillis(100));
                found = byNumber.get(version);
                if (found == null && caughtUp()) {
                    // Compacted away, or written to another topic: the prediction is scored without staleness.
                    return null;
                }
            }
            return found;
        }

        private boolean caughtUp() {
            Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
            return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    /** A model version: its provenance, when its record was published, and whether it served yet. */
    private static final class Version {
        final ModelMetadata metadata;
        final long publishedMs;
        boolean served;

        Version(ModelMetadata metadata, long publishedMs) {
            this.metadata = metadata;
            this.publishedMs = publishedMs;
        }
    }

    /** A prediction waiting for its label. */
    private record Waiting(Prediction prediction, long id, long receivedMicros, long position, boolean history) {
    }

    /** The running measures. */
    private final class Tally {
        final Versions versions;
        final PrequentialScore score = new PrequentialScore(numClasses, evaluation, settings.history());
        final Histogram latencyMicros = new Histogram(3);
        final Histogram stalenessEvents = new Histogram(3);
        final Histogram stalenessMillis = new Histogram(3);
        final Histogram swapMillis = new Histogram(3);
        final Histogram stalenessSinceLabel = new Histogram(3);
        final Map<Integer, SeenOffsets> seen = new HashMap<>();
        /** With late labels: the feed, and the predictions waiting for their labels, in arrival order. */
        final LabelFeed labels;
        final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
        long unlabelled;
        long predictions;
        long distinct;
        long duplicates;
        long history;
        long withoutModel;
        long unknownVersion;
        long versionsServed;
        long rejected;
        long firstScoringMs = Long.MAX_VALUE;
        long lastScoringMs = Long.MIN_VALUE;
        int lastHistoryLabel = -1;

        Tally(Versions versions, LabelFeed labels) {
            this.versions = versions;
            this.labels = labels;
        }

        void add(ConsumerRecord<byte[], byte[]> record) {
            Prediction p = Prediction.decode(record.value());
            int label = labels == null ? codec.decodeKey(record.key()) : -1;
            long id = labels == null ? -1 : ExampleCodec.decodeEventId(record.key());
            if (p.predictedClass() < 0 || p.predictedClass() >= numClasses) {
                throw new MalformedRecordException(MalformedRecordException.Kind.UNKNOWN_LABEL,
                        "predicted class " + p.predictedClass() + " is not in [0, " + numClasses + ")");
            }
            long receivedMicros = WallClock.epochMicros();
            predictions++;
            if (p.eventOffset() >= 0 && !seen.computeIfAbsent(p.eventPartition(), k -> new SeenOffsets()).add(p.eventOffset())) {
                duplicates++;
                return;
            }
            distinct++;
            firstScoringMs = Math.min(firstScoringMs, p.scoringTimeMs());
            lastScoringMs = Math.max(lastScoringMs, p.scoringTimeMs());
            boolean inHistory = distinct <= settings.history();
            if (inHistory) {
                history++;
            }
            if (labels != null) {
                // Scored once its label comes; in order, so the labels are claimed in order.
                waiting.add(new Waiting(p, id, receivedMicros, distinct, inHistory));
                return;
            }
            if (inHistory) {
                lastHistoryLabel = label;
                return;
            }
            score(p, label, receivedMicros, distinct);
        }

        /**
         * Scores the waiting predictions whose labels have come, in order; gives up on a label
         * the labels topic has gone past, or that has not come within the horizon.
         *
         * @param end whether every prediction is in: wait for the labels still to come
         */
        void resolve(boolean end) {
            while (labels != null && !waiting.isEmpty()) {
                Waiting w = waiting.peek();
                LabelFeed.Label label = end ? labels.claim(w.id) : labels.tryClaim(w.id);
                if (label == null) {
                    if (!end && !labels.passed(w.id) && distinct - w.position <= settings.labels().horizonEvents()) {
                        return;
                    }
                    waiting.poll();
                    unlabelled += w.history ? 0 : 1;
                    continue;
                }
                waiting.poll();
                if (w.history) {
                    lastHistoryLabel = label.label();
                } else {
                    score(w.prediction, label.label(), w.receivedMicros, w.position);
                }
            }
        }

        private void score(Prediction p, int label, long receivedMicros, long position) {
            if (score.count() == 0 && lastHistoryLabel >= 0) {
                score.precededBy(lastHistoryLabel);
            }
            score.add(position, label, probabilities(p));
            latencyMicros.recordValue(Math.max(0, receivedMicros - p.eventTimeMs() * 1000));
            if (p.modelVersion() == 0) {
                withoutModel++;
                return;
            }
            Version version = versions.get(p.modelVersion());
            if (version == null) {
                unknownVersion++;
                return;
            }
            if (!version.served) {
                version.served = true;
                versionsServed++;
                swapMillis.recordValue(Math.max(0, p.scoringTimeMs() - version.publishedMs));
            }
            ModelMetadata model = version.metadata;
            if (p.eventOffset() >= 0) {
                long learnedThrough = model.nextOffsets().getOrDefault(p.eventPartition(), 0L);
                stalenessEvents.recordValue(Math.max(0, p.eventOffset() - learnedThrough));
                if (labels != null) {
                    // The model's offsets are the labelled topic's: one per label learned.
                    stalenessSinceLabel.recordValue(Math.max(0,
                            settings.labels().schedule().dueBefore(p.eventOffset()) - learnedThrough));
                }
            }
            if (model.lastEventMs() > 0) {
                stalenessMillis.recordValue(Math.max(0, p.eventTimeMs() - model.lastEventMs()));
            }
        }

        /**
         * The record carries the winning class's probability: the rest is its complement, spread
         * evenly over the other classes (exact for two classes).
         */
        private double[] probabilities(Prediction p) {
            double[] probabilities = new double[numClasses];
            double rest = numClasses == 1 ? 0 : (1 - p.probability()) / (numClasses - 1);
            java.util.Arrays.fill(probabilities, rest);
            probabilities[p.predictedClass()] = p.probability();
            return probabilities;
        }

        ServedResult result() {
            long published = versions.byNumber.size();
            double spanMs = lastScoringMs - firstScoringMs;
            double scorerRate = distinct < 2 || spanMs <= 0 ? Double.NaN : (distinct - 1) * 1000.0 / spanMs;
            LOG.info("Served {}: {} predictions ({} duplicates, {} history, {} scored, {} without a label, {} without a "
                    + "model, {} of an unknown version, {} rejected); {} of {} versions served", settings.strategy(),
                    predictions, duplicates, history, score.count(), unlabelled, withoutModel, unknownVersion, rejected,
                    versionsServed, published);
            return new ServedResult(settings.events(), predictions, rejected, duplicates, history, score.count(), withoutModel,
                    unknownVersion, score.result(), Percentiles.of(latencyMicros), Percentiles.of(stalenessEvents),
                    Percentiles.of(stalenessMillis), Percentiles.of(swapMillis), Percentiles.of(versions.trainerLagMillis),
                    published, versionsServed, null, Double.NaN, scorerRate, unlabelled,
                    labels == null ? null : Percentiles.of(stalenessSinceLabel));
        }
    }

}
