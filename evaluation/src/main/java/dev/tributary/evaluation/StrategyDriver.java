package dev.tributary.evaluation;

import dev.tributary.common.Futures;
import dev.tributary.common.WallClock;
import dev.tributary.common.config.EvaluationConfig;
import dev.tributary.common.config.StageTopics;
import dev.tributary.common.data.Example;
import dev.tributary.common.data.Schema;
import dev.tributary.kafka.DeadLetterWriter;
import dev.tributary.kafka.ExampleReader;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.kafka.TopicFeed;
import dev.tributary.model.learn.HistoryLearner;
import dev.tributary.model.learn.Learner;
import dev.tributary.model.CpuClock;
import dev.tributary.results.Percentiles;
import dev.tributary.evaluation.metrics.PrequentialScore;
import dev.tributary.results.CostResult;
import dev.tributary.results.FreshnessResult;
import dev.tributary.results.KeepingUp;
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
        this.connection = connection;
        this.topics = topics;
        this.schema = schema;
        this.maxPollRecords = maxPollRecords;
        this.evaluation = evaluation;
        this.scored = scored;
    }

    /** What the driver measured of its learner. */
    public record Outcome(Learner learner, PrequentialResult prequential, LatencyResult latency, FreshnessResult freshness,
                          CostResult cost, long recordsLearned, List<KeepingUp.LagPoint> lag) {
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
                     TopicFeed.Settings.exactly(maxPollRecords, records, STALL_TIMEOUT_MS))) {
            ExampleReader reader = new ExampleReader(schema, deadLetters);
            feed.run(record -> {
                Example example = reader.read(record);
                if (example != null) {
                    tracker.add(example, record.timestamp());
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
        }
        if (running[0] != null) {
            awaitProducer(running[0]);
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
        final List<Integer> labels = new ArrayList<>();
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

        void add(Example example, long timestampMs) {
            rows.add(example.features());
            labels.add(example.label());
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
            double[][] x = rows.toArray(new double[0][]);
            int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
            long[] ts = timestamps.stream().mapToLong(Long::longValue).toArray();
            rows.clear();
            labels.clear();
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
            long never = neverIncorporated + pending.stream().mapToLong(e -> e.length - 1).sum();
            PrequentialResult prequential = scored ? score.result() : null;
            return new Outcome(learner, prequential,
                    new LatencyResult(Percentiles.of(latencyMicros), Percentiles.of(updateMicros), firstModelMs,
                            firstPredictionMs),
                    scored ? new FreshnessResult(Percentiles.of(freshnessEvents), Percentiles.of(freshnessMillis),
                            incorporatedScored, never) : null,
                    CostResult.of(learned, wallNanos, cpuNanos), learned, lag);
        }
    }

}
