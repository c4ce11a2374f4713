package dev.tributary.cli;

import dev.tributary.kafka.KafkaConnection;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tributary broker} as its own process, with the stages as processes of their own against
 * it, as the README's stage-by-stage section runs them: it starts on the ports given, prints its
 * address, keeps its topics in its log directory across a SIGTERM and a restart, and deletes a
 * temporary one when it stops.
 */
@Tag("integration")
class BrokerCommandIntegrationTest {

    private static final Pattern READY = Pattern.compile("Kafka broker ready at (\\S+) \\(log directory (\\S+?)[,)]");

    @Test
    void theStagesRunAgainstItAndItsTopicsOutliveARestart(@TempDir Path dir) throws Exception {
        int port = freePort();
        int controller = freePort();
        Path logDir = dir.resolve("kafka-data");
        String[] broker = {"broker", "--port", Integer.toString(port), "--controller-port", Integer.toString(controller),
                "--log-dir", logDir.toString()};
        String bootstrap = "localhost:" + port;
        Process first = ChildProcesses.tributary(dir.resolve("broker-1.log"), broker);
        try {
            assertEquals(bootstrap, awaitReady(first, dir.resolve("broker-1.log"))[0]);
            String[] stage = {"--bootstrap-servers", bootstrap, "--name", "standalone", "--epochs", "2"};
            Process produce = ChildProcesses.tributary(dir.resolve("produce.log"),
                    ChildProcesses.concat(new String[] {"produce"}, stage));
            assertTrue(produce.waitFor(120, TimeUnit.SECONDS) && produce.exitValue() == 0,
                    "produce: " + Files.readString(dir.resolve("produce.log")));
            Process train = ChildProcesses.tributary(dir.resolve("train.log"),
                    ChildProcesses.concat(new String[] {"train-batch", "-o", dir.resolve("out").toString()}, stage));
            assertTrue(train.waitFor(120, TimeUnit.SECONDS) && train.exitValue() == 0,
                    "train-batch: " + Files.readString(dir.resolve("train.log")));
            TributaryCommandTest.Outcome evaluated = TributaryCommandTest.tributary(
                    ChildProcesses.concat(new String[] {"evaluate", "--model",
                            "batch=" + dir.resolve("out/models/batch.model"), "-o", dir.resolve("out").toString()}, stage));
            assertEquals(0, evaluated.code(), evaluated.err());
            assertTrue(evaluated.out().contains("accuracy"), evaluated.out());
        } finally {
            first.destroy();
        }
        assertTrue(first.waitFor(60, TimeUnit.SECONDS), "SIGTERM stops the broker");
        assertEquals(0, first.exitValue(), "a clean stop on SIGTERM exits 0");
        assertTrue(Files.exists(logDir.resolve("meta.properties")), "the log directory is kept");

        Process second = ChildProcesses.tributary(dir.resolve("broker-2.log"), broker);
        try {
            awaitReady(second, dir.resolve("broker-2.log"));
            assertTrue(Files.readString(dir.resolve("broker-2.log")).contains("Reusing the Kafka log directory"));
            try (Admin admin = Admin.create(KafkaConnection.to(bootstrap).adminConfig())) {
                Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                assertTrue(topics.containsAll(Set.of("standalone-train", "standalone-test")), topics.toString());
            }
        } finally {
            second.destroy();
            assertTrue(second.waitFor(60, TimeUnit.SECONDS));
        }
    }

    @Test
    void withoutALogDirectoryItsTemporaryOneGoesWhenItStops(@TempDir Path dir) throws Exception {
        Process broker = ChildProcesses.tributary(dir.resolve("broker.log"), "broker", "--port",
                Integer.toString(freePort()), "--controller-port", Integer.toString(freePort()));
        Path logDir;
        try {
            logDir = Path.of(awaitReady(broker, dir.resolve("broker.log"))[1]);
            assertTrue(Files.isDirectory(logDir));
        } finally {
            broker.destroy();
        }
        assertTrue(broker.waitFor(60, TimeUnit.SECONDS));
        assertFalse(Files.exists(logDir), "deleted once the broker stopped: " + logDir);
    }

    @Test
    void aPortInUseIsAClearFailure(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Path log = dir.resolve("busy.log");
            Process busy = ChildProcesses.tributary(log, "broker", "--port", Integer.toString(taken.getLocalPort()),
                    "--controller-port", Integer.toString(freePort()), "--log-dir", dir.resolve("busy").toString());
            assertTrue(busy.waitFor(90, TimeUnit.SECONDS), "it gives up: " + Files.readString(log));
            assertEquals(TributaryCommand.EXIT_FAILURE, busy.exitValue(), Files.readString(log));
            assertTrue(Files.readString(log).contains("tributary: the Kafka broker did not start on localhost:"
                    + taken.getLocalPort()), Files.readString(log));
        }
    }

    /** @return the bootstrap address and log directory the broker printed, once it did */
    private static String[] awaitReady(Process broker, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            Matcher m = READY.matcher(Files.readString(log));
            if (m.find()) {
                return new String[] {m.group(1), m.group(2)};
            }
            assertTrue(broker.isAlive(), "the broker exited: " + Files.readString(log));
            Thread.sleep(200);
        }
        throw new AssertionError("the broker printed no address within 90 s: " + Files.readString(log));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
