package dev.tributary.cli;

import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.producer.SourceProducer;
import dev.tributary.broker.test.SecuredKafkaBroker;
import dev.tributary.results.ExperimentResults;
import dev.tributary.results.ResultsFile;
import dev.tributary.serving.ModelScorer;
import dev.tributary.serving.ScoringTopology;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stages against a SASL_SSL cluster (PLAIN over TLS, a self-signed certificate), configured
 * only through {@code --kafka-config}: they work with the right password (the Streams scorer too), fail with exit code 3
 * and a clear message with a wrong one, and neither password appears in anything they print or
 * log (standard error is captured, so the log is checked too) or in any file they write.
 */
@Tag("integration")
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a guard against a hang, not a measurement
class SecuredClusterIntegrationTest {

    private static SecuredKafkaBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = SecuredKafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void stagesRunOverSaslSslWithTheSecretsPassedThroughAndNeverShown(@TempDir Path dir) throws IOException {
        Path config = properties(dir.resolve("client.properties"), broker.clientProperties(broker.password()));
        String name = "secured-" + Long.toHexString(System.nanoTime());
        String out = dir.resolve("out").toString();
        String[] common = {"--kafka-config", config.toString(), "--dataset-name", name};

        Captured produced = run(concat(new String[] {"produce"}, common));
        assertEquals(0, produced.code(), produced.all());
        assertTrue(produced.out().contains("read 699 = train 419"), produced.out());
        assertTrue(produced.log().contains("Produced data set breast-cancer"), "the log is captured: " + produced.log());

        Captured batch = run(concat(new String[] {"train-batch", "-o", out, "--epochs", "2"}, common));
        assertEquals(0, batch.code(), batch.all());
        Captured stream = run(concat(new String[] {"train-stream", "-o", out, "--idle-timeout-ms", "3000"}, common));
        assertEquals(0, stream.code(), stream.all());
        assertTrue(stream.out().startsWith("started: trained on 419 records"), stream.out());
        Captured evaluated = run(concat(new String[] {"evaluate", "-o", out}, common));
        assertEquals(0, evaluated.code(), evaluated.all());

        ExperimentResults results = ResultsFile.read(dir.resolve("out/results.json"));
        assertEquals(280, results.strategy("online").holdout().examples(), "scored over SASL_SSL");
        Map<String, String> recorded = results.kafka().clientProperties();
        assertEquals("SASL_SSL", recorded.get("security.protocol"), "non-secret settings are recorded as given");
        assertEquals("[hidden]", recorded.get("sasl.jaas.config"));
        assertEquals("[hidden]", recorded.get("ssl.truststore.password"));

        // The Streams scorer takes the same file: it scores the test topic with the published model.
        KafkaConnection secured = KafkaConnection.load(null, config, Map.of());
        var topics = new ScoringTopology.ScoringTopics(name + "-test", name + "-models", name + "-predictions",
                name + "-scorer-dlq");
        try (ModelScorer scorer = ModelScorer.start(secured, SourceProducer.schema(ScenarioConfig.defaults()),
                new ModelScorer.Settings(name + "-scorer", "online", topics, 64, 1, false, dir.resolve("streams")))) {
            assertEquals(280, count(secured, topics.predictions(), 280), "one prediction per test event");
        }

        String truststorePassword = broker.clientProperties("").get("ssl.truststore.password");
        for (Captured c : List.of(produced, batch, stream, evaluated)) {
            assertSecretsAbsent(c.all(), "the output or log", broker.password(), truststorePassword);
        }
        try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertSecretsAbsent(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1), file.toString(),
                        broker.password(), truststorePassword);
            }
        }
    }

    @Test
    void aWrongPasswordFailsAtOnceWithAClearMessage(@TempDir Path dir) throws IOException {
        String wrong = "wrong-" + Long.toHexString(System.nanoTime());
        Path config = properties(dir.resolve("client.properties"), broker.clientProperties(wrong));

        Captured produced = run("produce", "--kafka-config", config.toString(), "--dataset-name", "secured-denied");

        assertEquals(TributaryCommand.EXIT_FAILURE, produced.code(), produced.all());
        assertTrue(produced.err().contains("Authentication failed"), produced.err());
        assertFalse(produced.err().contains("\tat "), "one line, no stack trace: " + produced.err());
        assertSecretsAbsent(produced.all(), "the output or log", wrong, broker.password());
    }

    @Test
    void unusableSecuritySettingsAreAnOperationalFailureNotABug(@TempDir Path dir) throws IOException {
        Map<String, String> properties = new java.util.LinkedHashMap<>(broker.clientProperties(broker.password()));
        properties.put("ssl.truststore.location", dir.resolve("no-such-truststore.p12").toString());
        Path config = properties(dir.resolve("client.properties"), properties);

        Captured produced = run("produce", "--kafka-config", config.toString(), "--dataset-name", "secured-no-trust");

        assertEquals(TributaryCommand.EXIT_FAILURE, produced.code(), produced.all());
        assertTrue(produced.err().contains("no-such-truststore.p12"), "names what is wrong: " + produced.err());
        assertFalse(produced.err().contains("\tat "), "one line, no stack trace: " + produced.err());
        assertSecretsAbsent(produced.all(), "the output or log", broker.password(),
                properties.get("ssl.truststore.password"));
    }

    /** What one invocation printed, and everything logged to standard error meanwhile. */
    private record Captured(int code, String out, String err, String log) {
        String all() {
            return out + err + log;
        }
    }

    /**
     * Runs a command with {@code System.out} and {@code System.err} captured: the logger writes to
     * {@code System.err}, and Kafka's clients log through it, so a secret they print is caught.
     */
    private static Captured run(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(log, true, StandardCharsets.UTF_8);
        TributaryCommandTest.Outcome outcome;
        System.setOut(capture);
        System.setErr(capture);
        try {
            outcome = TributaryCommandTest.tributary(args);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        String logged = log.toString(StandardCharsets.UTF_8);
        stderr.print(logged);
        return new Captured(outcome.code(), outcome.out(), outcome.err(), logged);
    }

    /** Counts a topic's records until {@code expected} arrive or 60 s pass. */
    private static long count(KafkaConnection connection, String topic, long expected) {
        long count = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(connection.consumerConfig(topic + "-reader"))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (count < expected && System.nanoTime() < deadline) {
                count += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
        return count;
    }

    private static void assertSecretsAbsent(String text, String where, String... secrets) {
        for (String secret : secrets) {
            assertFalse(text.contains(secret), "a secret appears in " + where);
        }
    }

    private static Path properties(Path file, Map<String, String> properties) throws IOException {
        Files.writeString(file, properties.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n")));
        return file;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
