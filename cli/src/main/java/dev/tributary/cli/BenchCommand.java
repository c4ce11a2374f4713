package dev.tributary.cli;

import dev.tributary.results.BenchSettings;
import dev.tributary.common.config.ConfigException;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.evaluation.Environment;
import dev.tributary.results.BenchResults;
import dev.tributary.results.BenchSettings.Measure;
import dev.tributary.performance.HeadlineBenchmark;
import dev.tributary.results.HeadlineRatio;
import dev.tributary.results.KafkaInfo;
import dev.tributary.results.ResultsFile;
import dev.tributary.reports.BenchReportWriter;
import dev.tributary.reports.HeadlineTable;
import dev.tributary.reports.JmhTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code tributary bench}: the headline ratios, each hot path over its ceiling.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Measure the headline ratios side by side in one run, medians over repetitions: the producer "
                + "over Kafka's ProducerPerformance, the online learner fed from Kafka over the same learner in "
                + "memory, the scorer over batched inference in memory, and the time and peak live heap of a long "
                + "stream over a short one. Prints the table and writes bench.json, index.html and summary.md "
                + "(with the JMH table when --jmh is given).",
                "Default: the sea-abrupt scenario's generator and model, 3 repetitions (-R), about three minutes on 2 "
                        + "cores. Without "
                        + "--bootstrap-servers an embedded broker is used."})
final class BenchCommand implements Callable<Integer> {

    static final String RESULTS_FILE = "bench.json";

    @Spec
    CommandSpec spec;
    @Mixin
    ScenarioOptions scenario;
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--measures", split = ",", paramLabel = "MEASURE",
            description = "Which ratios: ${COMPLETION-CANDIDATES}.")
    List<Measure> measures = List.of(Measure.values());

    @Option(names = "--warmups", paramLabel = "N", description = "Unrecorded repetitions first.")
    int warmups = BenchSettings.DEFAULT.warmups();

    @Option(names = "--producer-records", paramLabel = "N", description = "Records each producer sends.")
    long producerRecords = BenchSettings.DEFAULT.producerRecords();

    @Option(names = "--trainer-records", paramLabel = "N",
            description = "Events each side of the trainer ratio learns.")
    long trainerRecords = BenchSettings.DEFAULT.trainerRecords();

    @Option(names = "--scorer-events", paramLabel = "N", description = "Events each side of the scorer ratio scores.")
    long scorerEvents = BenchSettings.DEFAULT.scorerEvents();

    @Option(names = "--max-batch", paramLabel = "ROWS", description = "The scorer's largest micro-batch.")
    int maxBatch = BenchSettings.DEFAULT.scorerMaxBatch();

    @Option(names = "--flush-interval-ms", paramLabel = "MS",
            description = "How long the scorer lets a partial micro-batch wait for more events.")
    long flushIntervalMs = BenchSettings.DEFAULT.scorerFlushMs();

    @Option(names = "--cost-events", split = ",", paramLabel = "SHORT,LONG",
            description = "Stream lengths of the cost-growth ratios.")
    List<Long> costEvents = List.of(BenchSettings.DEFAULT.costShortEvents(), BenchSettings.DEFAULT.costLongEvents());

    @Option(names = "--jmh", paramLabel = "FILE",
            description = "JMH's JSON results (benchmarks.jar -rf json -rff FILE) to show in the report.")
    Path jmh;

    @Option(names = "--check", description = "Exit with code 4 when a median ratio misses its goal.")
    boolean check;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Where bench.json and the report go.")
    Path output = Path.of("tributary-output", "bench");

    @Override
    public Integer call() {
        if (costEvents.size() != 2) {
            throw new ConfigException("--cost-events", costEvents, "two lengths, SHORT,LONG");
        }
        // -R/--repetitions (the scenario option) counts the repetitions of every ratio here.
        int repetitions = scenario.repetitions != null ? scenario.repetitions : BenchSettings.DEFAULT.repetitions();
        BenchSettings settings = new BenchSettings(measures.isEmpty() ? EnumSet.noneOf(Measure.class)
                : EnumSet.copyOf(measures), warmups, repetitions, producerRecords, trainerRecords, scorerEvents,
                maxBatch, flushIntervalMs, costEvents.get(0), costEvents.get(1));
        if (jmh != null) {
            JmhTable.rows(jmh); // a bad file fails now, not after minutes of measuring
        }
        ScenarioConfig config = scenario.loadGenerated(spec.commandLine().getParseResult());
        String started = Instant.now().toString();
        BenchResults results;
        try (KafkaOptions.Session session = kafka.openOrEmbed()) {
            var connection = session.connection().withDefaults(config.kafka().properties());
            List<HeadlineRatio> ratios = new HeadlineBenchmark(connection, config, settings, output.resolve("work"))
                    .run(ConsoleProgress.forTerminal());
            results = new BenchResults(BenchResults.SCHEMA_VERSION, started, Instant.now().toString(), config.name(),
                    config.seed(), settings, new KafkaInfo(session.embedded() != null, connection.describe()),
                    Environment.capture(), ratios);
        }
        ResultsFile.writeJson(results, output.resolve(RESULTS_FILE));
        BenchReportWriter.write(results, jmh, output);
        PrintWriter out = spec.commandLine().getOut();
        out.print(HeadlineTable.render(results.ratios()));
        out.println("results: " + output.resolve(RESULTS_FILE) + ", report: " + output.resolve("index.html"));
        boolean allMet = results.ratios().stream().allMatch(HeadlineRatio::met);
        return check && !allMet ? TributaryCommand.EXIT_GATE : 0;
    }
}
