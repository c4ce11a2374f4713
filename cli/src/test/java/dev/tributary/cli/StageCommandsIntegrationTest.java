package dev.tributary.cli;

import dev.tributary.kafka.KafkaConnection;
import dev.tributary.kafka.TopicAdmin;
import dev.tributary.model.ModelCodec;
import dev.tributary.broker.test.SharedKafka;
import dev.tributary.results.ExperimentResults;
import dev.tributary.results.ResultsFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.tributary.cli.TributaryCommandTest.tributary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each stage as its own invocation against a running cluster (the shared embedded broker,
 * reached by --bootstrap-servers as any external cluster would be).
 */
@Tag("integration")
class StageCommandsIntegrationTest {

    private final KafkaConnection kafka = SharedKafka.connection();

    @Test
    void produceTrainBatchTrainStreamEvaluate(@TempDir Path dir) {
        String name = SharedKafka.unique("cli-stages");
        String[] common = {"--bootstrap-servers", kafka.bootstrapServers(), "--dataset-name", name};
        String out = dir.toString();

        TributaryCommandTest.Outcome produced = tributary(concat(new String[] {"produce"}, common));
        assertEquals(0, produced.code(), produced.err());
        assertTrue(produced.out().contains("read 699 = train 419"), produced.out());

        TributaryCommandTest.Outcome batch = tributary(concat(new String[] {"train-batch", "-o", out, "--epochs", "10"}, common));
        assertEquals(0, batch.code(), batch.err());
        assertEquals(419, ModelCodec.read(dir.resolve("models/batch.model")).metadata().recordsSeen());

        TributaryCommandTest.Outcome stream = tributary(concat(new String[] {"train-stream", "-o", out,
                "--idle-timeout-ms", "3000"}, common));
        assertEquals(0, stream.code(), stream.err());
        assertTrue(stream.out().startsWith("started: trained on 419 records"), stream.out());

        TributaryCommandTest.Outcome evaluated = tributary(concat(new String[] {"evaluate", "-o", out}, common));
        assertEquals(0, evaluated.code(), evaluated.err());
        ExperimentResults results = ResultsFile.read(dir.resolve("results.json"));
        assertEquals(280, results.strategy("batch").holdout().examples());
        assertTrue(results.strategy("batch").holdout().metric("accuracy") >= 0.95);
        assertTrue(results.strategy("online").holdout().metric("accuracy") >= 0.93);
        assertTrue(evaluated.out().contains("accuracy"), evaluated.out());
    }

