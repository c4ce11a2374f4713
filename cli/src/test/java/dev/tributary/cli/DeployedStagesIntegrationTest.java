package dev.tributary.cli;

import dev.tributary.broker.test.SharedKafka;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.results.ExperimentResults;
import dev.tributary.results.ResultsFile;
import dev.tributary.results.ServedResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Path log = dir.resolve("score.log");
        Process scorer = ChildProcesses.tributary(log, concat(new String[] {"score", "--strategy", "online",
                "--state-dir", dir.resolve("state").toString()}, common));
        try {
            CompletableFuture<TributaryCommandTest.Outcome> trainer = CompletableFuture.supplyAsync(() -> tributary(concat(
                    new String[] {"train-stream", "-o", dir.toString(), "--idle-timeout-ms", "8000"}, common)));
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
            double accuracy = served.quality().cumulative().get("accuracy");
            assertTrue(accuracy > 0.85, "served accuracy " + accuracy);

            TributaryCommandTest.Outcome wrong = tributary(concat(new String[] {"evaluate-served", "--strategy", "majority"},
                    common));
            assertEquals(2, wrong.code(), "a reference strategy serves no model");
            assertTrue(wrong.err().contains("--strategy"), wrong.err());
        } finally {
            scorer.destroy();
            assertTrue(scorer.waitFor(60, TimeUnit.SECONDS), "the scorer exits on SIGTERM");
        }
    }
}
