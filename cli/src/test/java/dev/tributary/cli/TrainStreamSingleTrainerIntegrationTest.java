package dev.tributary.cli;

import dev.tributary.broker.test.SharedKafka;
import dev.tributary.broker.test.TopicFixtures;
import dev.tributary.common.provenance.ModelMetadata;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.kafka.TopicAdmin;
import dev.tributary.model.ModelCodec;
import dev.tributary.model.test.Checkpoints;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.tributary.cli.ChildProcesses.concat;
import static dev.tributary.cli.TributaryCommandTest.tributary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two {@code train-stream} processes in one consumer group (issue 18, item 4), as child JVMs with
 * output directories of their own, while the stream is being produced over 2 partitions: the
 * second joins mid-stream (a rebalance) and must stay a standby that trains nothing; the first
 * is then stopped (SIGTERM: it leaves the group) or killed ({@code kill -9}: its session
 * expires), another rebalance, and the second takes over from the newest published checkpoint.
 *
 * <p>Throughout, the group's committed offsets are sampled and must never go backwards; the
 * models topic's versions must only increase, each with more records seen than the one before;
 * the final model has seen every record once and sits at the topic's end offsets. After a
 * SIGTERM the two processes' trainings add up to exactly the records (each trained once); after
 * a {@code kill -9} the second trains exactly the records after the checkpoint it resumed from.
 */
@Tag("integration")
class TrainStreamSingleTrainerIntegrationTest {

    private static final long EVENTS = 12_000;
    private static final Pattern STOPPED = Pattern.compile("Stream trainer stopped: (\\d+) records trained in this run");
    private static final Pattern RESUMED_FROM_TOPIC = Pattern.compile(
            "Resuming from the latest online model on \\S+ \\(version (\\d+), (\\d+) records seen");

    private final KafkaConnection kafka = SharedKafka.connection();

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aSecondTrainerIsAStandbyUntilTheFirstLeavesThenContinuesItsModel(boolean sigkill, @TempDir Path dir)
            throws Exception {
        String name = SharedKafka.unique("single");
        Path file = dir.resolve("single.yaml");
        Files.writeString(file, """
                source:
                  events: %d
                  generator:
                    concepts:
                      - {type: sea, function: 1, noise: 0.1}
                protocol: prequential
                strategies: [online]
                model: {hidden-layers: [16]}
                stream: {batch-size: 50, epochs: 2}
                kafka: {train-partitions: 2}
                rate: {events-per-second: 250}
                """.formatted(EVENTS));
        String[] scenario = {"--scenario", file.toString(), "--name", name, "--bootstrap-servers", kafka.bootstrapServers(),
                "--checkpoint-every", "200", "--mini-batch", "50", "--max-poll-records", "37",
                // A killed member keeps its partitions until its session expires: the broker's minimum.
                "-X", "session.timeout.ms=6000"};
        String events = name + "-events";
        String group = name + "-stream-trainer";
        Path dirA = dir.resolve("a");
        Path dirB = dir.resolve("b");
        Path checkpointA = dirA.resolve("models/online.model");
        Path checkpointB = dirB.resolve("models/online.model");

        CompletableFuture<TributaryCommandTest.Outcome> produced =
                CompletableFuture.supplyAsync(() -> tributary(concat(new String[] {"produce"}, scenario)));
        CommitWatch commits = new CommitWatch(group);
        Thread watcher = new Thread(commits, "commit-watch");
        watcher.start();
        Process a = ChildProcesses.tributary(dir.resolve("a.log"),
                concat(concat(new String[] {"train-stream"}, scenario), "-o", dirA.toString(), "--idle-timeout-ms", "0"));
        Process b = null;
        try {
            Checkpoints.awaitCovering(checkpointA, 200, a);
            b = ChildProcesses.tributary(dir.resolve("b.log"),
                    concat(concat(new String[] {"train-stream"}, scenario), "-o", dirB.toString(),
                            "--idle-timeout-ms", "4000"));
            awaitLog(dir.resolve("b.log"), "Standby: no partition of " + events + " assigned", b);
            // With the second one in the group (a rebalance), the first one still trains.
            long seenAtJoin = ModelCodec.read(checkpointA).metadata().recordsSeen();
            Checkpoints.awaitCovering(checkpointA, seenAtJoin + 200, a);
            assertFalse(Files.exists(checkpointB), "the standby has written no checkpoint");
            assertTrue(ModelCodec.read(checkpointA).metadata().recordsSeen() < EVENTS - 1_000,
                    "the first trainer is stopped mid-stream");
        } finally {
            if (sigkill) {
                a.destroyForcibly();
            } else {
                a.destroy();
            }
            assertTrue(a.waitFor(60, TimeUnit.SECONDS), "the first trainer exits");
        }
        ModelMetadata lastOfA = ModelCodec.read(checkpointA).metadata();

        assertEquals(0, produced.get(180, TimeUnit.SECONDS).code(), "produce succeeds");
        assertTrue(b.waitFor(180, TimeUnit.SECONDS), "the second trainer finishes once the topic is idle");
        String logB = Files.readString(dir.resolve("b.log"), StandardCharsets.UTF_8);
        assertEquals(0, b.exitValue(), logB);
        commits.stop.set(true);
        watcher.join(10_000);

        long records;
        Map<Integer, Long> ends = new HashMap<>();
        try (TopicAdmin admin = new TopicAdmin(kafka)) {
            records = admin.recordCount(events);
            admin.endOffsets(events).forEach((tp, end) -> ends.put(tp.partition(), end));
        }
        assertEquals(EVENTS, records);
        assertEquals(2, ends.size());

        // The second trainer resumed from the first one's last published checkpoint and trained the rest once.
        Matcher resumed = RESUMED_FROM_TOPIC.matcher(logB);
        assertTrue(resumed.find(), "the second trainer resumed from the models topic: " + logB);
        long resumedVersion = Long.parseLong(resumed.group(1));
        long resumedSeen = Long.parseLong(resumed.group(2));
        long trainedByB = trainedInRun(logB);
        assertEquals(records - resumedSeen, trainedByB, "the second trains exactly the records after its checkpoint");
        if (sigkill) {
            assertTrue(resumedVersion <= lastOfA.version() && resumedVersion >= lastOfA.version() - 1,
                    "the kill may fall between the first one's file and its publication");
        } else {
            assertEquals(lastOfA.version(), resumedVersion, "SIGTERM: the final checkpoint was published");
            long trainedByA = trainedInRun(Files.readString(dir.resolve("a.log"), StandardCharsets.UTF_8));
            assertEquals(lastOfA.recordsSeen(), trainedByA, "the first trained what its last checkpoint holds");
            assertEquals(records, trainedByA + trainedByB, "every record trained exactly once across the two");
        }

        ModelMetadata last = ModelCodec.read(checkpointB).metadata();
        assertEquals(records, last.recordsSeen(), "the final model has seen every record once");
        assertEquals(ends, last.nextOffsets(), "and sits at the topic's end offsets");
        assertEquals(ends, commits.latest(), "which are committed");
        assertEquals(List.of(), commits.backwards, "committed offsets never went backwards");
        assertTrue(commits.samples > 10, "the commits were watched: " + commits.samples + " samples");

        // The models topic: versions only increase, each one having seen more.
        List<ModelMetadata> versions = new ArrayList<>();
        TopicFixtures.read(kafka, name + "-models", r -> versions.add(ModelCodec.decode(r.value()).metadata()));
        assertTrue(versions.size() > 5, versions.size() + " versions");
        for (int i = 1; i < versions.size(); i++) {
            ModelMetadata before = versions.get(i - 1);
            ModelMetadata v = versions.get(i);
            assertTrue(v.version() > before.version(), "version " + v.version() + " after " + before.version());
            assertTrue(v.recordsSeen() > before.recordsSeen(), "version " + v.version() + " has seen " + v.recordsSeen()
                    + " records, version " + before.version() + " " + before.recordsSeen());
        }
        assertEquals(last, versions.get(versions.size() - 1), "the last version published is the final model");
    }

