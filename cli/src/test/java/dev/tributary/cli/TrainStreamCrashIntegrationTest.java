package dev.tributary.cli;

import dev.tributary.broker.test.TopicFixtures;

import dev.tributary.kafka.KafkaConnection;
import dev.tributary.kafka.TopicAdmin;
import dev.tributary.model.ModelCodec;
import dev.tributary.model.test.Checkpoints;
import dev.tributary.common.provenance.ModelMetadata;
import dev.tributary.broker.test.SharedKafka;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.tributary.cli.ChildProcesses.concat;
import static dev.tributary.cli.TributaryCommandTest.tributary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kill -9} of a {@code train-stream} process mid-run, then a restart: the restart resumes
 * from the last checkpoint and its committed offsets, skips nothing, and re-trains only the
 * records the killed process had trained on since that checkpoint, which are fewer than
 * {@code checkpoint-every + mini-batch}.
 *
 * <p>The trainer runs as a child JVM on this JVM's class path, against the shared broker in this
 * JVM; {@link Process#destroyForcibly()} is SIGKILL on Linux, so no shutdown hook and no final
 * checkpoint runs. The same test with SIGTERM ({@link Process#destroy()}) checks the graceful
 * path: the hook writes a final checkpoint and commits exactly its offsets before the JVM exits.
 */
@Tag("integration")
class TrainStreamCrashIntegrationTest {

    private static final int CHECKPOINT_EVERY = 200;
    private static final int MINI_BATCH = 50;
    /** 10,000 SEA events, 60 % of them (in time order) to the train topic. */
    private static final long TRAIN_RECORDS = 6_000;

    private final KafkaConnection kafka = SharedKafka.connection();

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void stoppedMidRunThenRestartedResumesFromTheLastCheckpoint(boolean sigkill, @TempDir Path dir) throws Exception {
        String name = SharedKafka.unique("crash");
        String[] scenario = {"--scenario", "sea-abrupt", "--protocol", "holdout", "--events", "10000",
                "--drift-at", "5000", "--rate", "0", "--name", name, "--bootstrap-servers", kafka.bootstrapServers(),
                "--hidden-layers", "16", "--stream-epochs", "4", "--checkpoint-every", Integer.toString(CHECKPOINT_EVERY),
                "--mini-batch", Integer.toString(MINI_BATCH), "--max-poll-records", "37",
                // The killed member keeps its partitions until its session expires: the broker's
                // minimum, not the default 45 s, so that the restart is assigned them sooner.
                "-X", "session.timeout.ms=6000"};
        TributaryCommandTest.Outcome produced = tributary(concat(new String[] {"produce"}, scenario));
        assertEquals(0, produced.code(), produced.err());
        String train = name + "-train";
        try (TopicAdmin admin = new TopicAdmin(kafka)) {
            assertEquals(TRAIN_RECORDS, admin.recordCount(train));
        }
        Path checkpoint = dir.resolve("models/online.model");

        // The first trainer: a child JVM, signalled once it has checkpointed a few times.
        Process child = ChildProcesses.tributary(dir.resolve("first.log"),
                concat(concat(new String[] {"train-stream"}, scenario), "-o", dir.toString(), "--idle-timeout-ms", "0"));
        try {
            Checkpoints.awaitCovering(checkpoint, 3 * CHECKPOINT_EVERY, child);
        } finally {
            if (sigkill) {
                child.destroyForcibly();
            } else {
                child.destroy();
            }
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the first trainer exits");
        }
        assertEquals(sigkill ? 128 + 9 : 0, child.exitValue(), sigkill ? "it died of the signal, not by itself"
                : "a clean stop on SIGTERM is a success, not 143");
        ModelMetadata atKill = ModelCodec.read(checkpoint).metadata();
        assertTrue(atKill.recordsSeen() < TRAIN_RECORDS, "stopped mid-run, at " + atKill.recordsSeen() + " records");
        Map<Integer, Long> committedAtKill = committed(name + "-stream-trainer");
        if (sigkill) {
            committedAtKill.forEach((partition, offset) -> assertTrue(offset <= atKill.nextOffsets().get(partition),
                    "a committed offset never passes the checkpoint"));
        } else {
            assertEquals(atKill.nextOffsets(), committedAtKill, "SIGTERM: the final checkpoint's offsets are committed");
        }

        // The restart, in this JVM: it stops once the topic has been idle for 3 s.
        TributaryCommandTest.Outcome resumed = tributary(concat(new String[] {"train-stream"},
                concat(scenario, new String[] {"-o", dir.toString(), "--idle-timeout-ms", "3000"})));
        assertEquals(0, resumed.code(), resumed.err());
        long retrained = TRAIN_RECORDS - atKill.recordsSeen();
        assertTrue(resumed.out().startsWith("resumed: trained on " + retrained + " records in this run"),
                "the restart trains exactly the records after the last checkpoint: " + resumed.out());

        // Nothing skipped, nothing counted twice.
        ModelMetadata last = ModelCodec.read(checkpoint).metadata();
        Map<Integer, Long> ends = new HashMap<>();
        try (TopicAdmin admin = new TopicAdmin(kafka)) {
            admin.endOffsets(train).forEach((tp, end) -> ends.put(tp.partition(), end));
        }
        assertEquals(ends, last.nextOffsets(), "the final checkpoint is at the topic's end offsets");
        assertEquals(TRAIN_RECORDS, last.recordsSeen(), "the model's tally is every record once");
        assertEquals(ends, committed(name + "-stream-trainer"), "and those offsets are committed");

        // The re-train bound: every version either process published came at most
        // checkpoint-every + mini-batch - 1 records after the one before, so the killed
        // process cannot have trained on more than that beyond its last checkpoint.
        List<ModelMetadata> versions = new ArrayList<>();
        TopicFixtures.read(kafka, name + "-models", r -> versions.add(ModelCodec.decode(r.value()).metadata()));
        assertTrue(versions.stream().anyMatch(v -> v.version() <= atKill.version()), "the first process published");
        assertEquals(last.version(), versions.get(versions.size() - 1).version());
        // A kill between writing a checkpoint and publishing it leaves that version out of the
        // topic (seen in CI: version 4 came 400 records after version 2), so only versions whose
        // predecessor was published are compared.
        ModelMetadata previous = null;
        int compared = 0;
        for (ModelMetadata v : versions) {
            long before = previous == null ? 0 : previous.recordsSeen();
            if (previous == null ? v.version() == 1 : v.version() == previous.version() + 1) {
                long gap = v.recordsSeen() - before;
                assertTrue(gap > 0 && gap < CHECKPOINT_EVERY + MINI_BATCH,
                        "version " + v.version() + " came " + gap + " records after the previous one");
                compared++;
            }
            assertTrue(v.recordsSeen() > before, "versions only move forward");
            previous = v;
        }
        assertTrue(compared >= versions.size() - 1, "every version but the one after the gap is compared: " + compared
                + " of " + versions.size());
    }

    @Test
    void aCheckpointThatCannotBeWrittenEndsTheTrainerInOneLine(@TempDir Path dir) throws Exception {
        String name = SharedKafka.unique("unwritable");
        String[] scenario = {"--scenario", "sea-abrupt", "--protocol", "holdout", "--events", "2000",
                "--drift-at", "1000", "--rate", "0", "--name", name, "--bootstrap-servers", kafka.bootstrapServers(),
                "--hidden-layers", "8", "--checkpoint-every", Integer.toString(CHECKPOINT_EVERY),
                "--mini-batch", Integer.toString(MINI_BATCH)};
        assertEquals(0, tributary(concat(new String[] {"produce"}, scenario)).code());
        Path log = dir.resolve("trainer.log");
        Process child = ChildProcesses.tributary(log,
                concat(concat(new String[] {"train-stream"}, scenario), "-o", dir.toString(), "--idle-timeout-ms", "0"));
        try {
            Checkpoints.awaitCovering(dir.resolve("models/online.model"), CHECKPOINT_EVERY, child);
            // The disk fails under it (for root too): where the checkpoints go is no longer a directory.
            java.nio.file.Files.move(dir.resolve("models"), dir.resolve("models-before"));
            java.nio.file.Files.writeString(dir.resolve("models"), "not a directory");
            // More records, so that a checkpoint falls due whether or not the first ones were all trained.
            assertEquals(0, tributary(concat(new String[] {"produce"}, scenario)).code());
            assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the trainer ends");
        } finally {
            child.destroyForcibly();
        }
        String output = java.nio.file.Files.readString(log, java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(TributaryCommand.EXIT_FAILURE, child.exitValue(), output);
        List<String> errors = output.lines().filter(l -> l.startsWith("tributary: ")).toList();
        assertEquals(1, errors.size(), output);
        assertTrue(errors.get(0).startsWith("tributary: cannot write " + dir.resolve("models")), errors.get(0));
        assertFalse(output.contains("onPartitionsRevoked") || output.contains("\tat "),
                "one line, no listener's trace: " + output);
    }

    private Map<Integer, Long> committed(String group) throws Exception {
        try (Admin admin = Admin.create(kafka.adminConfig())) {
            Map<Integer, Long> offsets = new HashMap<>();
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .forEach((tp, o) -> offsets.put(tp.partition(), o.offset()));
            return offsets;
        }
    }
}
