package dev.tributary.cli;

import dev.tributary.broker.test.SharedKafka;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.kafka.TopicAdmin;
import dev.tributary.results.ExperimentResults;
import dev.tributary.results.ResultsFile;
import dev.tributary.results.ServedResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.apache.kafka.clients.admin.Admin;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.tributary.cli.ChildProcesses.concat;
import static dev.tributary.cli.TributaryCommandTest.tributary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A deployment as the README runs it on a cluster, each stage its own command: {@code score} in a
 * child JVM, {@code train-stream} and {@code produce} beside it, then {@code evaluate-served}
 * scoring what the scorer served, from the predictions and models topics alone.
 */
@Tag("integration")
class DeployedStagesIntegrationTest {

    private final KafkaConnection kafka = SharedKafka.connection();

    @Test
    void theStagesAsSeparateCommandsAreScoredAsServed(@TempDir Path dir) throws Exception {
        String name = SharedKafka.unique("cli-deployed");
        String[] common = {"--bootstrap-servers", kafka.bootstrapServers(), "--name", name, "--protocol", "prequential"};
        try (TopicAdmin admin = new TopicAdmin(kafka)) {
            // The events topic exists before the services that read it start, as in any deployment.
            admin.ensureTopic(name + "-events", 1, (short) 1, java.util.Map.of());
        }
        Path log = dir.resolve("score.log");
        Process scorer = ChildProcesses.tributary(log, concat(new String[] {"score", "--strategy", "online",
                "--state-dir", dir.resolve("state").toString()}, common));
        try {
            CompletableFuture<TributaryCommandTest.Outcome> trainer = CompletableFuture.supplyAsync(() -> tributary(concat(
                    new String[] {"train-stream", "-o", dir.toString(), "--idle-timeout-ms", "8000"}, common)));
            // Live once both are in their groups, as a deployment is before traffic reaches it.
            awaitMember(name + "-scorer-online", scorer, log);
            awaitMember(name + "-stream-trainer", scorer, log);
            TributaryCommandTest.Outcome produced = tributary(concat(new String[] {"produce", "--rate", "100"}, common));
            assertEquals(0, produced.code(), produced.err());

            TributaryCommandTest.Outcome evaluated = tributary(concat(new String[] {"evaluate-served", "--strategy",
                    "online", "-o", dir.toString()}, common));
            assertEquals(0, evaluated.code(), evaluated.err() + "\nscorer:\n" + Files.readString(log, StandardCharsets.UTF_8));
            assertTrue(evaluated.out().contains("online as served: 699 events, 699 predictions"), evaluated.out());
            assertEquals(0, trainer.get(2, TimeUnit.MINUTES).code(), "train-stream stops when idle");

            ExperimentResults results = ResultsFile.read(dir.resolve("results.json"));
            ServedResult served = results.strategy("online").served();
            assertTrue(served.reconciles(), served.toString());
            assertEquals(140, served.history(), "the scenario's 20 % history");
            assertEquals(559, served.evaluated());
            assertTrue(served.versionsServed() >= 2, "the scorer swapped the trainer's versions in: " + served);
            assertTrue(served.stalenessEvents().count() > 0, "staleness from the models topic's records");
            // A cold scorer JVM initialises ND4J when it decodes its first model, seconds in which it answers
            // without one: what a deployment serves from a cold start. Still, the served answers must beat
            // the uniform guess's (the majority class, 65.5 % of breast cancer) clearly.
            assertTrue(served.withoutModel() < served.evaluated(), evaluated.out());
            double accuracy = served.quality().cumulative().get("accuracy");
            assertTrue(accuracy > 0.72, "served accuracy " + accuracy + "\n" + evaluated.out() + "\nscorer:\n"
                    + Files.readString(log, StandardCharsets.UTF_8));

            TributaryCommandTest.Outcome wrong = tributary(concat(new String[] {"evaluate-served", "--strategy", "majority"},
                    common));
            assertEquals(2, wrong.code(), "a reference strategy serves no model");
            assertTrue(wrong.err().contains("--strategy"), wrong.err());
        } finally {
            scorer.destroy();
            assertTrue(scorer.waitFor(60, TimeUnit.SECONDS), "the scorer exits on SIGTERM");
        }
    }

