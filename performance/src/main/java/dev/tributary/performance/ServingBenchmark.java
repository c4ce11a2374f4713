package dev.tributary.performance;

import dev.tributary.common.config.TopicNames;
import dev.tributary.model.ModelCodec;
import dev.tributary.common.Futures;
import dev.tributary.common.ProgressListener;
import dev.tributary.common.WallClock;
import dev.tributary.common.TributaryException;
import dev.tributary.common.config.RateConfig;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.config.TopicsConfig;
import dev.tributary.common.data.Example;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.kafka.TopicFeed;
import dev.tributary.kafka.ModelTopic;
import dev.tributary.model.ModelArtifact;
import dev.tributary.common.provenance.ModelMetadata;
import dev.tributary.model.StandardizedNetwork;
import dev.tributary.results.Percentiles;
import dev.tributary.results.ServingLoadResult;
import dev.tributary.producer.SourceProducer;
import dev.tributary.producer.Pacing;
import dev.tributary.producer.GeneratedSource;
import dev.tributary.producer.generator.ExampleGenerator;
import dev.tributary.producer.generator.Generators;
import dev.tributary.serving.ModelScorer;
import dev.tributary.serving.Prediction;
import dev.tributary.serving.ScoringTopology;
import dev.tributary.serving.ScoringTiming;
import dev.tributary.results.KafkaEndToEndLatency;
import dev.tributary.results.KeepingUp;
import dev.tributary.results.ScoringBreakdown;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToLongFunction;

/**
 * Latency under load: at each open-loop rate, the same generated events go through bare Kafka
 * (produce → consume), through a {@link Passthrough} Streams application of the scorer's shape,
 * and through the scorer (produce → score → consume the prediction), one after the other in one
 * run, on the same cluster and producer settings; Kafka's closed-loop {@code EndToEndLatency}
 * runs beside them ({@link KafkaLatencyTool}). Unrecorded warm-ups at the first rate come first,
 * so that no recorded measurement pays for class loading and JIT. See {@link ServingLoadResult}
 * for what is measured.
 */
