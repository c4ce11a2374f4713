package dev.tributary.evaluation;

import dev.tributary.common.ProgressListener;
import dev.tributary.common.TributaryException;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.config.ScenarioFiles;
import dev.tributary.common.config.Seeds;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.model.ModelCodec;
import dev.tributary.broker.test.SharedKafka;
import dev.tributary.common.test.RecordingProgress;
import dev.tributary.results.ExperimentResults;
import dev.tributary.results.HoldoutResult;
import dev.tributary.results.ResultsFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tutorial's comparison end to end on the real embedded broker, with the default seed:
 * the quality floors are the (published MLP results on this data are 0.96–0.97).
 */
@Tag("integration")
class ExperimentRunnerIntegrationTest {

    @TempDir
    static Path output;
    private static ScenarioConfig config;
    private static ExperimentResults results;
    private static final KafkaConnection KAFKA = SharedKafka.connection();

    /** Every task the run reported, with its total and the last count it gave. */
    private static final RecordingProgress PROGRESS = new RecordingProgress();

    @BeforeAll
    static void runTheDefaultComparison() {
        config = ScenarioFiles.load("breast-cancer", Map.of("name", SharedKafka.unique("bc-e2e")));
        results = new ExperimentRunner(KAFKA, true, config, output, PROGRESS).run();
    }

    @Test
    void producingTrainingAndScoringShowProgress() {
        Map<String, RecordingProgress.Task> tasks = PROGRESS.tasks();
        String train = config.topics().train();
        long trainRecords = results.produce().trainRecords();
        for (var strategy : config.strategies()) {
            String task = "training " + strategy.key() + " on " + train;
            assertEquals(new RecordingProgress.Task(trainRecords, "events", trainRecords, true, false), tasks.get(task),
                    task + ": out of the train events, to its end: " + tasks);
        }
        // The batch model's fit, after its history is read, shows its own bar: rows over all epochs.
        long rows = (long) config.batch().epochs() * trainRecords;
        assertEquals(new RecordingProgress.Task(rows, "rows", rows, true, false),
                tasks.get("fitting batch: " + config.batch().epochs() + " epochs of " + trainRecords + " rows"),
                tasks.toString());
        String scoring = "scoring " + String.join(", ", config.strategies().stream().map(s -> s.key()).toList())
                + " on " + config.topics().test();
        long test = results.produce().testRecords();
        assertEquals(new RecordingProgress.Task(test, "events", test, true, false), tasks.get(scoring),
                "every test record scored: " + tasks);
    }

    @Test
    void anUnrecordedWarmUpRanFirst() {
        ScenarioConfig warmUp = config.warmUp();
        try (dev.tributary.kafka.TopicAdmin admin = new dev.tributary.kafka.TopicAdmin(KAFKA)) {
            for (var strategy : config.strategies()) {
                assertEquals(warmUp.source().events(), admin.recordCount(warmUp.lane(strategy).topics().train()),
                        strategy + ": the warm-up's own stream went through its own lane");
            }
        }
        assertEquals(1, results.runs().size(), "and is not among the recorded repetitions");
        assertEquals(699, results.produce().read(), "which are of the scenario's own source");
    }

    @Test
    void countsReconcileThroughKafka() {
        assertEquals(699, results.produce().read());
        assertEquals(699, results.produce().trainRecords() + results.produce().testRecords()
                + results.produce().deadLettered());
        for (String strategy : new String[] {"batch", "online"}) {
            assertEquals(results.produce().trainRecords(), results.strategy(strategy).training().recordsTrained(), strategy);
            HoldoutResult holdout = results.strategy(strategy).holdout();
            assertEquals(results.produce().testRecords(), holdout.examples(), strategy);
            assertEquals(holdout.examples(), Arrays.stream(holdout.confusionMatrix()).flatMapToLong(Arrays::stream).sum());
        }
    }

