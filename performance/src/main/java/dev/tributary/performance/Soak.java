package dev.tributary.performance;

import dev.tributary.common.ProgressListener;
import dev.tributary.common.config.RateConfig;
import dev.tributary.common.config.TopicsConfig;
import dev.tributary.common.config.generator.StreamSpec;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.kafka.TopicFeed;
import dev.tributary.evaluation.cost.HeapMonitor;
import dev.tributary.common.provenance.ProduceResult;
import dev.tributary.producer.Pacing;
import dev.tributary.producer.GeneratedSource;
import dev.tributary.producer.SourceProducer;

import java.time.Duration;
import java.util.List;

/**
 * A long generated stream pushed through Kafka and read back, with the live heap (after a full
 * collection) sampled at every tenth of each phase: flat for a stream processed in constant
 * memory. What {@code tributary soak} runs, and the cost-growth ratios repeat.
 */
public final class Soak {

    private static final int SAMPLES_PER_PHASE = 10;
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);

    private Soak() {
    }

    /**
     * @param events         events produced and consumed
     * @param produceMs      producing them, until every send was acknowledged
     * @param consumeMs      reading them back
     * @param baselineBytes  the live heap before producing
     * @param produceSamples the live heap at each tenth of producing
     * @param consumeSamples the live heap at each tenth of consuming
     * @param peakLiveBytes  the largest live-heap sample, the baseline included
     * @param peakAfterGcBytes the highest heap in use after any collection the JVM ran by itself
     * @param collections    collections during the soak
     */
    public record Result(long events, long produceMs, long consumeMs, long baselineBytes, List<Long> produceSamples,
                         List<Long> consumeSamples, long peakLiveBytes, long peakAfterGcBytes, long collections) {

        /** @return producing and consuming, milliseconds */
        public long totalMs() {
            return produceMs + consumeMs;
        }

        /** @return events produced per second */
        public double producedPerSecond() {
            return events * 1000.0 / Math.max(1, produceMs);
        }

        /** @return events consumed per second */
        public double consumedPerSecond() {
            return events * 1000.0 / Math.max(1, consumeMs);
        }
    }

    /**
     * @param connection the cluster
     * @param stream     the generator
     * @param events     how many events
     * @param topics     where they go (created if needed; everything goes to the train topic)
     * @param rate       the producer's pace
     * @param seed       the generator's seed
     * @return what was measured
     */
    public static Result run(KafkaConnection connection, StreamSpec stream, long events, TopicsConfig topics,
                             RateConfig rate, long seed) {
        return run(connection, stream, events, topics, rate, seed, ProgressListener.NONE);
    }

    /**
     * {@link #run(KafkaConnection, StreamSpec, long, TopicsConfig, RateConfig, long)}, telling
     * {@code progress} how far producing, then consuming, has come.
     */
    public static Result run(KafkaConnection connection, StreamSpec stream, long events, TopicsConfig topics,
                             RateConfig rate, long seed, ProgressListener progress) {
        try (HeapMonitor heap = HeapMonitor.start()) {
            long baseline = heap.sample();
            ProduceResult produced = new SourceProducer(connection, new GeneratedSource(stream, events, 1.0, seed), topics,
                    Pacing.atRate(rate), new Sampler(heap, events, progress)).produce();
            int afterProduce = heap.liveSamples().size();
            long consumeStart = System.nanoTime();
            Sampler consuming = new Sampler(heap, events, progress);
            consuming.start("consuming " + topics.train(), events);
            consumeAll(connection, topics.train(), events, consuming);
            consuming.finish();
            long consumeMs = (System.nanoTime() - consumeStart) / 1_000_000;
            List<Long> all = heap.liveSamples();
            return new Result(events, produced.wallTimeMs(), consumeMs, baseline, all.subList(1, afterProduce),
                    all.subList(afterProduce, all.size()), heap.peakLiveBytes(), heap.peakAfterGcBytes(),
                    heap.collections());
        }
    }

    private static void consumeAll(KafkaConnection connection, String topic, long events, Sampler sampler) {
        long[] count = {0};
        try (TopicFeed feed = TopicFeed.fromBeginning(connection, topic,
                TopicFeed.Settings.exactly(5_000, events, STALL_TIMEOUT.toMillis()))) {
            feed.run(record -> {
                count[0]++;
                return true;
            }, () -> sampler.advance(count[0]));
        }
        sampler.advance(count[0]);
    }

    /** Samples the live heap each time progress crosses another tenth of the phase; passes the progress on. */
    private static final class Sampler implements ProgressListener {
        private final HeapMonitor heap;
        private final long step;
        private final ProgressListener shown;
        private long nextSample;

        Sampler(HeapMonitor heap, long total, ProgressListener shown) {
            this.heap = heap;
            this.step = Math.max(1, total / SAMPLES_PER_PHASE);
            this.nextSample = step;
            this.shown = shown;
        }

        @Override
        public void start(String task, long total) {
            shown.start(task, total);
        }

        @Override
        public void advance(long done) {
            while (done >= nextSample) {
                heap.sample();
                nextSample += step;
            }
            shown.advance(done);
        }

        @Override
        public void finish() {
            shown.finish();
        }
    }
}
