package dev.tributary.evaluation;

import dev.tributary.common.TributaryException;
import dev.tributary.common.data.Example;
import dev.tributary.common.data.ExampleCodec;
import dev.tributary.common.data.MalformedRecordException;
import dev.tributary.common.data.Schema;
import dev.tributary.common.kafka.KafkaConnection;
import dev.tributary.common.model.CpuClock;
import dev.tributary.evaluation.measure.Percentiles;
import dev.tributary.evaluation.metrics.ClassificationEvaluation;
import dev.tributary.evaluation.metrics.MetricId;
import dev.tributary.evaluation.metrics.PrequentialEvaluator;
import dev.tributary.evaluation.results.CostResult;
import dev.tributary.evaluation.results.FreshnessResult;
import dev.tributary.evaluation.results.LatencyResult;
import dev.tributary.evaluation.results.PrequentialResult;
import dev.tributary.evaluation.strategy.Strategy;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Feeds strategies from one topic, in offset order, one poll (mini-batch) at a time; the one
 * loop both protocols share, so that they differ only in whether events are scored.
 *
 * <p>The history (the first events of the topic) is learned first: strategies that learn in
 * batch get it at once when it is complete (held in memory, by design), the others as ordinary
 * mini-batches. After the history, in prequential mode, every mini-batch is predicted by every
 * strategy before any strategy learns from it: no strategy ever sees a label before it has
 * predicted that event. Latency, freshness and cost are measured per strategy as it goes
 * (see {@code dev.tributary.evaluation.measure}).
 *
 * <p>Memory per strategy is constant: the prequential evaluator, three histograms, and the
 * timestamps of scored events it has not yet learned from (at most a poll for {@code online},
 * a retrain period for {@code periodic-retrain}; none for a frozen model, whose events are
 * only counted).
 */
public final class StrategyDriver {

    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaConnection connection;
    private final String topic;
    private final Schema schema;
    private final int maxPollRecords;
    private final Map<String, Long> historyOf;
    private final boolean scored;
    private final int window;
    private final double fadingFactor;
    private final int curveEvery;

    /**
     * @param connection     the cluster
     * @param topic          the topic to read from its beginning
     * @param schema         its schema
     * @param maxPollRecords the largest mini-batch
     * @param historyOf      per strategy, how many leading events are its history
     * @param scored         prequential (predict, then learn) or training only (holdout)
     * @param window         prequential window size
     * @param fadingFactor   prequential fading factor
     * @param curveEvery     events between prequential curve points
     */
    public StrategyDriver(KafkaConnection connection, String topic, Schema schema, int maxPollRecords,
                   Map<String, Long> historyOf, boolean scored, int window, double fadingFactor, int curveEvery) {
        this.connection = connection;
        this.topic = topic;
        this.schema = schema;
        this.maxPollRecords = maxPollRecords;
        this.historyOf = historyOf;
        this.scored = scored;
        this.window = window;
        this.fadingFactor = fadingFactor;
        this.curveEvery = curveEvery;
    }

    /** What the driver measured for one strategy. */
    public record Outcome(Strategy strategy, PrequentialResult prequential, LatencyResult latency, FreshnessResult freshness,
                   CostResult cost, long recordsLearned) {
    }

    /** What the driver measured overall. */
    public record Run(Map<String, Outcome> outcomes, long events, long rejected, long wallTimeMs) {
    }