public final class ServingBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(ServingBenchmark.class);
    private static final String STRATEGY = "online";
    /**
     * The load producers send each event at once: Kafka's producer lingers 5 ms by default (since
     * 4.0), which added about that to both medians (bare p50 5.7-6.5 ms on loopback) and flattered
     * the ratio. Under the scenario's and the user's properties, which win.
     */
    static final Map<String, String> LATENCY_DEFAULTS = Map.of(ProducerConfig.LINGER_MS_CONFIG, "0");
    /** Records {@code EndToEndLatency} sends at each rate, one at a time. */
    private static final long TOOL_RECORDS = 1_000;

    private final KafkaConnection connection;
    private final ScenarioConfig scenario;
    private final Path stateDir;
    private final int maxBatch;
    private final long flushIntervalMs;
    private final long commitIntervalMs;

    /**
     * A benchmark of the scorer at its default, at-least-once commit interval.
     *
     * @param connection the cluster
     * @param scenario   a scenario with a generated source (its generator, model and seed are used)
     * @param stateDir   the scorer's Streams state directory
     * @param maxBatch   the scorer's largest micro-batch
     */
    public ServingBenchmark(KafkaConnection connection, ScenarioConfig scenario, Path stateDir, int maxBatch) {
        this(connection, scenario, stateDir, maxBatch, ModelScorer.Settings.DEFAULT_FLUSH_INTERVAL_MS,
                ModelScorer.Settings.DEFAULT_AT_LEAST_ONCE_COMMIT_MS);
    }

    /**
     * @param connection       the cluster
     * @param scenario         a scenario with a generated source (its generator, model and seed are used)
     * @param stateDir         the scorer's Streams state directory
     * @param maxBatch         the scorer's largest micro-batch
     * @param flushIntervalMs  how long the scorer's partial micro-batch may wait
     * @param commitIntervalMs how often the scorer, and the passthrough alike, commit
     */
    public ServingBenchmark(KafkaConnection connection, ScenarioConfig scenario, Path stateDir, int maxBatch,
                            long flushIntervalMs, long commitIntervalMs) {
        if (!scenario.source().generated()) {
            throw new IllegalArgumentException("serving benchmarks need a generated source");
        }
        ModelScorer.Settings.requireValid(maxBatch, flushIntervalMs, commitIntervalMs);
        Map<String, String> defaults = new HashMap<>(LATENCY_DEFAULTS);
        defaults.putAll(scenario.kafka().properties());
        this.connection = connection.withDefaults(defaults);
        this.scenario = scenario;
        this.stateDir = stateDir;
        this.maxBatch = maxBatch;
        this.flushIntervalMs = flushIntervalMs;
        this.commitIntervalMs = commitIntervalMs;
    }

    /**
     * @param rates          target rates, events per second
     * @param secondsPerRate how long each measurement sends
     * @param warmups        unrecorded measurements at the first rate before the recorded ones
     * @param progress       hears each measurement's events as they are read back
     * @return one result per rate
     */
    public List<ServingLoadResult> run(List<Double> rates, double secondsPerRate, int warmups,
                                       ProgressListener progress) {
        if (warmups < 0) {
            throw new IllegalArgumentException("warm-ups must be 0 or more, not " + warmups);
        }
        TopicNames run = runNames(scenario, System.currentTimeMillis());
        String models = run.models();
        try (ModelTopic topic = ModelTopic.open(connection, models, (short) -1)) {
            topic.publish(STRATEGY, ModelCodec.encode(servingModel(scenario)));
        }
        for (int w = 0; w < warmups && !rates.isEmpty(); w++) {
            // The first measurement in a JVM paid for class loading and JIT: at 1,000 events/s its
            // bare p50 was 4.4 ms where the next three measured 1.0 to 1.4 ms, and the scorer's 16.7
            // ms where they measured 4.8 to 8.3 (serve-bench --rates 1000,1000,1000,1000).
            double rate = rates.get(0);
            LOG.info("Warm-up {} of {} at {} events/s, not recorded", w + 1, warmups, Math.round(rate));
            measureAt(measurementNames(run, "w" + w, rate), models, rate, secondsPerRate, progress, "warm-up: ");
        }
        List<ServingLoadResult> results = new ArrayList<>();
        for (int i = 0; i < rates.size(); i++) {
            results.add(measureAt(measurementNames(run, Integer.toString(i), rates.get(i)), models, rates.get(i),
                    secondsPerRate, progress, ""));
        }
        return results;
    }

    /** Measures the tool, bare Kafka, the passthrough and the scorer at one rate, in that order. */
    private ServingLoadResult measureAt(TopicNames names, String models, double rate, double secondsPerRate,
                                        ProgressListener progress, String label) {
        long events = Math.max(1, Math.round(rate * secondsPerRate));
        String at = " at " + Math.round(rate) + "/s";
        TopicNames bareNames = names.child("bare");
        LOG.info("Kafka's EndToEndLatency, {} records one at a time", TOOL_RECORDS);
        KafkaEndToEndLatency tool = KafkaLatencyTool.run(connection, names.child("end-to-end").events(),
                TOOL_RECORDS, recordSize(), stateDir);
        LOG.info("Bare Kafka at {} events/s ({} events)", Math.round(rate), events);
        Measured bare = measure(rate, events, bareNames.events(), bareNames.events(),
                ConsumerRecord::timestamp, progress, label + "bare Kafka" + at);
        LOG.info("Passthrough Streams application at {} events/s ({} events)", Math.round(rate), events);
        TopicNames forwardedNames = names.child("passthrough");
        ScoringTopology.ScoringTopics forwardedTopics = ScoringTopology.ScoringTopics.of(forwardedNames);
        SourceProducer.createTopics(connection, topicsFor(forwardedTopics.events()));
        Measured forwarded;
        try (Passthrough passthrough = Passthrough.start(connection, new ModelScorer.Settings(
                forwardedNames.group(ModelScorer.STAGE), STRATEGY, forwardedTopics, maxBatch, flushIntervalMs, false,
                stateDir.resolve(forwardedNames.prefix()), false, commitIntervalMs))) {
            forwarded = measure(rate, events, forwardedTopics.events(), passthrough.output(),
                    ConsumerRecord::timestamp, progress, label + "passthrough" + at);
        }
        LOG.info("Scorer at {} events/s ({} events)", Math.round(rate), events);
        ScoringTopology.ScoringTopics own = ScoringTopology.ScoringTopics.of(names);
        ScoringTopology.ScoringTopics topics = new ScoringTopology.ScoringTopics(own.events(), models,
                own.predictions(), own.deadLetter());
        SourceProducer.createTopics(connection, topicsFor(topics.events()));
        Measured scored;
        try (ModelScorer scorer = ModelScorer.start(connection, Generators.create(scenario.source().generator(),
                0).schema(), new ModelScorer.Settings(names.group(ModelScorer.STAGE), STRATEGY, topics, maxBatch,
                flushIntervalMs, false, stateDir.resolve(names.prefix()), false, commitIntervalMs))) {
            awaitModel(scorer);
            scored = measure(rate, events, topics.events(), topics.predictions(),
                    r -> Prediction.decode(r.value()).eventTimeMs(), progress, label + "scorer" + at);
        }
        Percentiles b = Percentiles.of(bare.latencyMicros());
        Percentiles s = Percentiles.of(scored.latencyMicros());
        ScoringBreakdown breakdown = scored.breakdown().result();
        Percentiles f = Percentiles.of(forwarded.latencyMicros());
        LOG.info("{}{} events/s: bare p50 {} µs p99 {} µs; passthrough p50 {} µs p99 {} µs; scored p50 {} µs p99 {} µs; "
                + "EndToEndLatency p50 {} ms p99 {} ms", label, Math.round(rate), b.p50(), b.p99(), f.p50(), f.p99(),
                s.p50(), s.p99(), tool.p50Ms(), tool.p99Ms());
        LOG.info("  scored p50/p99 µs: to the scorer {}/{}, batch wait {}/{}, inference {}/{}, to the reader {}/{}",
                breakdown.toScorerMicros().p50(), breakdown.toScorerMicros().p99(),
                breakdown.batchWaitMicros().p50(), breakdown.batchWaitMicros().p99(),
                breakdown.inferenceMicros().p50(), breakdown.inferenceMicros().p99(),
                breakdown.toReaderMicros().p50(), breakdown.toReaderMicros().p99());
        return new ServingLoadResult(rate, events, b, s, bare.rate(), scored.rate(),
                (double) s.p50() / Math.max(1, b.p50()), (double) s.p99() / Math.max(1, b.p99()), breakdown, tool,
                f, keptUp(scored.lag(), scored.rate(), bare.rate()), flushIntervalMs, commitIntervalMs);
    }

    /**
     * Every run has topics of its own, models included: the measurements read their topics from
     * the beginning, so a second run on the same cluster, or a rate given twice, must not find
     * the events of an earlier one there (they had counted with latencies of minutes), and the
     * benchmark's model must not land in the scenario's own models topic, where a deployed
     * scorer of the same name would serve it.
     *
     * @param scenario the scenario measured
     * @param startMs  when the run started
     * @return the run's names, {@code <scenario>-serve-bench-<start, base 36>-...}
     */
    static TopicNames runNames(ScenarioConfig scenario, long startMs) {
        return scenario.names().child("serve-bench-" + Long.toString(startMs, 36));
    }

    /**
     * @param run  the run's names
     * @param id   the measurement's place in the run: {@code w0}, {@code w1}... for the warm-ups,
     *             {@code 0}, {@code 1}... for the recorded ones
     * @param rate its rate
     * @return the measurement's names, {@code <run>-<id>-<rate>-...}
     */
    static TopicNames measurementNames(TopicNames run, String id, double rate) {
        return run.child(id + "-" + Math.round(rate));
    }

    /**
     * @param scenario a scenario with a generated source
     * @return a model worth serving: the scenario's network trained on the stream's first events
     */
    public static ModelArtifact servingModel(ScenarioConfig scenario) {
        ExampleGenerator generator = Generators.create(scenario.source().generator(), scenario.seeds().split());
        int n = 2_000;
        double[][] x = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            Example e = generator.next();
            x[i] = e.features();
            y[i] = e.label();
        }
        var schema = generator.schema();
        StandardizedNetwork network = StandardizedNetwork.fresh(scenario.model(), schema.numFeatures(),
                schema.numClasses(), scenario.seeds().model());
        network.learn(x, y, scenario.batch().epochs(), scenario.batch().batchSize(), scenario.seeds().shuffle(), 0);
        return network.toArtifact(new ModelMetadata(STRATEGY, 1, n, "generated", Map.of(), System.currentTimeMillis(),
                scenario.model(), schema.numFeatures(), schema.numClasses(), scenario.seeds().model(), 0));
    }

    /**
     * @param lag the latency of every {@value #LAG_EVERY}th record received, for {@link KeepingUp#bounded}
     */
    private record Measured(Histogram latencyMicros, double rate, Breakdown breakdown, List<KeepingUp.LagPoint> lag) {
    }

    /** One record in this many is a sample of the lag, for whether the scorer kept up. */
    private static final int LAG_EVERY = 100;

    /** The sampled predictions' {@link ScoringTiming}s, part by part. */
    private static final class Breakdown {
        private final Histogram toScorer = new Histogram(3);
        private final Histogram batchWait = new Histogram(3);
        private final Histogram inference = new Histogram(3);
        private final Histogram toReader = new Histogram(3);

        void record(long eventTimeMicros, ScoringTiming t, long receivedMicros) {
            toScorer.recordValue(Math.max(0, t.receivedMicros() - eventTimeMicros));
            batchWait.recordValue(Math.max(0, t.inferenceStartMicros() - t.receivedMicros()));
            inference.recordValue(Math.max(0, t.inferenceEndMicros() - t.inferenceStartMicros()));
            toReader.recordValue(Math.max(0, receivedMicros - t.inferenceEndMicros()));
        }

        ScoringBreakdown result() {
            return new ScoringBreakdown(Percentiles.of(toScorer), Percentiles.of(batchWait), Percentiles.of(inference),
                    Percentiles.of(toReader));
        }
    }

    /** @return the size of an event's value, for the tool's records */
    private int recordSize() {
        return dev.tributary.common.data.ExampleCodec.encodeValue(Generators.create(scenario.source().generator(),
                scenario.seeds().split()).next().features()).length;
    }

    /**
     * Sends {@code events} at {@code rate} into {@code input} while a consumer of {@code readTopic}
     * records each record's delay from its event's intended send time.
     */
    private Measured measure(double rate, long events, String input, String readTopic,
                             ToLongFunction<ConsumerRecord<byte[], byte[]>> eventTime, ProgressListener progress,
                             String task) {
        progress.start(task, events, "events");
        TopicsConfig topics = topicsFor(input);
        SourceProducer.createTopics(connection, topics);
        Histogram histogram = new Histogram(3);
        Breakdown breakdown = new Breakdown();
        List<KeepingUp.LagPoint> lag = new ArrayList<>();
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "load"));
        long[] span = {0, 0};
        try (TopicFeed feed = TopicFeed.fromBeginning(connection, readTopic, TopicFeed.Settings.exactly(500, events, 60_000))) {
            Future<?> producer = executor.submit(() -> new SourceProducer(connection,
                    new GeneratedSource(scenario.source().generator(), events, 1.0, scenario.seeds().split()), topics,
                    Pacing.atRate(new RateConfig(rate)), ProgressListener.NONE).produce());
            feed.run(r -> {
                long now = WallClock.epochMicros();
                long sent = eventTime.applyAsLong(r) * 1000;
                histogram.recordValue(Math.max(0, now - sent));
                if (histogram.getTotalCount() % LAG_EVERY == 0) {
                    lag.add(new KeepingUp.LagPoint(histogram.getTotalCount(), Math.max(0, now - sent) / 1000));
                }
                if (histogram.getTotalCount() % ProgressListener.EVERY == 0) {
                    progress.advance(histogram.getTotalCount());
                }
                ScoringTiming timing = ScoringTiming.of(r.headers());
                if (timing != null) {
                    breakdown.record(sent, timing, now);
                }
                span[1] = System.nanoTime();
                span[0] = span[0] == 0 ? span[1] : span[0];
                return true;
            }, () -> {
                if (producer.isDone()) {
                    Futures.await(producer, "the load producer");
                }
            });
            Futures.await(producer, "the load producer");
        } finally {
            executor.shutdownNow();
            progress.advance(histogram.getTotalCount());
            progress.finish();
        }
        return new Measured(histogram, events * 1e9 / Math.max(1, span[1] - span[0]), breakdown, lag);
    }

    /** The share of bare Kafka's delivered rate the scorer must deliver to have kept up. */
    static final double DELIVERED_SHARE = 0.95;

    /**
     * Whether the scorer kept up: its lag stayed bounded by the lanes' rule, and it delivered
     * its predictions at nearly the rate bare Kafka delivered the same load. The rule alone lets
     * a lag that doubles pass, so a scorer that fell seconds behind early and stayed there (50,000
     * events/s for 30 s: 42,331 predictions/s against bare's 50,092, p50 7.8 s) counted as kept up.
     *
     * @param lag        the scorer's lag samples, in stream order
     * @param scoredRate predictions per second delivered
     * @param bareRate   events per second bare Kafka delivered at the same rate
     * @return whether it kept up
     */
    static boolean keptUp(List<KeepingUp.LagPoint> lag, double scoredRate, double bareRate) {
        return KeepingUp.bounded(lag) && scoredRate >= DELIVERED_SHARE * bareRate;
    }

    private TopicsConfig topicsFor(String topic) {
        return TopicsConfig.stream(topic, scenario.kafka().trainPartitions(), scenario.kafka().replicationFactor());
    }

    /**
     * Waits until the scorer runs and has swapped in its first model.
     *
     * @param scorer a started scorer
     * @throws TributaryException if that takes over 60 s
     */
    public static void awaitModel(ModelScorer scorer) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && (!scorer.awaitRunning(Duration.ofMillis(100)) || scorer.serving().swaps() == 0)) {
            Thread.onSpinWait();
        }
        if (scorer.serving().swaps() == 0) {
            throw new TributaryException("the scorer did not receive its model within 60 s");
        }
    }

}
