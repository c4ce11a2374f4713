package dev.tributary.evaluation;

import dev.tributary.common.Futures;
import dev.tributary.common.WallClock;
import dev.tributary.common.config.EvaluationConfig;
import dev.tributary.common.config.StageTopics;
import dev.tributary.common.data.Example;
import dev.tributary.common.data.LabelSchedule;
import dev.tributary.common.data.Schema;
import dev.tributary.kafka.DeadLetterWriter;
import dev.tributary.kafka.ExampleReader;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.kafka.LabelFeed;
import dev.tributary.kafka.TopicFeed;
import dev.tributary.model.learn.HistoryLearner;
import dev.tributary.model.learn.Learner;
import dev.tributary.model.CpuClock;
import dev.tributary.results.Percentiles;
import dev.tributary.evaluation.metrics.PrequentialScore;
import dev.tributary.results.CostResult;
import dev.tributary.results.FreshnessResult;
import dev.tributary.results.KeepingUp;
import dev.tributary.results.LabelsResult;
import dev.tributary.results.LatencyResult;
import dev.tributary.results.PrequentialResult;
import org.HdrHistogram.Histogram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Feeds one learner from one topic, in offset order, with a consumer of its own; the one loop
 * both protocols share, so that they differ only in whether events are scored. Strategies
 * compared in one run each get their own driver, so that each is measured on its own.
 *
 * <p>The history (the first events of the topic) is learned first: a {@link HistoryLearner} gets
 * it at once when it is complete (held in memory, by design), other learners event by event.
 * After the history, in prequential mode, every event is predicted before it is learned, by the
 * model that has learned every complete update before it: events are predicted in segments that
 * end where {@link Learner#eventsUntilUpdate()} says the model next changes, so the predictions,
 * and every quality figure, are the same whatever the polls, the rate or the machine. Latency,
 * freshness and cost are measured as it goes (see {@code dev.tributary.evaluation}, "Measuring").
 *
 * <p>When labels come late ({@link LateLabels}), events arrive without labels and wait, each
 * predicted on arrival, until their label falls due on the {@link LabelSchedule}: the driver
 * learns a label once the event it is due after has been predicted, never earlier, whenever it
 * actually arrived on the labels topic (it waits for one that has not), and scores the waiting
 * prediction by it then. So late-label results, too, depend on the scenario alone, and a delay of
 * 0 gives exactly the results of labels that come with their events. An event waiting longer
 * than the horizon for a label not yet due is dropped and counted as expired: the state is at most
 * the horizon's events.
 *
 * <p>Memory is constant after the history: the prequential evaluator, four histograms, and the
 * timestamps of scored events the learner has not yet learned from (at most a mini-batch for
 * {@code online}, a retrain period for {@code periodic-retrain}; none for a frozen model, whose
 * events are only counted).
 */
public final class StrategyDriver {

    /** The stage named in the experiment's dead letters. */
    public static final String STAGE = "experiment";
    private static final long STALL_TIMEOUT_MS = 60_000;

    private final KafkaConnection connection;
    private final StageTopics topics;
    private final Schema schema;
    private final int maxPollRecords;
    private final EvaluationConfig evaluation;
    private final boolean scored;
    private final LateLabels lateLabels;

    /**
     * Labels that come on a topic of their own, to be joined to their events.
     *
     * @param topic         the labels topic (keyed by event id, in the order they fall due)
     * @param schedule      when each label falls due: the driver learns it once the event it is due
     *                      after has been predicted, never earlier, whenever it actually arrived
     * @param horizonEvents the most events an event waits for its label before it is dropped
     */
    public record LateLabels(String topic, LabelSchedule schedule, long horizonEvents) {
    }

    /**
     * @param connection     the cluster
     * @param topics         the topic to read from its beginning, and where undecodable records go
     * @param schema         its schema
     * @param maxPollRecords records per poll (speed only)
     * @param evaluation     window, fading factor and curve spacing
     * @param scored         prequential (predict, then learn) or training only (holdout)
     */
    public StrategyDriver(KafkaConnection connection, StageTopics topics, Schema schema, int maxPollRecords,
                          EvaluationConfig evaluation, boolean scored) {
        this(connection, topics, schema, maxPollRecords, evaluation, scored, null);
    }

    /**
     * @param lateLabels where the stream's labels come from, if not with their events ({@code null})
     * @see #StrategyDriver(KafkaConnection, StageTopics, Schema, int, EvaluationConfig, boolean)
     */
    public StrategyDriver(KafkaConnection connection, StageTopics topics, Schema schema, int maxPollRecords,
                          EvaluationConfig evaluation, boolean scored, LateLabels lateLabels) {
        this.lateLabels = lateLabels;
        this.connection = connection;
        this.topics = topics;
        this.schema = schema;
        this.maxPollRecords = maxPollRecords;
        this.evaluation = evaluation;
        this.scored = scored;
    }

    /** What the driver measured of its learner. */
    public record Outcome(Learner learner, PrequentialResult prequential, LatencyResult latency, FreshnessResult freshness,
                          CostResult cost, long recordsLearned, List<KeepingUp.LagPoint> lag, LabelsResult labels) {
    }

    /** What the driver measured overall. */
    public record Run(Outcome outcome, long events, long rejected, long wallTimeMs) {
    }

    /**
     * @param learner  the learner
     * @param history  how many leading events are its history
     * @param records  how many records the topic will hold (the loop stops there)
     * @param producer the producer writing the topic concurrently, or {@code null}; its failure ends the run
     * @param onUpdate hears the learner right after its serving model changed
     * @return the measures
     */
    public Run run(Learner learner, long history, long records, Future<?> producer, Consumer<Learner> onUpdate) {
        long startNanos = System.nanoTime();
        Tracker tracker = new Tracker(learner, history, onUpdate);
        Future<?>[] running = {producer};
        long rejected;
        try (DeadLetterWriter deadLetters = DeadLetterWriter.open(connection, topics.deadLetter(), STAGE, (short) -1);
             TopicFeed feed = TopicFeed.fromBeginning(connection, topics.input(),
                     TopicFeed.Settings.exactly(maxPollRecords, records, STALL_TIMEOUT_MS));
             LabelFeed labels = lateLabels == null ? null : new LabelFeed(connection, lateLabels.topic(), schema,
                     deadLetters, maxPollRecords, STALL_TIMEOUT_MS)) {
            ExampleReader reader = new ExampleReader(schema, deadLetters);
            tracker.labels = labels;
            feed.run(record -> {
                if (labels == null) {
                    Example example = reader.read(record);
                    if (example != null) {
                        tracker.add(example.features(), example.label(), record.timestamp());
                    }
                } else {
                    ExampleReader.Unlabelled event = reader.readUnlabelled(record);
                    if (event != null) {
                        tracker.add(event.features(), event.id(), record.timestamp());
                    }
                }
                return true;
            }, () -> {
                if (running[0] != null && running[0].isDone()) {
                    awaitProducer(running[0]);
                    running[0] = null;
                }
                tracker.process();
            });
            tracker.process();
            rejected = reader.rejected();
            if (running[0] != null) {
                awaitProducer(running[0]);
            }
            if (labels != null) {
                tracker.joinAfterTheStream(records);
            }
        }
        tracker.finish();
        return new Run(tracker.outcome(), tracker.consumed, rejected, (System.nanoTime() - startNanos) / 1_000_000);
    }

    private static void awaitProducer(Future<?> producer) {
        Futures.await(producer, "the producer");
    }

    /** The learner's state and measures during the run, and the decoded events of the current poll. */
    private final class Tracker {
        final Learner learner;
        final long history;
        final Consumer<Learner> onUpdate;
        final List<double[]> rows = new ArrayList<>();
        /** Each event's label; with late labels, its id. */
        final List<Long> keys = new ArrayList<>();
        final List<Long> timestamps = new ArrayList<>();
        /** A history learner's history, until it is learned. */
        final List<double[]> historyRows = new ArrayList<>();
        final List<Integer> historyLabels = new ArrayList<>();
        long consumed;
        final PrequentialScore score;
        final Histogram latencyMicros = new Histogram(3);
        final Histogram updateMicros = new Histogram(3);
        final Histogram freshnessEvents = new Histogram(3);
        final Histogram freshnessMillis = new Histogram(3);
        final ArrayDeque<long[]> pending = new ArrayDeque<>();
        final List<KeepingUp.LagPoint> lag = new ArrayList<>();
        long scoredEvents;
        /** With late labels: the feed, events waiting for their labels (by id, in arrival order), ids now due. */
        LabelFeed labels;
        final java.util.LinkedHashMap<Long, Waiting> waiting = new java.util.LinkedHashMap<>();
        final List<Waiting> unpredicted = new ArrayList<>();
        final ArrayDeque<Long> due = new ArrayDeque<>();
        /** Learned scored events not yet in the serving model: {learn index, position, event ms, label ms, due at}. */
        final ArrayDeque<long[]> incorporating = new ArrayDeque<>();
        final Histogram labelFreshnessEvents = new Histogram(3);
        final Histogram labelFreshnessMillis = new Histogram(3);
        long scoredLabels;
        long joinedLearned;
        long ignored;
        long expired;
        long neverIncorporated;
        long incorporatedScored;
        long learned;
        long wallNanos;
        long cpuNanos;
        long firstModelMs = -1;
        long firstPredictionMs = -1;
        boolean historyLearned;
        int previousLabel = -1;
        long originMs;

        Tracker(Learner learner, long history, Consumer<Learner> onUpdate) {
            this.learner = learner;
            this.history = history;
            this.onUpdate = onUpdate;
            this.score = new PrequentialScore(schema.numClasses(), evaluation, history);
            this.historyLearned = !(learner instanceof HistoryLearner);
        }

        /**
         * @param keyed its label, or with late labels its id
         */
        void add(double[] features, long keyed, long timestampMs) {
            rows.add(features);
            keys.add(keyed);
            timestamps.add(timestampMs);
        }

        /** Takes in the events of the poll just handed over. */
        void process() {
            int n = rows.size();
            if (n == 0) {
                return;
            }
            if (consumed == 0) {
                originMs = timestamps.get(0);
            }
            if (labels != null) {
                processUnlabelled();
                return;
            }
            double[][] x = rows.toArray(new double[0][]);
            int[] y = keys.stream().mapToInt(Long::intValue).toArray();
            long[] ts = timestamps.stream().mapToLong(Long::longValue).toArray();
            rows.clear();
            keys.clear();
            timestamps.clear();
            feed(x, y, ts, consumed);
            consumed += n;
        }

        private void feed(double[][] x, int[] y, long[] ts, long position) {
            int n = x.length;
            int historyEnd = (int) Math.max(0, Math.min(n, history - position));
            int i = 0;
            if (!historyLearned) {
                // A history learner takes its history all at once, when it is complete.
                for (i = 0; i < historyEnd; i++) {
                    historyRows.add(x[i]);
                    historyLabels.add(y[i]);
                }
                if (position + i >= history) {
                    learnHistory();
                }
            }
            if (i > 0) {
                previousLabel = y[i - 1];
            }
            while (i < n) {
                boolean inHistory = i < historyEnd;
                // A segment ends where the learner's model next changes (and where the history ends).
                int k = (int) Math.min((inHistory ? historyEnd : n) - i, learner.eventsUntilUpdate());
                long first = position + i;
                boolean scoring = scored && !inHistory;
                if (scoring) {
                    score(x, y, ts, i, k, first);
                }
                if (learner.eventsUntilUpdate() == Learner.NEVER) {
                    if (scoring) {
                        neverIncorporated += k;
                    }
                } else {
                    learn(x, y, i, i + k);
                    if (scoring) {
                        track(ts, i, k, first, first + k);
                    }
                }
                previousLabel = y[i + k - 1];
                i += k;
            }
        }

        private void learnHistory() {
            double[][] hx = historyRows.toArray(new double[0][]);
            int[] hy = historyLabels.stream().mapToInt(Integer::intValue).toArray();
            historyRows.clear();
            historyLabels.clear();
            timed(() -> ((HistoryLearner) learner).learnHistory(hx, hy), true);
            learned += hx.length;
            historyLearned = true;
            markFirstModel();
            onUpdate.accept(learner);
        }

        /** Learns events {@code [from, to)}, which end at or before the learner's next update. */
        private void learn(double[][] x, int[] y, int from, int to) {
            long before = learner.incorporated();
            timed(() -> {
                for (int j = from; j < to; j++) {
                    learner.learn(x[j], y[j]);
                }
            }, false);
            learned += to - from;
            if (learner.incorporated() != before) {
                updateMicros.recordValue(lastCallNanos / 1000);
                markFirstModel();
                onUpdate.accept(learner);
            }
        }

        private void score(double[][] x, int[] y, long[] ts, int from, int count, long first) {
            if (scoredEvents == 0 && previousLabel >= 0) {
                score.precededBy(previousLabel);
            }
            double[][] rows = Arrays.copyOfRange(x, from, from + count);
            double[][][] out = new double[1][][];
            timed(() -> out[0] = learner.predict(rows), false);
            long nowMicros = WallClock.epochMicros();
            if (firstPredictionMs < 0) {
                firstPredictionMs = nowMicros / 1000 - originMs;
            }
            for (int i = 0; i < count; i++) {
                latencyMicros.recordValue(Math.max(0, nowMicros - ts[from + i] * 1000));
                scoredEvents++;
                if (score.add(first + i + 1, y[from + i], out[0][i])) {
                    lag.add(new KeepingUp.LagPoint(first + i + 1, nowMicros / 1000 - ts[from + i]));
                }
            }
        }

        /** Freshness: which scored events the serving model now includes, and since when. */
        private void track(long[] ts, int from, int count, long first, long next) {
            long[] entry = new long[count + 1];
            entry[0] = first;
            System.arraycopy(ts, from, entry, 1, count);
            pending.add(entry);
            long incorporated = learner.incorporated();
            long nowMs = System.currentTimeMillis();
            while (!pending.isEmpty()) {
                long[] head = pending.peek();
                long start = head[0];
                int size = head.length - 1;
                int done = (int) Math.max(0, Math.min(size, incorporated - start));
                for (int i = 0; i < done; i++) {
                    freshnessEvents.recordValue(next - (start + i));
                    freshnessMillis.recordValue(Math.max(0, nowMs - head[1 + i]));
                }
                incorporatedScored += done;
                if (done < size) {
                    long[] rest = new long[size - done + 1];
                    rest[0] = start + done;
                    System.arraycopy(head, 1 + done, rest, 1, size - done);
                    pending.poll();
                    pending.addFirst(rest);
                    break;
                }
                pending.poll();
            }
        }

        // ---- Late labels: events wait, predicted on arrival, until their label is due and joined.

        /** Takes in a poll's unlabelled events one by one, in stream order. */
        private void processUnlabelled() {
            int n = rows.size();
            for (int k = 0; k < n; k++) {
                long position = consumed + k;
                Waiting w = new Waiting(position, rows.get(k), timestamps.get(k));
                waiting.put(keys.get(k), w);
                if (scored && position >= history) {
                    unpredicted.add(w);
                }
                long dueId = lateLabels.schedule().dueAfter(position);
                if (dueId >= 0) {
                    due.add(dueId);
                }
                expire(position);
                // Predict what has arrived before the learn that changes the model (as feed() cuts segments).
                if (!due.isEmpty() && (!historyLearned || due.size() >= learner.eventsUntilUpdate())) {
                    join(position + 1);
                }
            }
            consumed += n;
            rows.clear();
            keys.clear();
            timestamps.clear();
            join(consumed);
        }

        /**
         * Drops events that have waited past the horizon for a label not yet due: so the state is
         * bounded, and where an event is dropped depends on the schedule alone.
         */
        private void expire(long position) {
            for (var it = waiting.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                if (e.getValue().position >= position - lateLabels.horizonEvents()
                        || lateLabels.schedule().dueAt(e.getKey()) <= position) {
                    return;
                }
                it.remove();
                expired++;
            }
        }

        /**
         * Predicts the events that arrived, then joins each due label to its event, scores the
         * event's prediction by it and learns it; {@code next} is the number of events seen, or -1
         * after the stream (when what is learned is not counted as incorporated during it).
         */
        private void join(long next) {
            predictArrived();
            List<Waiting> run = new ArrayList<>();
            List<Integer> runLabels = new ArrayList<>();
            for (Long id : due) {
                Waiting w = waiting.remove(id);
                if (w == null) {
                    continue; // expired: its label, if it comes, is counted as late by the feed
                }
                LabelFeed.Label label = labels.claim(id);
                if (label == null) {
                    expired++; // the topic went past it: its label will not come
                    continue;
                }
                w.labelMs = label.timestampMs();
                if (w.probabilities != null) {
                    if (scoredLabels++ == 0 && previousLabel >= 0) {
                        score.precededBy(previousLabel);
                    }
                    if (score.add(w.position + 1, label.label(), w.probabilities)) {
                        lag.add(new KeepingUp.LagPoint(w.position + 1, w.latencyMs));
                    }
                }
                previousLabel = label.label();
                joinedLearned++;
                if (!historyLearned && w.position < history) {
                    historyRows.add(w.features);
                    historyLabels.add(label.label());
                    if (historyRows.size() == history) {
                        learnHistory();
                    }
                } else if (historyLearned && learner.eventsUntilUpdate() == Learner.NEVER) {
                    joinedLearned--;
                    ignored++;
                } else {
                    run.add(w);
                    runLabels.add(label.label());
                }
            }
            due.clear();
            learnJoined(run, runLabels, next);
        }

        private void predictArrived() {
            if (unpredicted.isEmpty()) {
                return;
            }
            double[][] x = new double[unpredicted.size()][];
            for (int i = 0; i < x.length; i++) {
                x[i] = unpredicted.get(i).features;
            }
            double[][][] out = new double[1][][];
            timed(() -> out[0] = learner.predict(x), false);
            long nowMicros = WallClock.epochMicros();
            if (firstPredictionMs < 0) {
                firstPredictionMs = nowMicros / 1000 - originMs;
            }
            for (int i = 0; i < x.length; i++) {
                Waiting w = unpredicted.get(i);
                latencyMicros.recordValue(Math.max(0, nowMicros - w.timestampMs * 1000));
                w.probabilities = out[0][i];
                w.latencyMs = nowMicros / 1000 - w.timestampMs;
                scoredEvents++;
            }
            unpredicted.clear();
        }

        /** Learns joined events; records when the scored ones reach the serving model (not after the stream). */
        private void learnJoined(List<Waiting> run, List<Integer> runLabels, long next) {
            if (run.isEmpty()) {
                return;
            }
            long before = learner.incorporated();
            long index = learned;
            timed(() -> {
                for (int j = 0; j < run.size(); j++) {
                    learner.learn(run.get(j).features, runLabels.get(j));
                }
            }, false);
            learned += run.size();
            if (next < 0) {
                return;
            }
            for (Waiting w : run) {
                if (w.probabilities != null) {
                    incorporating.add(new long[] {index, w.position, w.timestampMs, w.labelMs,
                            lateLabels.schedule().dueAt(w.position)});
                }
                index++;
            }
            if (learner.incorporated() != before) {
                updateMicros.recordValue(lastCallNanos / 1000);
                markFirstModel();
                onUpdate.accept(learner);
                long incorporated = learner.incorporated();
                long nowMs = System.currentTimeMillis();
                while (!incorporating.isEmpty() && incorporating.peek()[0] < incorporated) {
                    long[] e = incorporating.poll();
                    freshnessEvents.recordValue(next - e[1]);
                    freshnessMillis.recordValue(Math.max(0, nowMs - e[2]));
                    labelFreshnessEvents.recordValue(Math.max(0, next - e[4]));
                    labelFreshnessMillis.recordValue(Math.max(0, nowMs - e[3]));
                    incorporatedScored++;
                }
            }
        }

        /**
         * The stream has ended: the labels that fall due after it (within the horizon) come, and are
         * joined (scored and learned, for the final model; not counted as incorporated during the
         * stream); then the rest of the labels topic is read, so that its counts reconcile.
         */
        void joinAfterTheStream(long records) {
            join(consumed);
            for (var it = waiting.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                if (lateLabels.schedule().dueAt(e.getKey()) - e.getValue().position > lateLabels.horizonEvents()) {
                    // Due past the horizon on the stream's schedule, as it would have been had the stream gone on.
                    it.remove();
                    expired++;
                } else {
                    due.add(e.getKey());
                }
            }
            join(-1);
            labels.drain(records);
        }

        /** An event waiting for its label. */
        private static final class Waiting {
            final long position;
            final double[] features;
            final long timestampMs;
            /** Its prediction, once made (never, for an event of the history). */
            double[] probabilities;
            long latencyMs;
            long labelMs;

            Waiting(long position, double[] features, long timestampMs) {
                this.position = position;
                this.features = features;
                this.timestampMs = timestampMs;
            }
        }

        /**
         * The stream has ended: the learner learns what it holds back (its final model), unscored;
         * a history learner whose history the stream never completed learns what there was.
         */
        void finish() {
            if (!historyLearned) {
                learnHistory();
            }
            long before = learner.incorporated();
            timed(learner::finish, false);
            if (learner.incorporated() != before) {
                updateMicros.recordValue(lastCallNanos / 1000);
            }
        }

        private long lastCallNanos;

        private void timed(Runnable call, boolean isUpdate) {
            long wall = System.nanoTime();
            long cpu = CpuClock.threadCpuNanos();
            call.run();
            lastCallNanos = System.nanoTime() - wall;
            wallNanos += lastCallNanos;
            cpuNanos += CpuClock.threadCpuNanos() - cpu;
            if (isUpdate) {
                updateMicros.recordValue(lastCallNanos / 1000);
            }
        }

        private void markFirstModel() {
            if (firstModelMs < 0) {
                firstModelMs = System.currentTimeMillis() - originMs;
            }
        }

        Outcome outcome() {
            long never = labels != null ? scoredEvents - incorporatedScored
                    : neverIncorporated + pending.stream().mapToLong(e -> e.length - 1).sum();
            LabelsResult joined = labels == null ? null : new LabelsResult(lateLabels.schedule().delay(),
                    lateLabels.horizonEvents(), consumed, joinedLearned, ignored, expired, labels.unclaimed(),
                    Percentiles.of(labelFreshnessEvents), Percentiles.of(labelFreshnessMillis), null, null);
            PrequentialResult prequential = scored ? score.result() : null;
            return new Outcome(learner, prequential,
                    new LatencyResult(Percentiles.of(latencyMicros), Percentiles.of(updateMicros), firstModelMs,
                            firstPredictionMs),
                    scored ? new FreshnessResult(Percentiles.of(freshnessEvents), Percentiles.of(freshnessMillis),
                            incorporatedScored, never) : null,
                    CostResult.of(learned, wallNanos, cpuNanos), learned, lag, joined);
        }
    }

}