    @Test
    void runAgainstAnExternalClusterStartsNoBroker(@TempDir Path dir) throws Exception {
        String name = SharedKafka.unique("cli-run");
        TributaryCommandTest.Outcome run = tributary("run", "--bootstrap-servers", kafka.bootstrapServers(),
                "--dataset-name", name, "-o", dir.toString(), "--epochs", "3", "--idle-timeout-ms", "3000");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("roc_auc"), run.out());
        assertTrue(Files.exists(dir.resolve("results.json")));
        ExperimentResults results = ResultsFile.read(dir.resolve("results.json"));
        assertEquals(false, results.kafka().embedded());
        try (TopicAdmin admin = new TopicAdmin(kafka)) {
            assertEquals(419, admin.recordCount(name + "-train"));
        }
    }

    @Test
    void runAGeneratedScenarioAndSoakAStream(@TempDir Path dir) {
        TributaryCommandTest.Outcome tooShort = tributary("run", "--scenario", "sea-abrupt", "--events", "2000");
        assertEquals(2, tooShort.code());
        assertTrue(tooShort.err().contains("source.generator.drift.positions: got [10000]"), tooShort.err());

        TributaryCommandTest.Outcome run = tributary("run", "--scenario", "sea-abrupt", "--events", "2000", "--drift-at", "1000",
                "--bootstrap-servers", kafka.bootstrapServers(), "--name", SharedKafka.unique("cli-sea"),
                "-o", dir.toString(), "--epochs", "1", "--hidden-layers", "16", "--strategies", "online");
        assertEquals(0, run.code(), run.err());
        ExperimentResults results = ResultsFile.read(dir.resolve("results.json"));
        assertEquals(java.util.List.of(1000L), results.produce().driftPositions(), "sea-abrupt drifts at the middle");
        assertEquals(java.util.List.of("online"), results.strategies().stream().map(s -> s.strategy()).toList());

        TributaryCommandTest.Outcome soak = tributary("soak", "--events", "20000", "--drift-at", "10000", "--bootstrap-servers",
                kafka.bootstrapServers(), "--name", SharedKafka.unique("cli-soak"));
        assertEquals(0, soak.code(), soak.err());
        assertTrue(soak.out().contains("consumed            20,000"), soak.out());
        assertEquals(10, soak.out().lines().filter(l -> l.startsWith("live heap, consume")).findFirst().orElseThrow()
                .replaceAll("[^0-9 ]", " ").trim().split("\\s+").length, soak.out());
    }

    @Test
    void repetitionsRunSeveralSeedsAndSummariseThem(@TempDir Path dir) {
        TributaryCommandTest.Outcome run = tributary("run", "-R", "3", "--strategies", "batch,majority", "--epochs", "2",
                "--hidden-layers", "16", "--bootstrap-servers", kafka.bootstrapServers(),
                "--name", SharedKafka.unique("cli-reps"), "-o", dir.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("measure (3 runs: mean ± 95 % interval)"), "the ± says what it is: " + run.out());
        ExperimentResults results = ResultsFile.read(dir.resolve("results.json"));
        assertEquals(3, results.runs().size());
        assertEquals(java.util.Set.of(42L, 43L, 44L),
                results.runs().stream().map(r -> r.seeds().master()).collect(java.util.stream.Collectors.toSet()));
        var accuracy = results.summary().get("batch").get("accuracy");
        assertEquals(3, accuracy.n());
        double mean = results.runs().stream().mapToDouble(r -> r.strategy("batch").metrics().get("accuracy")).average()
                .orElseThrow();
        assertEquals(mean, accuracy.mean(), 1e-12);
        assertTrue(accuracy.ci95Low() <= mean && mean <= accuracy.ci95High());
    }

    @Test
    void aDegradedModelTripsTheGateNamingTheMetric(@TempDir Path dir) throws Exception {
        String good = SharedKafka.unique("gate-good");
        String bad = SharedKafka.unique("gate-bad");
        Path gates = dir.resolve("gates.yaml");
        Files.writeString(gates, "gates:\n"
                + "  - {scenario: " + good + ", protocol: holdout, strategy: batch, metric: accuracy, min: 0.93, max-drop: 0.02}\n"
                + "  - {scenario: " + bad + ", protocol: holdout, strategy: batch, metric: accuracy, min: 0.93, max-drop: 0.02}\n");
        Path baseline = dir.resolve("baseline.yaml");
        String[] common = {"--bootstrap-servers", kafka.bootstrapServers(), "--strategies", "batch,majority"};

        TributaryCommandTest.Outcome trained = tributary(concat(new String[] {"run", "--name", good, "-o",
                dir.resolve("good").toString()}, common));
        assertEquals(0, trained.code(), trained.err());
        assertTrue(Files.exists(dir.resolve("good/index.html")), "run writes the report");
        String goodResults = dir.resolve("good/results.json").toString();
        TributaryCommandTest.Outcome passes = tributary("gate", "--gates", gates.toString(), "--baseline",
                baseline.toString(), goodResults);
        assertEquals(0, passes.code(), passes.out() + passes.err());
        assertTrue(passes.out().contains("all 1 quality gates passed"), passes.out());
        // Results no gate applies to: a warning per file, and when it is every file, neither a pass nor a
        // regression. Without --gates, the gate finds the project's file above the working directory (cli/).
        TributaryCommandTest.Outcome unmatched = tributary("gate", "--baseline", baseline.toString(), goodResults);
        assertEquals(TributaryCommand.EXIT_USAGE, unmatched.code(), unmatched.out() + unmatched.err());
        assertTrue(unmatched.err().contains("warning: no gate in") && unmatched.err().contains(goodResults)
                && unmatched.err().contains("scenario " + good + ", holdout"), unmatched.err());
        assertTrue(unmatched.err().contains(Path.of("..", "quality-gates.yaml").toAbsolutePath().normalize().toString())
                && unmatched.err().contains("nothing was checked"), unmatched.err());

        // Zero epochs: the batch model is its random initialisation.
        TributaryCommandTest.Outcome degraded = tributary(concat(new String[] {"run", "--name", bad, "--epochs", "0",
                "-o", dir.resolve("bad").toString()}, common));
        assertEquals(0, degraded.code(), degraded.err());
        TributaryCommandTest.Outcome fails = tributary("gate", "--gates", gates.toString(), "--baseline",
                baseline.toString(), dir.resolve("bad/results.json").toString());
        assertEquals(TributaryCommand.EXIT_GATE, fails.code());
        assertTrue(fails.out().contains("FAIL   " + bad + "/holdout/batch/accuracy"), fails.out());
        assertTrue(fails.out().contains("is below the minimum 0.9300"), fails.out());
        assertTrue(fails.err().contains("1 of 1 quality gates missed"), fails.err());

        // A recorded baseline catches a drop that the floor alone would let through.
        assertEquals(0, tributary("gate", "--gates", gates.toString(), "--baseline", baseline.toString(),
                "--update-baseline", goodResults).code());
        assertTrue(Files.readString(baseline).contains(good + "/holdout/batch/accuracy"));
        Files.writeString(gates, Files.readString(gates).replace("min: 0.93", "min: 0.5"));
        Files.writeString(baseline, Files.readString(baseline).replace(good, bad));
        // The baseline records the run it was measured on: zero epochs is another run, not checked.
        TributaryCommandTest.Outcome another = tributary("gate", "--gates", gates.toString(), "--baseline",
                baseline.toString(), dir.resolve("bad/results.json").toString());
        assertEquals(TributaryCommand.EXIT_USAGE, another.code(), another.out() + another.err());
        assertTrue(another.err().contains("is not the run gated as " + bad + "/holdout") && another.err().contains(
                "; not checked"), another.err());
        // Without the recorded run (a baseline of before), the values gate every run of the name.
        String recorded = Files.readString(baseline);
        Files.writeString(baseline, recorded.substring(0, recorded.indexOf("runs:")));
        TributaryCommandTest.Outcome dropped = tributary("gate", "--gates", gates.toString(), "--baseline",
                baseline.toString(), dir.resolve("bad/results.json").toString());
        assertEquals(TributaryCommand.EXIT_GATE, dropped.code(), dropped.out());
        assertTrue(dropped.out().contains("worse than the baseline"), dropped.out());
    }

    @Test
    void reportReRendersFromResultsAlone(@TempDir Path dir) throws Exception {
        TributaryCommandTest.Outcome run = tributary("run", "--scenario", "sea-abrupt", "--events", "3000",
                "--drift-at", "1500", "--rate", "0", "--epochs", "1", "--hidden-layers", "8",
                "--bootstrap-servers", kafka.bootstrapServers(), "--name", SharedKafka.unique("cli-report"),
                "-o", dir.resolve("run").toString());
        assertEquals(0, run.code(), run.err());
        TributaryCommandTest.Outcome report = tributary("report", dir.resolve("run/results.json").toString(),
                "-o", dir.resolve("again").toString());
        assertEquals(0, report.code(), report.err());
        assertTrue(Files.exists(dir.resolve("again/index.html")));
        assertTrue(Files.exists(dir.resolve("again/summary.md")));
        assertTrue(Files.exists(dir.resolve("again/prequential-accuracy.png")));
        TributaryCommandTest.Outcome csv = tributary("report", dir.resolve("run/results.json").toString(),
                "--format", "csv", "-o", dir.resolve("csv").toString());
        assertEquals(0, csv.code(), csv.err());
        for (String file : new String[] {"metrics.csv", "curves.csv", "percentiles.csv"}) {
            assertTrue(Files.readAllLines(dir.resolve("csv").resolve(file)).size() > 1, file);
        }
        assertEquals(2, tributary("report", dir.resolve("run/results.json").toString(), "--format", "xml").code(),
                "an unknown format is a usage error");
        TributaryCommandTest.Outcome same = tributary("compare", dir.resolve("run/results.json").toString(),
                dir.resolve("run/results.json").toString());
        assertEquals(0, same.code(), same.err());
        assertTrue(same.out().contains("| online | accuracy |") && same.out().contains("McNemar"), same.out());
    }

    @Test
    void serveBenchComparesTheScorerWithBareKafka(@TempDir Path dir) throws Exception {
        TributaryCommandTest.Outcome bench = tributary("serve-bench", "--rates", "500", "--seconds", "1", "--warmups", "0",
                "--hidden-layers", "8", "--epochs", "1", "--flush-interval-ms", "2", "--commit-interval-ms", "2000",
                "--bootstrap-servers", kafka.bootstrapServers(),
                "--name", SharedKafka.unique("bench"), "-o", dir.toString());
        assertEquals(0, bench.code(), bench.err());
        ExperimentResults results = ResultsFile.read(dir.resolve("results.json"));
        assertEquals(1, results.serving().size());
        var load = results.serving().get(0);
        assertEquals(500, load.events());
        assertEquals(500, load.bareMicros().count(), "every bare event measured");
        assertEquals(500, load.scoredMicros().count(), "every prediction measured");
        assertEquals((double) load.scoredMicros().p50() / load.bareMicros().p50(), load.p50Ratio(), 1e-9);
        assertEquals(500, load.passthroughMicros().count(), "every forwarded event measured");
        assertEquals(1_000, load.kafkaTool().records(), "Kafka's EndToEndLatency ran beside them");
        assertNotNull(load.scoredKeptUp(), "whether the scorer kept up is judged at every rate");
        assertEquals(2L, load.flushIntervalMs(), "the flush interval it ran with is recorded");
        assertEquals(2_000L, load.commitIntervalMs(), "and the commit interval");
        assertTrue(load.kafkaTool().p50Ms() <= load.kafkaTool().p99Ms());
        // One prediction in 16 carries its timing: 500 events, sequences 0, 16, ..., 496 on each task.
        var breakdown = load.scoredBreakdown();
        long sampled = breakdown.inferenceMicros().count();
        assertTrue(sampled >= 500 / 16 && sampled <= 500 / 16 + 2, "sampled " + sampled);
        assertTrue(breakdown.toScorerMicros().p50() + breakdown.toReaderMicros().p50() <= load.scoredMicros().max(),
                "the parts lie within the whole");
        assertTrue(Files.exists(dir.resolve("index.html")));
        assertTrue(Files.exists(dir.resolve("latency-under-load.png")), "its own figure: latency against rate");
        String index = Files.readString(dir.resolve("index.html"));
        assertTrue(index.contains("The scorer under open-loop load") && !index.contains("0 run(s)")
                && !index.contains("<h2>Runs</h2>"), "a serve-bench's report says what it is");
        assertTrue(bench.out().contains("p50 ratio") && bench.out().contains("to the scorer"), bench.out());
    }

    @Test
    void benchPrintsTheRatiosAndReportsThemWithTheJmhTable(@TempDir Path dir) throws Exception {
        Path jmh = dir.resolve("jmh.json");
        Files.writeString(jmh, "[{\"benchmark\": \"dev.tributary.benchmarks.model.FitBenchmark.fit\", \"mode\": \"avgt\","
                + " \"forks\": 1, \"measurementIterations\": 5, \"params\": {\"batchSize\": \"32\"},"
                + " \"primaryMetric\": {\"score\": 4873.1, \"scoreError\": 310.5, \"scoreUnit\": \"us/op\"}}]");
        TributaryCommandTest.Outcome bench = tributary("bench", "--measures", "trainer,cost", "-R", "1", "--warmups", "0",
                "--trainer-records", "200", "--cost-events", "500,2000", "--hidden-layers", "8",
                "--bootstrap-servers", kafka.bootstrapServers(), "--jmh", jmh.toString(), "-o", dir.toString());
        assertEquals(0, bench.code(), bench.err());
        List<String> ids = bench.out().lines().filter(l -> !l.startsWith(" ") && !l.startsWith("ratio")
                && !l.startsWith("results:")).map(l -> l.split("\\s+")[0]).toList();
        assertEquals(List.of("trainer", "cost-time", "cost-heap"), ids, bench.out());
        var results = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("bench.json").toFile());
        assertEquals(3, results.get("ratios").size());
        assertEquals(2000, results.get("settings").get("costLongEvents").asLong());
        assertTrue(results.get("environment").has("javaVersion"), "the run records its environment");
        String html = Files.readString(dir.resolve("index.html"));
        assertTrue(html.contains("Microbenchmarks (JMH)") && html.contains("FitBenchmark.fit"), "the JMH table");
        assertTrue(html.contains("cost-heap"));
    }

    @Test
    void secretsNeverReachTheOutputOrTheResults(@TempDir Path dir) throws Exception {
        String password = "Sup3r-S3cret-" + System.nanoTime();
        Path config = dir.resolve("client.properties");
        Files.writeString(config, "ssl.truststore.password=" + password + "\n"
                + "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required "
                + "username=\"u\" password=\"" + password + "\";\n");
        TributaryCommandTest.Outcome run = tributary("run", "--bootstrap-servers", kafka.bootstrapServers(),
                "--kafka-config", config.toString(), "-X", "ssl.key.password=" + password, "--strategies", "batch",
                "--epochs", "1", "--name", SharedKafka.unique("secret"), "-o", dir.resolve("out").toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(!run.out().contains(password) && !run.err().contains(password), "the password was printed");
        try (var files = Files.walk(dir.resolve("out"))) {
            for (Path f : files.filter(p -> p.toString().matches(".*\\.(json|html|md)$")).toList()) {
                assertTrue(!Files.readString(f).contains(password), "the password is in " + f);
            }
        }
        String results = Files.readString(dir.resolve("out/results.json"));
        assertTrue(results.contains("\"ssl.truststore.password\" : \"[hidden]\""), "masked, not dropped");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
