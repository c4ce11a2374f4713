package dev.tributary.cli;

import dev.tributary.common.ProgressListener;
import dev.tributary.common.TributaryException;
import dev.tributary.common.config.ConfigException;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.kafka.KafkaConnection;
import dev.tributary.evaluation.cost.HeapMonitor;
import dev.tributary.producer.ProduceResult;
import dev.tributary.producer.SourceProducer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * {@code tributary soak}: pushes a long generated stream through Kafka and back, and shows
 * that memory stays flat while it does.
 */
@Command(name = "soak", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Produce a generated stream through Kafka and consume it back, reporting throughput and the "
                + "live heap (after a full GC) at every tenth of each phase: flat for a stream processed in "
                + "constant memory.",
                "Default: the sea-abrupt scenario's generator with its length from --events, as fast as possible "
                        + "(--rate to pace it). Without --bootstrap-servers an embedded broker is used."})
final class SoakCommand implements Callable<Integer> {

    private static final int SAMPLES_PER_PHASE = 10;

    @Spec
    CommandSpec spec;
    @Mixin
    ScenarioOptions scenario;
    @Mixin
    KafkaOptions kafka;

    /** Samples the live heap each time progress crosses another tenth of the phase. */
    private static final class Sampler implements ProgressListener {
        private final HeapMonitor heap;
        private final long total;
        private long nextSample;

        Sampler(HeapMonitor heap, long total) {
            this.heap = heap;
            this.total = total;
            this.nextSample = total / SAMPLES_PER_PHASE;
        }

        @Override
        public void start(String task, long ignored) {
        }

        @Override
        public void advance(long done) {
            while (done >= nextSample && nextSample <= total) {
                heap.sample();
                nextSample += total / SAMPLES_PER_PHASE;
            }
        }

        @Override
        public void finish() {
        }
    }

    @Override
    public Integer call() {
        if (!spec.commandLine().getParseResult().hasMatchedOption("--scenario")) {
            scenario.scenario = "sea-abrupt";
        }
        if (scenario.rate == null) {
            // A soak measures memory over a long stream: as fast as possible unless asked otherwise.
            scenario.rate = 0.0;
        }
        ScenarioConfig config = scenario.load();
        if (!config.source().generated()) {
            throw new ConfigException("--scenario", config.name(), "a scenario with a generated source (soak needs a "
                    + "stream of any length)");
        }
        long events = config.source().events();
        PrintWriter out = spec.commandLine().getOut();
        try (KafkaOptions.Session session = kafka.openOrEmbed(); HeapMonitor heap = HeapMonitor.start()) {
            KafkaConnection connection = session.connection().withDefaults(config.kafka().properties());
            long baseline = heap.sample();
            ProduceResult produced = SourceProducer.forScenario(connection, config, new Sampler(heap, events)).produce();
            List<Long> produceSamples = heap.liveSamples();

            long consumeStart = System.nanoTime();
            long consumed = consumeAll(connection, config, events, new Sampler(heap, events));
            long consumeMs = (System.nanoTime() - consumeStart) / 1_000_000;
            List<Long> all = heap.liveSamples();
            List<Long> consumeSamples = all.subList(produceSamples.size(), all.size());

            out.printf(Locale.ROOT, "events              %,d (%s)%n", events, config.source().describe());
            out.printf(Locale.ROOT, "produced            %,d in %,d ms: %,.0f events/s%n",
                    produced.trainRecords() + produced.testRecords(), produced.wallTimeMs(), produced.eventsPerSecond());
            out.printf(Locale.ROOT, "consumed            %,d in %,d ms: %,.0f events/s%n", consumed, consumeMs,
                    consumed * 1000.0 / Math.max(1, consumeMs));
            out.printf(Locale.ROOT, "heap limit          %s%n", mb(Runtime.getRuntime().maxMemory()));
            out.printf(Locale.ROOT, "live heap at start  %s%n", mb(baseline));
            out.printf(Locale.ROOT, "live heap, produce  %s%n", series(produceSamples.subList(1, produceSamples.size())));
            out.printf(Locale.ROOT, "live heap, consume  %s%n", series(consumeSamples));
            out.printf(Locale.ROOT, "peak live heap      %s%n", mb(heap.peakLiveBytes()));
            out.printf(Locale.ROOT, "peak heap after GC  %s (%d collections)%n", mb(heap.peakAfterGcBytes()),
                    heap.collections());
        }
        return 0;
    }

    private static long consumeAll(KafkaConnection connection, ScenarioConfig config, long events, Sampler sampler) {
        Map<String, Object> consumerConfig = connection.consumerConfig("soak-" + UUID.randomUUID());
        consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        long count = 0;
        long lastProgressNanos = System.nanoTime();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig)) {
            consumer.subscribe(List.of(config.topics().train(), config.topics().test()));
            while (count < events) {
                int n = consumer.poll(Duration.ofMillis(500)).count();
                if (n > 0) {
                    count += n;
                    sampler.advance(count);
                    lastProgressNanos = System.nanoTime();
                } else if (System.nanoTime() - lastProgressNanos > Duration.ofSeconds(60).toNanos()) {
                    throw new TributaryException("consumed " + count + " of " + events + " events, then nothing for 60 s");
                }
            }
        }
        return count;
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    private static String series(List<Long> samples) {
        return String.join(" ", samples.stream().map(b -> String.format(Locale.ROOT, "%.0f", b / 1048576.0)).toList())
                + " MB";
    }
}