    @Test
    void batchModelReachesTheTutorialsQuality() {
        HoldoutResult batch = results.strategy("batch").holdout();
        assertTrue(batch.metric("accuracy") >= 0.95, "batch accuracy " + batch.metric("accuracy"));
        assertTrue(batch.metric("roc_auc") >= 0.97, "batch AUC " + batch.metric("roc_auc"));
    }

    @Test
    void streamingModelReachesItsFloor() {
        HoldoutResult online = results.strategy("online").holdout();
        assertTrue(online.metric("accuracy") >= 0.93, "online accuracy " + online.metric("accuracy"));
        assertTrue(online.metric("f1") >= 0.88, "online F1 " + online.metric("f1"));
    }

    @Test
    void resultsFileRecordsSeedsConfigurationAndEnvironment() throws Exception {
        Path file = output.resolve(ExperimentRunner.RESULTS_FILE);
        ExperimentResults read = ResultsFile.read(file);
        assertEquals(ExperimentResults.SCHEMA_VERSION, read.schemaVersion());
        assertEquals(Seeds.derive(Seeds.DEFAULT_SEED), read.scenario().seeds());
        assertEquals(config, read.scenario());
        assertEquals(results.strategy("batch").holdout().metrics(), read.strategy("batch").holdout().metrics());
        assertTrue(read.kafka().embedded());
        assertEquals(Runtime.getRuntime().availableProcessors(), read.environment().availableProcessors());
        String json = Files.readString(file);
        for (String field : new String[] {"\"seeds\"", "\"environment\"", "\"kafkaClientVersion\"", "\"gitCommit\"",
                "\"confusionMatrix\"", "\"log_loss\""}) {
            assertTrue(json.contains(field), "results.json lacks " + field);
        }
    }

    @Test
    void savedModelsAreTheScoredOnes() {
        assertEquals(results.strategy("online").model(),
                ModelCodec.read(output.resolve("models/online.model")).metadata());
        assertEquals(results.strategy("batch").model(), ModelCodec.read(output.resolve("models/batch.model")).metadata());
    }

    @Test
    void refusesTopicsThatAlreadyHoldData() {
        TributaryException e = assertThrows(TributaryException.class,
                () -> new ExperimentRunner(KAFKA, true, config, output.resolve("again"), ProgressListener.NONE).run());
        assertTrue(e.getMessage().contains("already holds"), e.getMessage());
    }

    @Test
    void twoRunsOfOneNameAtOnceCannotBothProceed(@TempDir Path dir) throws Exception {
        String name = SharedKafka.unique("bc-twice");
        java.util.List<java.util.concurrent.Callable<ExperimentResults>> runs = new java.util.ArrayList<>();
        for (long seed : new long[] {1, 2}) {
            ScenarioConfig run = ScenarioFiles.load("breast-cancer", Map.of("name", name, "seed", seed,
                    "evaluation.warm-up", false, "strategies", java.util.List.of("batch")));
            runs.add(() -> new ExperimentRunner(KAFKA, true, run, dir.resolve("s" + seed), ProgressListener.NONE).run());
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.List<ExperimentResults> succeeded = new java.util.ArrayList<>();
        java.util.List<String> refused = new java.util.ArrayList<>();
        try {
            for (var future : pool.invokeAll(runs)) {
                try {
                    succeeded.add(future.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    assertTrue(e.getCause() instanceof TributaryException, String.valueOf(e.getCause()));
                    refused.add(e.getCause().getMessage());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, succeeded.size(), "one run proceeds; refused: " + refused);
        assertEquals(1, refused.size());
        assertTrue(refused.get(0).contains(name + "-train already") && refused.get(0).contains("--name " + name),
                refused.get(0));
        HoldoutResult holdout = succeeded.get(0).strategy("batch").holdout();
        assertEquals(succeeded.get(0).produce().testRecords(), Arrays.stream(holdout.confusionMatrix())
                .flatMapToLong(Arrays::stream).sum(), "it scored its own test rows only, none of the other's");
    }
}
