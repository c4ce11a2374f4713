package dev.tributary.performance;

import dev.tributary.common.StdoutCapture;
import dev.tributary.common.TributaryException;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.results.KafkaEndToEndLatency;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.tools.EndToEndLatency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs Kafka's own {@code EndToEndLatency} (kafka-tools) in this JVM against the cluster: the
 * closed-loop floor the bare baseline of {@link ServingBenchmark} is checked against. The tool
 * gets the user's client properties (security, say) and {@code acks=all}, as the load producer
 * has; it sets its own latency settings ({@code linger.ms=0}, a consumer assigned to the topic).
 */
final class KafkaLatencyTool {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaLatencyTool.class);
    private static final Pattern AVERAGE = Pattern.compile("Avg latency: ([0-9]+[.,]?[0-9]*) ms");
    private static final Pattern PERCENTILES = Pattern.compile("Percentiles: 50th = (\\d+), 99th = (\\d+), 99.9th = (\\d+)");

    private KafkaLatencyTool() {
    }

    /**
     * @param connection the cluster
     * @param topic      a topic of its own (the tool creates it, one partition)
     * @param records    how many records to send, one at a time
     * @param recordSize their value size, bytes (the events' size, for a like-for-like floor)
     * @param workDir    where its client configuration is written, and deleted after
     * @return what it measured
     */
    static KafkaEndToEndLatency run(KafkaConnection connection, String topic, long records, int recordSize,
                                    Path workDir) {
        Path config = workDir.resolve("end-to-end-latency.properties");
        Properties properties = new Properties();
        connection.clientProperties().forEach(properties::setProperty);
        try {
            Files.createDirectories(workDir);
            try (OutputStream out = Files.newOutputStream(config)) {
                properties.store(out, "the user's client properties, for EndToEndLatency");
            }
        } catch (IOException e) {
            throw new TributaryException("cannot write " + config + ": " + e, e);
        }
        String[] args = {"--bootstrap-server", connection.bootstrapServers(), "--topic", topic, "--num-records",
                Long.toString(records), "--producer-acks", "all", "--record-size", Integer.toString(recordSize),
                "--command-config", config.toString()};
        int[] exit = {0};
        // The tool ends the JVM when it finishes; here its code is kept instead.
        Exit.setExitProcedure((code, message) -> exit[0] = code);
        String printed;
        try {
            printed = StdoutCapture.capture(() -> EndToEndLatency.main(args));
        } catch (Exception e) {
            throw new TributaryException("EndToEndLatency failed: " + e, e);
        } finally {
            Exit.resetExitProcedure();
            try {
                Files.deleteIfExists(config);
            } catch (IOException e) {
                LOG.warn("could not delete {}: {}", config, e.toString());
            }
        }
        if (exit[0] != 0) {
            throw new TributaryException("EndToEndLatency exited with " + exit[0] + "; it printed: " + printed.strip());
        }
        return parse(printed, records);
    }

    /**
     * @param printed what the tool printed
     * @param records the records it was asked to send
     * @return its average and percentiles
     */
    static KafkaEndToEndLatency parse(String printed, long records) {
        Matcher average = AVERAGE.matcher(printed);
        Matcher percentiles = PERCENTILES.matcher(printed);
        if (!average.find() || !percentiles.find()) {
            throw new TributaryException("EndToEndLatency printed no summary; it printed: " + printed.strip());
        }
        return new KafkaEndToEndLatency(records, Double.parseDouble(average.group(1).replace(',', '.')),
                Long.parseLong(percentiles.group(1)), Long.parseLong(percentiles.group(2)),
                Long.parseLong(percentiles.group(3)));
    }
}
