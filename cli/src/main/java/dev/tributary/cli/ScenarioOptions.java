package dev.tributary.cli;

import dev.tributary.common.config.ConfigException;
import dev.tributary.common.config.MissingValuePolicy;
import dev.tributary.common.config.Mode;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.config.ScenarioFiles;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scenario a command runs, and options that override its keys. An option left out keeps
 * the scenario's value; each option sets exactly one scenario key, listed in {@link #KEYS}, so
 * that an invalid value is reported under the option the user typed.
 */
final class ScenarioOptions {

    /** Option → the scenario key it overrides. */
    static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("--name", "name"),
            Map.entry("--events", "source.events"),
            Map.entry("--drift-at", "source.generator.drift.positions"),
            Map.entry("--drift-width", "source.generator.drift.width"),
            Map.entry("--train-fraction", "split.train-fraction"),
            Map.entry("--missing-values", "split.missing-values"),
            Map.entry("--max-line-bytes", "split.max-line-bytes"),
            Map.entry("--strategies", "strategies"),
            Map.entry("--protocol", "protocol"),
            Map.entry("--concurrent", "evaluation.concurrent"),
            Map.entry("--warm-up", "evaluation.warm-up"),
            Map.entry("--curve-every", "evaluation.curve-every"),
            Map.entry("--repetitions", "repetitions"),
            Map.entry("--hidden-layers", "model.hidden-layers"),
            Map.entry("--learning-rate", "model.learning-rate"),
            Map.entry("--epochs", "batch.epochs"),
            Map.entry("--batch-size", "batch.batch-size"),
            Map.entry("--stream-batch-size", "stream.batch-size"),
            Map.entry("--mini-batch", "stream.mini-batch"),
            Map.entry("--stream-epochs", "stream.epochs"),
            Map.entry("--max-poll-records", "stream.max-poll-records"),
            Map.entry("--checkpoint-every", "stream.checkpoint-every"),
            Map.entry("--idle-timeout-ms", "stream.idle-timeout-ms"),
            Map.entry("--max-records", "stream.max-records"),
            Map.entry("--group-id", "stream.group-id"),
            Map.entry("--rate", "rate.events-per-second"),
            Map.entry("--label-delay-events", "labels.delay-events"),
            Map.entry("--label-delay-ms", "labels.delay-ms"),
            Map.entry("--label-horizon-events", "labels.horizon-events"),
            Map.entry("--seed", "seed"));

    /** The CSV options, and the key of {@code source.csv} each sets. */
    static final Map<String, String> CSV_KEYS = Map.of(
            "--csv", "location",
            "--label-column", "label-column",
            "--ignore-column", "ignored-columns",
            "--features", "features",
            "--missing-marker", "missing-value-marker",
            "--classes", "classes");

    /** The ARFF options, and the key of {@code source.arff} each sets. */
    static final Map<String, String> ARFF_KEYS = Map.of(
            "--arff", "location",
            "--label-column", "label-column");

    // The scenario options by what they set, to say which a command leaves out.
    private static final List<String> FILE_SOURCE = List.of("--dataset", "--csv", "--arff", "--label-column",
            "--no-header", "--ignore-column", "--features", "--missing-marker", "--classes", "--missing-values",
            "--max-line-bytes", "--time-ordered");
    private static final List<String> LATE_LABELS = List.of("--label-delay-events", "--label-delay-ms",
            "--label-horizon-events");
    private static final List<String> NETWORK = List.of("--hidden-layers", "--learning-rate");
    private static final List<String> BATCH = List.of("--epochs", "--batch-size");
    private static final List<String> ONLINE_LEARNING = List.of("--stream-batch-size", "--mini-batch",
            "--stream-epochs", "--checkpoint-every", "--group-id");
    private static final List<String> ONLINE = concat(ONLINE_LEARNING, List.of("--idle-timeout-ms"));
    private static final List<String> EXPERIMENT = List.of("--strategies", "--concurrent", "--deployed", "--warm-up",
            "--repetitions", "--curve-every");

    /**
     * Command → the scenario options it does not use, because nothing it does reads their keys:
     * its help leaves them out, and given one, it says that it ignores it. They are still
     * accepted, and still set the scenario, so that one set of options can be given to every
     * stage of a run and all of them see the same scenario (and the same checkpoint
     * fingerprint). What decides the data and its topics (the source, the name, the split, the
     * protocol, the seed; the labels and their rate wherever the stream is read) every command
     * uses. {@code run} and {@code scenarios} (whose {@code --show} prints the scenario they all
     * make) use them all, {@code bench} (whose ceilings run the trainers) all it can.
     */
    static final Map<String, List<String>> NOT_USED = Map.ofEntries(
            Map.entry("produce", concat(NETWORK, BATCH, ONLINE, List.of("--max-poll-records", "--max-records"),
                    EXPERIMENT)),
            Map.entry("export", concat(LATE_LABELS, List.of("--rate"), NETWORK, BATCH, ONLINE,
                    List.of("--max-poll-records", "--max-records"), EXPERIMENT)),
            Map.entry("train-batch", concat(ONLINE, EXPERIMENT)),
            // It stops after an idle timeout like train-stream, but learns by batches, not online.
            Map.entry("train-periodic", concat(ONLINE_LEARNING, EXPERIMENT)),
            Map.entry("train-stream", concat(BATCH, EXPERIMENT)),
            Map.entry("score", concat(NETWORK, BATCH, ONLINE, List.of("--max-poll-records", "--max-records"),
                    EXPERIMENT)),
            Map.entry("evaluate", concat(LATE_LABELS, List.of("--rate"), NETWORK, BATCH, ONLINE, List.of("--max-records"),
                    EXPERIMENT)),
            Map.entry("evaluate-served", concat(NETWORK, BATCH, ONLINE, List.of("--max-records"), EXPERIMENT)),
            Map.entry("join-labels", concat(NETWORK, BATCH, ONLINE, List.of("--max-poll-records", "--max-records"),
                    EXPERIMENT)),
            Map.entry("soak", concat(FILE_SOURCE, LATE_LABELS, NETWORK, BATCH, ONLINE,
                    List.of("--max-poll-records", "--max-records"), EXPERIMENT)),
            Map.entry("serve-bench", concat(FILE_SOURCE, LATE_LABELS, List.of("--rate", "--train-fraction"), ONLINE,
                    List.of("--max-poll-records", "--max-records"), EXPERIMENT)),
            Map.entry("bench", concat(FILE_SOURCE, LATE_LABELS, List.of("--strategies", "--concurrent", "--deployed",
                    "--warm-up"))));

    @SafeVarargs
    private static List<String> concat(List<String>... groups) {
        return java.util.Arrays.stream(groups).flatMap(List::stream).toList();
    }

    /**
     * Hides from a command's help the scenario options it does not use ({@link #NOT_USED}); it
     * still accepts them.
     *
     * @param command a subcommand that mixes these options in
     */
    static void restrict(CommandSpec command) {
        for (String option : NOT_USED.getOrDefault(command.name(), List.of())) {
            OptionSpec spec = command.findOption(option);
            if (spec == null) {
                throw new IllegalStateException(command.name() + " has no option " + option + " to hide");
            }
            command.remove(spec);
            command.addOption(OptionSpec.builder(spec).hidden(true).build());
        }
    }

    /** Says which of the options given this command does not use: they change nothing it does. */
    private void noteUnused() {
        List<String> unused = NOT_USED.getOrDefault(command.name(), List.of()).stream()
                .filter(option -> command.commandLine().getParseResult().hasMatchedOption(option)).toList();
        if (!unused.isEmpty()) {
            command.commandLine().getErr().println("tributary: note: " + command.name() + " does not use "
                    + String.join(", ", unused) + " (accepted, so that every stage can be given the same options)");
        }
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--scenario", paramLabel = "NAME|FILE",
            description = "A built-in scenario (`tributary scenarios` lists them) or a YAML scenario file. "
                    + "The options below override its keys; each that sets a key defaults to the scenario's value "
                    + "(`tributary scenarios --show --scenario NAME` prints them all). Default: breast-cancer "
                    + "(bench, soak and serve-bench: sea-abrupt, a generated stream).",
            showDefaultValue = CommandLine.Help.Visibility.NEVER)
    String scenario = "breast-cancer";

    @Option(names = {"--name", "--dataset-name"}, paramLabel = "NAME",
            description = "Rename the scenario, and so its topics (<name>-train, -test, -dlq).")
    String name;

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "Use a built-in data set as the source: breast-cancer, spambase, shuttle, electricity.")
    String dataset;

    @Option(names = "--csv", paramLabel = "FILE", description = "Use a CSV file as the source.")
    Path csv;

    @Option(names = "--arff", paramLabel = "FILE", description = "Use an ARFF file (Weka, MOA) as the source: nominal "
            + "attributes one-hot, the class nominal or integer.")
    Path arff;

    @Option(names = "--label-column", paramLabel = "NAME|INDEX",
            description = "With --csv or --arff: the label column (the class attribute), by name or 0-based index "
                    + "(negative: from the end; default: the last).")
    String labelColumn;

    @Option(names = "--no-header", description = "With --csv: the file has no header row (columns are c0, c1, ...).")
    Boolean noHeader;

    @Option(names = "--ignore-column", paramLabel = "NAME|INDEX", split = ",",
            description = "With --csv: columns that are neither features nor label (an id).")
    List<String> ignoredColumns;

    @Option(names = "--features", paramLabel = "NAME|INDEX", split = ",",
            description = "With --csv: use only these feature columns.")
    List<String> features;

    @Option(names = "--missing-marker", paramLabel = "TEXT",
            description = "With --csv: the text that marks a missing value (an empty field always does).")
    String missingMarker;

    @Option(names = "--classes", paramLabel = "VALUE", split = ",",
            description = "With --csv: the label values in class-index order (default: the distinct labels of the "
                    + "accepted rows, sorted).")
    List<String> classes;

    @Option(names = "--events", paramLabel = "N", description = "Generated sources: the stream's length. Default: the scenario's.")
    Long events;

    @Option(names = "--drift-at", paramLabel = "EVENT", split = ",",
            description = "Generated sources: where each concept change is centred (move it when --events shortens the stream). Default: the scenario's.")
    List<Long> driftAt;

    @Option(names = "--drift-width", paramLabel = "EVENTS", description = "Generated sources: the width of a gradual drift. Default: the scenario's.")
    Long driftWidth;

    @Option(names = "--train-fraction", paramLabel = "F", description = "Share of events for the train topic, in (0, 1). Default: the scenario's.")
    Double trainFraction;

    @Option(names = "--missing-values", paramLabel = "POLICY",
            description = "Rows with a missing value: impute (the training split's median) or drop (to the dead-letter topic). Default: the scenario's.")
    MissingValuePolicy missingValues;

    @Option(names = "--max-line-bytes", paramLabel = "BYTES",
            description = "Data set files: the longest line read as a row; a longer one is dead-lettered as too-long "
                    + "(its first 256 bytes and its length) and reading goes on. From 1024 to 524288. "
                    + "Default: the scenario's (65536).")
    Integer maxLineBytes;

    @Option(names = "--curve-every", paramLabel = "EVENTS",
            description = "Prequential: events between points of the accuracy curves (the stream's last event always "
                    + "ends the curve). Default: the scenario's (1000).")
    Integer curveEvery;

    @Option(names = "--strategies", paramLabel = "NAME", split = ",",
            description = "Strategies to compare: batch, periodic-retrain, online, warm-start, majority, no-change. Default: the scenario's.")
    List<String> strategies;

    @Option(names = "--protocol", paramLabel = "PROTOCOL",
            description = "holdout (final models on the test topic) or prequential (test-then-train on one events topic). Default: the scenario's.")
    String protocol;

    @Option(names = "--concurrent", description = "Run the strategies side by side, each with its own consumer of one "
            + "production of the stream, instead of one after another, each against its own production at the rate.")
    Boolean concurrent;

    @Option(names = "--time-ordered", description = "Keep a data set's or CSV's rows in file order (sets "
            + "split.shuffle: false); the default under --protocol prequential, where holdout shuffles.")
    Boolean timeOrdered;

    @Option(names = "--deployed", description = "Prequential only: after the in-process comparison, run each neural "
            + "strategy as deployed (trainer stage, models topic, Kafka Streams scorer) and score the predictions it "
            + "served (sets mode: deployed).")
    Boolean deployed;

    @Option(names = "--warm-up", paramLabel = "BOOL", arity = "1",
            description = "Whether a short unrecorded run warms the JVM up before the recorded repetitions (true by default).")
    Boolean warmUp;

    @Option(names = {"-R", "--repetitions"}, paramLabel = "R",
            description = "Run R times with seeds seed, seed+1, ...; figures get a mean and a 95%% interval.")
    Integer repetitions;

    @Option(names = "--hidden-layers", paramLabel = "WIDTH", split = ",", description = "Widths of the hidden layers. Default: the scenario's.")
    List<Integer> hiddenLayers;

    @Option(names = "--learning-rate", paramLabel = "RATE", description = "Adam's learning rate. Default: the scenario's.")
    Double learningRate;

    @Option(names = "--epochs", paramLabel = "N", description = "Batch baseline: passes over the train topic. Default: the scenario's.")
    Integer epochs;

    @Option(names = "--batch-size", paramLabel = "ROWS", description = "Batch baseline: rows per gradient step. Default: the scenario's.")
    Integer batchSize;

    @Option(names = "--stream-batch-size", paramLabel = "ROWS", description = "Online: rows per gradient step. Default: the scenario's.")
    Integer streamBatchSize;

    @Option(names = "--mini-batch", paramLabel = "EVENTS",
            description = "Online: events per learning increment, cut by count whatever the polls. Default: the scenario's.")
    Integer miniBatch;

    @Option(names = "--stream-epochs", paramLabel = "N", description = "Online: epochs over each mini-batch. Default: the scenario's.")
    Integer streamEpochs;

    @Option(names = "--max-poll-records", paramLabel = "N",
            description = "The consumers' max.poll.records: speed only, never the results. Default: the scenario's.")
    Integer maxPollRecords;

    @Option(names = "--checkpoint-every", paramLabel = "RECORDS",
            description = "Online: records between checkpoints (offsets are committed at each). Default: the scenario's.")
    Long checkpointEvery;

    @Option(names = "--idle-timeout-ms", paramLabel = "MS",
            description = "Online: stop after this many milliseconds without a record; 0 runs until stopped. Default: the scenario's.")
    Long idleTimeoutMs;

    @Option(names = "--max-records", paramLabel = "N", description = "Trainers: stop after this many records (train-batch: train on the topic's first N, waiting for them); 0 for no limit.")
    Long maxRecords;

    @Option(names = "--group-id", paramLabel = "ID", description = "Online: the consumer group (default: <name>-stream-trainer).")
    String groupId;

    @Option(names = "--rate", paramLabel = "EVENTS/S",
            description = "Producer: target events per second, open loop; 0 sends as fast as possible. Default: the scenario's.")
    Double rate;

    @Option(names = "--label-delay-events", paramLabel = "N",
            description = "Labels come late: each (after the history) N events after its event, on <name>-labels; "
                    + "learners learn an event only once its label is due (0: with the event).")
    Long labelDelayEvents;

    @Option(names = "--label-delay-ms", paramLabel = "MS",
            description = "Labels come late: each MS milliseconds after its event on the stream's schedule (needs "
                    + "--rate; ceil(MS x rate / 1000) events).")
    Long labelDelayMs;

    @Option(names = "--label-horizon-events", paramLabel = "N",
            description = "With late labels: an event that waits longer than N events for its label is dropped and "
                    + "counted as expired (default: 100000). Default: the scenario's.")
    Long labelHorizonEvents;

    @Option(names = "--seed", paramLabel = "N",
            description = "Master seed; the split, weight and shuffle seeds derive from it (all recorded in results.json). Default: the scenario's.")
    Long seed;

    /**
     * What the measuring commands (soak, serve-bench, bench) load: {@code sea-abrupt} unless
     * {@code --scenario} names another, which must generate its stream.
     *
     * @param parsed the command's parse result
     * @return the scenario with the given options applied
     * @throws ConfigException naming the option, if the scenario reads a data set or is invalid
     */
    ScenarioConfig loadGenerated(CommandLine.ParseResult parsed) {
        if (!parsed.hasMatchedOption("--scenario")) {
            scenario = "sea-abrupt";
        }
        ScenarioConfig config = load();
        if (!config.source().generated()) {
            throw new ConfigException("--scenario", config.name(), "a scenario with a generated source (a stream of "
                    + "any length)");
        }
        return config;
    }

    /**
     * @return the scenario with the given options applied
     * @throws ConfigException naming the key, if the result is invalid
     */
    ScenarioConfig load() {
        noteUnused();
        Map<String, Object> overrides = new LinkedHashMap<>();
        Map<String, Object> source = source();
        if (source != null) {
            overrides.put("source", source);
            // A new source without a new name would write into the old scenario's topics.
            Path file = csv != null ? csv : arff;
            overrides.put("name", dataset != null ? dataset
                    : file.getFileName().toString().replaceFirst("\\.[^.]*$", "").replaceAll("[^A-Za-z0-9._-]", "-"));
        }
        KEYS.forEach((option, key) -> {
            OptionSpec spec = command.findOption(option);
            Object value = spec == null ? null : spec.getValue();
            if (value != null) {
                overrides.put(key, value instanceof MissingValuePolicy p ? p.key() : value);
            }
        });
        if (Boolean.TRUE.equals(timeOrdered)) {
            overrides.put("split.shuffle", false);
        }
        if (Boolean.TRUE.equals(deployed)) {
            overrides.put("mode", Mode.DEPLOYED.key());
        }
        return ScenarioFiles.load(scenario, overrides);
    }

    /** @return a replacement source from --dataset, --csv or --arff, or {@code null} to keep the scenario's */
    private Map<String, Object> source() {
        boolean csvDetails = noHeader != null || ignoredColumns != null || features != null || missingMarker != null
                || classes != null;
        if (csv == null && csvDetails) {
            throw new ConfigException("--no-header/--ignore-column/--features/--missing-marker/--classes",
                    "given without --csv", "these options only with --csv FILE");
        }
        if (csv == null && arff == null && labelColumn != null) {
            throw new ConfigException("--label-column", "given without --csv or --arff",
                    "this option only with --csv FILE or --arff FILE");
        }
        if ((dataset != null ? 1 : 0) + (csv != null ? 1 : 0) + (arff != null ? 1 : 0) > 1) {
            throw new ConfigException("--dataset/--csv/--arff", "more than one source", "one of --dataset, --csv, --arff");
        }
        if (dataset != null) {
            return Map.of("dataset", dataset);
        }
        if (arff != null) {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("location", arff.toString());
            putIfSet(spec, "label-column", labelColumn);
            return Map.of("arff", spec);
        }
        if (csv == null) {
            return null;
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("location", csv.toString());
        spec.put("has-header", noHeader == null || !noHeader);
        spec.put("label-column", labelColumn == null ? "-1" : labelColumn);
        putIfSet(spec, "ignored-columns", ignoredColumns);
        putIfSet(spec, "features", features);
        putIfSet(spec, "missing-value-marker", missingMarker);
        putIfSet(spec, "classes", classes);
        return Map.of("csv", spec);
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /**
     * @param field a scenario key path from a {@link ConfigException}
     * @return the option that sets it, or {@code null}
     */
    static String optionOf(String field) {
        for (var e : KEYS.entrySet()) {
            if (e.getValue().equals(field)) {
                return e.getKey();
            }
        }
        for (var e : CSV_KEYS.entrySet()) {
            if (("source.csv." + e.getValue()).equals(field)) {
                return e.getKey();
            }
        }
        for (var e : ARFF_KEYS.entrySet()) {
            if (("source.arff." + e.getValue()).equals(field)) {
                return e.getKey();
            }
        }
        return field.equals("source.dataset") ? "--dataset" : null;
    }
}