    private static long trainedInRun(String log) {
        Matcher m = STOPPED.matcher(log);
        assertTrue(m.find(), "the trainer logged its summary: " + log);
        return Long.parseLong(m.group(1));
    }

    private static void awaitLog(Path log, String text, Process child) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline && child.isAlive()) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the second trainer " + (child.isAlive() ? "did not log '" + text + "' within 120 s"
                : "exited with " + child.exitValue()) + ": " + Files.readString(log, StandardCharsets.UTF_8));
    }

    /** Samples the group's committed offsets and notes any that went backwards. */
    private final class CommitWatch implements Runnable {
        private final String group;
        private final Map<Integer, Long> seen = new HashMap<>();
        private final List<String> backwards = new CopyOnWriteArrayList<>();
        private final AtomicBoolean stop = new AtomicBoolean();
        private volatile int samples;

        CommitWatch(String group) {
            this.group = group;
        }

        @Override
        public void run() {
            try (Admin admin = Admin.create(kafka.adminConfig())) {
                while (!stop.get()) {
                    sample(admin);
                    Thread.sleep(100);
                }
                sample(admin);
            } catch (Exception e) {
                backwards.add("the watch failed: " + e);
            }
        }

        private void sample(Admin admin) throws Exception {
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().forEach((tp, o) -> {
                if (o == null) {
                    return;
                }
                Long before = seen.put(tp.partition(), o.offset());
                if (before != null && o.offset() < before) {
                    backwards.add("partition " + tp.partition() + ": " + before + " -> " + o.offset());
                }
            });
            samples++;
        }

        synchronized Map<Integer, Long> latest() throws Exception {
            try (Admin admin = Admin.create(kafka.adminConfig())) {
                Map<Integer, Long> offsets = new HashMap<>();
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                        .forEach((tp, o) -> offsets.put(tp.partition(), o.offset()));
                return offsets;
            }
        }
    }
}