    /**
     * @param strategies the strategies, by name
     * @param events     how many events the topic will hold (the loop stops there)
     * @param producer   the producer writing the topic concurrently, or {@code null}; its failure ends the run
     * @param everyPoll  called after each poll's learning with the events consumed so far
     * @return the measures
     */
    public Run run(Map<String, Strategy> strategies, long events, Future<?> producer, Consumer<Long> everyPoll) {
        long startNanos = System.nanoTime();
        Map<String, Tracker> trackers = new LinkedHashMap<>();
        strategies.forEach((name, s) -> trackers.put(name, new Tracker(s, historyOf.getOrDefault(name, 0L))));
        long maxHistory = trackers.values().stream().filter(t -> t.strategy.learnsHistoryInBatch())
                .mapToLong(t -> t.history).max().orElse(0);
        List<double[]> historyRows = new ArrayList<>();
        List<Integer> historyLabels = new ArrayList<>();
        ExampleCodec codec = ExampleCodec.forSchema(schema);
        long consumed = 0;
        long rejected = 0;
        long firstTimestampMs = -1;

        Map<String, Object> config = connection.consumerConfig(null);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, STALL_TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                throw new TributaryException("topic " + topic + " does not exist on " + connection.bootstrapServers());
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long lastProgress = System.nanoTime();
            while (consumed < events) {
                if (producer != null && producer.isDone()) {
                    awaitProducer(producer);
                    producer = null;
                }
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL_TIMEOUT);
                if (records.isEmpty()) {
                    if (System.nanoTime() - lastProgress > STALL_TIMEOUT.toNanos()) {
                        throw new TributaryException("read " + consumed + " of " + events + " events from " + topic
                                + ", then nothing for " + STALL_TIMEOUT.toSeconds() + " s");
                    }
                    continue;
                }
                lastProgress = System.nanoTime();
                List<double[]> rows = new ArrayList<>();
                List<Integer> labels = new ArrayList<>();
                List<Long> timestamps = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    if (consumed + rows.size() + rejected >= events) {
                        break;
                    }
                    try {
                        Example e = codec.decode(record.key(), record.value());
                        rows.add(e.features());
                        labels.add(e.label());
                        timestamps.add(record.timestamp());
                    } catch (MalformedRecordException e) {
                        rejected++;
                    }
                }
                if (firstTimestampMs < 0 && !timestamps.isEmpty()) {
                    firstTimestampMs = timestamps.get(0);
                }
                long position = consumed;
                consumed += rows.size();
                // The part of this poll that is still history, and the part after it.
                int historyPart = (int) Math.max(0, Math.min(rows.size(), maxHistory - position));
                if (historyPart > 0) {
                    historyRows.addAll(rows.subList(0, historyPart));
                    historyLabels.addAll(labels.subList(0, historyPart));
                }
                for (Tracker t : trackers.values()) {
                    t.feed(rows, labels, timestamps, position, historyRows, historyLabels, firstTimestampMs);
                }
                if (position + rows.size() >= maxHistory && !historyRows.isEmpty()) {
                    historyRows.clear();
                    historyLabels.clear();
                }
                everyPoll.accept(consumed);
            }
        }
        if (producer != null) {
            awaitProducer(producer);
        }
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        trackers.forEach((name, t) -> outcomes.put(name, t.outcome()));
        return new Run(outcomes, consumed, rejected, (System.nanoTime() - startNanos) / 1_000_000);
    }

    private static void awaitProducer(Future<?> producer) {
        try {
            producer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TributaryException("interrupted while waiting for the producer", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new TributaryException("producer failed: " + e.getCause(), e);
        }
    }

    /** One strategy's state and measures during the run. */
    private final class Tracker {
        final Strategy strategy;
        final long history;
        final PrequentialEvaluator evaluator;
        final Histogram latencyMicros = new Histogram(3);
        final Histogram updateMicros = new Histogram(3);
        final Histogram freshnessEvents = new Histogram(3);
        final Histogram freshnessMillis = new Histogram(3);
        final ArrayDeque<long[]> pending = new ArrayDeque<>();
        final List<PrequentialResult.CurvePoint> curve = new ArrayList<>();
        long nextCurvePoint;
        long scoredEvents;
        long neverIncorporated;
        long incorporatedScored;
        long learned;
        long wallNanos;
        long cpuNanos;
        long firstModelMs = -1;
        long firstPredictionMs = -1;
        boolean historyLearned;

        Tracker(Strategy strategy, long history) {
            this.strategy = strategy;
            this.history = history;
            this.evaluator = new PrequentialEvaluator(schema.numClasses(), window, fadingFactor);
            this.nextCurvePoint = history + curveEvery;
            this.historyLearned = !strategy.learnsHistoryInBatch();
        }

        void feed(List<double[]> rows, List<Integer> labels, List<Long> timestamps, long position,
                  List<double[]> historyRows, List<Integer> historyLabels, long originMs) {
            int n = rows.size();
            int historyPart = (int) Math.max(0, Math.min(n, history - position));
            if (!historyLearned && position + n >= history) {
                // The history is complete: learn it in one batch, from the shared buffer.
                int size = (int) history;
                double[][] x = historyRows.subList(0, size).toArray(new double[0][]);
                int[] y = historyLabels.subList(0, size).stream().mapToInt(Integer::intValue).toArray();
                timed(() -> strategy.learnHistory(x, y), false);
                learned += size;
                historyLearned = true;
                markFirstModel(originMs);
            }
            if (!strategy.learnsHistoryInBatch() && historyPart > 0) {
                double[][] x = rows.subList(0, historyPart).toArray(new double[0][]);
                int[] y = labels.subList(0, historyPart).stream().mapToInt(Integer::intValue).toArray();
                timed(() -> strategy.learn(x, y), true);
                learned += historyPart;
                markFirstModel(originMs);
            }
            if (historyPart == n) {
                return;
            }
            double[][] x = rows.subList(historyPart, n).toArray(new double[0][]);
            int[] y = labels.subList(historyPart, n).stream().mapToInt(Integer::intValue).toArray();
            long[] ts = timestamps.subList(historyPart, n).stream().mapToLong(Long::longValue).toArray();
            long first = position + historyPart;
            if (scored) {
                score(x, y, ts, first, originMs);
            }
            long before = strategy.incorporated();
            timed(() -> strategy.learn(x, y), true);
            learned += x.length;
            if (strategy.incorporated() > before) {
                markFirstModel(originMs);
            }
            if (scored) {
                track(ts, first, position + n);
            }
        }

        private void score(double[][] x, int[] y, long[] ts, long first, long originMs) {
            double[][][] out = new double[1][][];
            timed(() -> out[0] = strategy.predict(x), false);
            long nowMicros = epochMicros();
            if (firstPredictionMs < 0) {
                firstPredictionMs = nowMicros / 1000 - originMs;
            }
            for (int i = 0; i < x.length; i++) {
                latencyMicros.recordValue(Math.max(0, nowMicros - ts[i] * 1000));
                evaluator.add(y[i], out[0][i]);
                scoredEvents++;
                if (first + i + 1 >= nextCurvePoint) {
                    ClassificationEvaluation w = evaluator.window();
                    curve.add(new PrequentialResult.CurvePoint(first + i + 1, w.get(MetricId.ACCURACY),
                            w.get(MetricId.COHEN_KAPPA), evaluator.cumulative().get(MetricId.ACCURACY),
                            evaluator.fading().accuracy()));
                    nextCurvePoint += curveEvery;
                }
            }
        }

        /** Freshness: which scored events the serving model now includes, and since when. */
        private void track(long[] ts, long first, long next) {
            if (strategy.frozenAfterHistory()) {
                neverIncorporated += ts.length;
                return;
            }
            long[] entry = new long[ts.length + 1];
            entry[0] = first;
            System.arraycopy(ts, 0, entry, 1, ts.length);
            pending.add(entry);
            long incorporated = strategy.incorporated();
            long nowMs = System.currentTimeMillis();
            while (!pending.isEmpty()) {
                long[] head = pending.peek();
                long start = head[0];
                int count = head.length - 1;
                int done = (int) Math.max(0, Math.min(count, incorporated - start));
                for (int i = 0; i < done; i++) {
                    freshnessEvents.recordValue(next - (start + i));
                    freshnessMillis.recordValue(Math.max(0, nowMs - head[1 + i]));
                }
                incorporatedScored += done;
                if (done < count) {
                    long[] rest = new long[count - done + 1];
                    rest[0] = start + done;
                    System.arraycopy(head, 1 + done, rest, 1, count - done);
                    pending.poll();
                    pending.addFirst(rest);
                    break;
                }
                pending.poll();
            }
        }

        private void timed(Runnable call, boolean isUpdate) {
            long wall = System.nanoTime();
            long cpu = CpuClock.threadCpuNanos();
            call.run();
            long elapsed = System.nanoTime() - wall;
            wallNanos += elapsed;
            cpuNanos += CpuClock.threadCpuNanos() - cpu;
            if (isUpdate) {
                updateMicros.recordValue(elapsed / 1000);
            }
        }

        private void markFirstModel(long originMs) {
            if (firstModelMs < 0) {
                firstModelMs = System.currentTimeMillis() - originMs;
            }
        }

        Outcome outcome() {
            long never = neverIncorporated + pending.stream().mapToLong(e -> e.length - 1).sum();
            PrequentialResult prequential = null;
            if (scored) {
                ClassificationEvaluation cumulative = evaluator.cumulative();
                prequential = new PrequentialResult(scoredEvents, metrics(cumulative), metrics(evaluator.window()),
                        evaluator.fading().accuracy(), evaluator.fading().kappa(),
                        cumulative.confusionMatrix().toArray(), curve);
            }
            return new Outcome(strategy, prequential,
                    new LatencyResult(Percentiles.of(latencyMicros), Percentiles.of(updateMicros), firstModelMs,
                            firstPredictionMs),
                    scored ? new FreshnessResult(Percentiles.of(freshnessEvents), Percentiles.of(freshnessMillis),
                            incorporatedScored, never) : null,
                    CostResult.of(learned, wallNanos, cpuNanos), learned);
        }
    }

    static Map<String, Double> metrics(ClassificationEvaluation evaluation) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (MetricId id : MetricId.values()) {
            metrics.put(id.key(), evaluation.get(id));
        }
        return metrics;
    }

    private static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }
}
