package dev.tributary.performance;

import dev.tributary.common.ProgressListener;
import dev.tributary.common.StdoutCapture;
import dev.tributary.common.TributaryException;
import dev.tributary.common.config.RateConfig;
import dev.tributary.common.config.TopicsConfig;
import dev.tributary.common.config.generator.StreamSpec;
import dev.tributary.common.data.ExampleCodec;
import dev.tributary.common.provenance.ProduceResult;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.producer.SourceProducer;
import dev.tributary.producer.Pacing;
import dev.tributary.producer.GeneratedSource;
import dev.tributary.producer.generator.ExampleGenerator;
import dev.tributary.producer.generator.Generators;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.tools.ProducerPerformance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The producer against Kafka's own {@code ProducerPerformance}: the same broker, partitions,
 * producer settings (acks, idempotence, batching, the user's properties) and payloads. The
 * tool sends values drawn from the first {@value #PAYLOADS} encoded events of the same
 * generator, so record sizes match; it sends them without a key, where the producer adds a key
 * of a byte or two (the label).
 *
 * <p>The producer's figure includes generating and encoding each event: that is what it costs
 * to produce one.
 */
final class ProducerCeiling {

    private static final Logger LOG = LoggerFactory.getLogger(ProducerCeiling.class);
    private static final int PAYLOADS = 10_000;
    /** The tool's summary line: {@code N records sent, X records/sec (...)}. */
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) records sent, ([0-9]+[.,]?[0-9]*) records/sec");

    private final KafkaConnection connection;
    private final StreamSpec stream;
    private final long seed;
    private final long records;
    private final int partitions;
    private final short replicationFactor;
    private final Path workDir;
    /** Written on first use, then sent by every repetition. */
    private Path payloads;

    ProducerCeiling(KafkaConnection connection, StreamSpec stream, long seed, long records, int partitions,
                    short replicationFactor, Path workDir) {
        this.connection = connection;
        this.stream = stream;
        this.seed = seed;
        this.records = records;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
        this.workDir = workDir;
    }

    /**
     * @return records/s of the producer, over the span {@code ProducerPerformance} times: from the
     *         Kafka producer's creation to its close. Creating the topics, which the tool's side
     *         does before its clock starts, took 120 to 260 ms of the producer's 2 to 3 s.
     */
    double harness(String topic) {
        SendSpan span = new SendSpan();
        ProduceResult result = new SourceProducer(connection, new GeneratedSource(stream, records, 1.0, seed),
                topics(topic), Pacing.atRate(RateConfig.UNLIMITED), span).produce();
        return (result.trainRecords() + result.testRecords()) * 1e9 / span.nanos();
    }

    /** Times the producer from the start it reports to its finish. */
    private static final class SendSpan implements ProgressListener {
        private Long startNanos;
        private Long finishNanos;

        @Override
        public void start(String task, long total) {
            startNanos = System.nanoTime();
        }

        @Override
        public void advance(long done) {
        }

        @Override
        public void finish() {
            finishNanos = System.nanoTime();
        }

        long nanos() {
            if (startNanos == null || finishNanos == null) {
                throw new IllegalStateException("the producer reported no start and finish to time");
            }
            return finishNanos - startNanos;
        }
    }

    /** @return records/s of {@code ProducerPerformance} */
    double ceiling(String topic) {
        SourceProducer.createTopics(connection, topics(topic));
        if (payloads == null) {
            payloads = writePayloads();
        }
        Path clientConfig = writeClientConfig();
        String[] args = {"--topic", topic, "--num-records", Long.toString(records), "--throughput", "-1",
                "--payload-file", payloads.toString(), "--command-config", clientConfig.toString(),
                "--bootstrap-server", connection.bootstrapServers()};
        String printed;
        // The tool ends the JVM on a bad argument; here that must be an exception instead.
        Exit.setExitProcedure((code, message) -> {
            throw new TributaryException("ProducerPerformance exited with " + code + ": " + message);
        });
        try {
            printed = StdoutCapture.capture(() -> ProducerPerformance.main(args));
        } catch (TributaryException e) {
            throw e;
        } catch (Exception e) {
            throw new TributaryException("ProducerPerformance failed: " + e, e);
        } finally {
            Exit.resetExitProcedure();
            // It may hold credentials.
            deleteQuietly(clientConfig);
        }
        LOG.debug("ProducerPerformance printed: {}", printed);
        return recordsPerSecond(printed, records);
    }

    /**
     * @param printed what {@code ProducerPerformance} printed
     * @param records the records it was asked to send
     * @return the records/s of its final summary line
     */
    static double recordsPerSecond(String printed, long records) {
        Matcher m = SUMMARY.matcher(printed);
        String rate = null;
        long sent = -1;
        while (m.find()) {
            sent = Long.parseLong(m.group(1));
            rate = m.group(2);
        }
        if (rate == null || sent != records) {
            throw new TributaryException("ProducerPerformance did not report sending " + records + " records; it printed: "
                    + printed.strip());
        }
        return Double.parseDouble(rate.replace(',', '.'));
    }

    private TopicsConfig topics(String topic) {
        return TopicsConfig.stream(topic, partitions, replicationFactor);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", file, e.toString());
        }
    }

    /** The values the producer would send first, one per line (they are CSV text). */
    private Path writePayloads() {
        Path file = workDir.resolve("producer-payloads.txt");
        ExampleGenerator generator = Generators.create(stream, seed);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < PAYLOADS; i++) {
                out.write(ExampleCodec.encodeValue(generator.next().features()));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new TributaryException("cannot write " + file + ": " + e, e);
        }
        return file;
    }

    /** The producer's own settings, so that both sides batch and acknowledge alike. */
    private Path writeClientConfig() {
        Path file = workDir.resolve("producer.properties");
        Properties properties = new Properties();
        for (Map.Entry<String, Object> e : connection.producerConfig().entrySet()) {
            properties.setProperty(e.getKey(), String.valueOf(e.getValue()));
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            properties.store(out, "the producer's settings, for ProducerPerformance");
        } catch (IOException e) {
            throw new TributaryException("cannot write " + file + ": " + e, e);
        }
        return file;
    }
}