    @Test
    void withLateLabelsTheJoinerIsAStageOfItsOwn(@TempDir Path dir) throws Exception {
        String name = SharedKafka.unique("cli-late");
        String[] common = {"--bootstrap-servers", kafka.bootstrapServers(), "--name", name, "--protocol", "prequential",
                "--rate", "100", "--label-delay-events", "50"};
        try (TopicAdmin admin = new TopicAdmin(kafka)) {
            for (String topic : List.of("-events", "-labels", "-labelled")) {
                admin.ensureTopic(name + topic, 1, (short) 1, java.util.Map.of());
            }
        }
        Path scoreLog = dir.resolve("score.log");
        Path joinLog = dir.resolve("join.log");
        Process scorer = ChildProcesses.tributary(scoreLog, concat(new String[] {"score", "--strategy", "online",
                "--state-dir", dir.resolve("state").toString()}, common));
        Process joiner = ChildProcesses.tributary(joinLog, concat(new String[] {"join-labels",
                "--state-dir", dir.resolve("join-state").toString()}, common));
        try {
            // The trainer starts once both child JVMs serve (cold, on 2 cores, that can take a while), so that
            // its idle timeout counts from when the stream can come.
            awaitMember(name + "-scorer-online", scorer, scoreLog);
            awaitMember(name + "-label-joiner", joiner, joinLog);
            CompletableFuture<TributaryCommandTest.Outcome> trainer = CompletableFuture.supplyAsync(() -> tributary(concat(
                    new String[] {"train-stream", "-o", dir.toString(), "--idle-timeout-ms", "15000"}, common)));
            awaitMember(name + "-stream-trainer", scorer, scoreLog);
            TributaryCommandTest.Outcome produced = tributary(concat(new String[] {"produce"}, common));
            assertEquals(0, produced.code(), produced.err());

            TributaryCommandTest.Outcome evaluated = tributary(concat(new String[] {"evaluate-served", "--strategy",
                    "online", "-o", dir.toString()}, common));
            assertEquals(0, evaluated.code(), evaluated.err() + "\njoiner:\n" + Files.readString(joinLog, StandardCharsets.UTF_8));
            assertEquals(0, trainer.get(2, TimeUnit.MINUTES).code(), "train-stream stops when idle");
            try (TopicAdmin admin = new TopicAdmin(kafka)) {
                assertEquals(699, admin.recordCount(name + "-labels"), "a label per event");
                assertEquals(699, admin.recordCount(name + "-labelled"), "each joined to its event by the joiner");
            }
            ServedResult served = ResultsFile.read(dir.resolve("results.json")).strategy("online").served();
            assertTrue(served.reconciles(), served.toString());
            assertEquals(559, served.evaluated(), "every prediction scored once its label came");
            assertEquals(0, served.unlabelled());
            assertEquals(served.stalenessEvents().count(), served.stalenessSinceLabelEvents().count(),
                    "a staleness from the labels beside each from the events");
            // How many predictions had a model depends on how soon the cold child JVMs warmed up on 2 cores;
            // those that had one were, counted from the events, at least the delay stale.
            assertTrue(served.stalenessEvents().count() == 0 || served.stalenessEvents().p50() >= 50,
                    "from the events, the delay at least: " + served);
        } finally {
            scorer.destroy();
            joiner.destroy();
            assertTrue(scorer.waitFor(60, TimeUnit.SECONDS), "the scorer exits on SIGTERM");
            assertTrue(joiner.waitFor(60, TimeUnit.SECONDS), "the joiner exits on SIGTERM");
        }
    }

    /** Waits until the group has a member with partitions assigned. */
    private void awaitMember(String group, Process scorer, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        try (Admin admin = Admin.create(kafka.adminConfig())) {
            while (System.nanoTime() < deadline) {
                assertTrue(scorer.isAlive(), "the scorer died: " + Files.readString(log, StandardCharsets.UTF_8));
                try {
                    var members = admin.describeConsumerGroups(List.of(group)).all().get().get(group).members();
                    if (members.stream().anyMatch(m -> !m.assignment().topicPartitions().isEmpty())) {
                        return;
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.GroupIdNotFoundException)) {
                        throw e;
                    }
                }
                Thread.sleep(200);
            }
        }
        throw new AssertionError("group " + group + " has no member with partitions after 90 s");
    }
}
