package dev.tributary.common.config;

import java.util.List;
import java.util.Set;

/**
 * One run, completely described: bound from a scenario file (or a built-in one) with the
 * defaults of {@link #defaults()} for every key it leaves out, validated once before anything
 * connects, and recorded verbatim in results.json.
 *
 * @param name        the scenario's name; its topics are {@code <name>-train}, {@code <name>-test},
 *                    {@code <name>-dlq}
 * @param description one line on what it shows
 * @param source      where the events come from
 * @param split       train/test split; its {@code shuffle} is resolved from the source when unset
 * @param protocol    how strategies are scored
 * @param mode        prequential only: in-process alone, or also deployed (the stages through Kafka)
 * @param strategies  the strategies to compare (see {@link Strategy}), in the order they are reported
 * @param model       the network every strategy trains
 * @param batch       the batch baseline's training
 * @param stream      the streaming learner's training; its group defaults to {@code <name>-stream-trainer}
 * @param periodic    the periodic-retrain strategy's schedule
 * @param evaluation  history, windows and curves of the comparison
 * @param labels      when each event's label becomes known (with the event, or later, on its own topic)
 * @param kafka       topic layout and client properties
 * @param rate        the producer's pace
 * @param seed        the master seed
 * @param seeds       the component seeds, derived from {@code seed} (never set them directly)
 * @param repetitions how many times to run, with master seeds {@code seed}, {@code seed + 1}, ...
 */
public record ScenarioConfig(String name, String description, SourceConfig source, SplitConfig split,
                             Protocol protocol, Mode mode, List<Strategy> strategies, ModelConfig model,
                             BatchTrainingConfig batch, StreamTrainingConfig stream, PeriodicRetrainConfig periodic,
                             EvaluationConfig evaluation, LabelsConfig labels, KafkaSettings kafka, RateConfig rate, long seed,
                             Seeds seeds, int repetitions) {

    /**
     * Fills in what is derived and checks the parts against each other.
     *
     * @throws ConfigException naming the field, if a part is missing or the parts do not fit together
     */
    public ScenarioConfig {
        ConfigException.require(name != null && name.matches("[A-Za-z0-9._-]{1,200}"), "name", name,
                "a topic-safe name (letters, digits, '.', '_', '-')");
        for (Object[] part : new Object[][] {{"source", source}, {"split", split}, {"protocol", protocol},
                {"model", model}, {"batch", batch}, {"stream", stream}, {"periodic", periodic}, {"evaluation", evaluation},
                {"kafka", kafka}, {"rate", rate}}) {
            ConfigException.require(part[1] != null, (String) part[0], null, "a " + part[0] + " section");
        }
        mode = mode == null ? Mode.IN_PROCESS : mode;
        ConfigException.require(mode != Mode.DEPLOYED || protocol == Protocol.PREQUENTIAL, "mode", mode.key(),
                "in-process under the holdout protocol: a deployment serves every event as it arrives, so the "
                        + "deployed mode needs protocol: prequential");
        labels = labels == null ? LabelsConfig.DEFAULT : labels;
        ConfigException.require(labels.delayMs() == 0 || rate.limited(), "labels.delay-ms", labels.delayMs(),
                "0 with rate.events-per-second 0: a delay in ms is placed on the stream's schedule, which needs a "
                        + "rate; use labels.delay-events");
        if (labels.joined() && mode == Mode.DEPLOYED) {
            String key = labels.delayMs() > 0 ? "labels.delay-ms" : "labels.delay-events";
            ConfigException.require(rate.limited(), key, labels.describe(), "no delay with rate.events-per-second 0 in "
                    + "the deployed mode: its label joiner waits for a label on the stream's schedule, which needs a rate");
            ConfigException.require(labels.delayEvents(rate) < labels.horizonEvents(), key, labels.describe(),
                    "a delay shorter than labels.horizon-events (" + labels.horizonEvents() + ") in the deployed mode, "
                            + "whose trainers wait for every label");
        }
        if (split.shuffle() == null) {
            // A prequential stream is a stream: a data set's rows keep their file order (its time,
            // for a real stream like electricity); holdout keeps the tutorial's shuffled split.
            split = new SplitConfig(split.trainFraction(), split.missingValues(),
                    !source.generated() && protocol == Protocol.HOLDOUT, split.maxLineBytes());
        }
        ConfigException.require(!(source.generated() && split.shuffled()), "split.shuffle", true,
                "false for a generated stream (it is split in time order, in constant memory)");
        strategies = strategies == null ? Strategy.ALL : List.copyOf(strategies);
        ConfigException.require(!strategies.isEmpty() && Set.copyOf(strategies).size() == strategies.size(),
                "strategies", strategies, "a list of distinct strategies from " + Strategy.ALL);
        if (stream.groupId() == null) {
            stream = stream.withGroupId(new TopicNames(name).group("stream-trainer"));
        }
        Seeds derived = Seeds.derive(seed);
        ConfigException.require(seeds == null || seeds.equals(derived), "seeds", seeds,
                "nothing: the component seeds derive from 'seed'");
        seeds = derived;
        ConfigException.require(repetitions >= 1 && repetitions <= 100, "repetitions", repetitions,
                "1 to 100 runs");
        if (description == null || description.isBlank()) {
            description = describe(source, split, protocol, mode, strategies, rate, labels);
        }
    }

    /**
     * The description of a scenario that has none of its own (or whose own no longer describes
     * it, after an option changed what runs): what it reads, in which order, how it is scored.
     */
    private static String describe(SourceConfig source, SplitConfig split, Protocol protocol, Mode mode,
                                   List<Strategy> strategies, RateConfig rate, LabelsConfig labels) {
        StringBuilder d = new StringBuilder(source.describe());
        if (!source.generated()) {
            d.append(split.shuffled() ? ", shuffled" : ", in file order");
        }
        if (protocol == Protocol.HOLDOUT) {
            d.append(String.format(java.util.Locale.ROOT, ", %.0f/%.0f split, holdout scores", 100 * split.trainFraction(),
                    100 * (1 - split.trainFraction())));
        } else {
            d.append(", prequential").append(mode == Mode.DEPLOYED ? ", deployed" : "");
        }
        d.append(rate.limited() ? String.format(java.util.Locale.ROOT, ", %,.0f events/s", rate.eventsPerSecond()) : "");
        if (labels.joined()) {
            d.append(", labels ").append(labels.describe()).append(" late");
        }
        return d.append(", ").append(strategies.equals(Strategy.ALL) ? "every strategy"
                : strategies.stream().map(Strategy::key).collect(java.util.stream.Collectors.joining(", "))).toString();
    }

    /**
     * The tutorial's comparison: breast cancer, shuffled 60/40 split, holdout, every strategy, the
     * tutorial's model and training settings, seed {@value Seeds#DEFAULT_SEED}: what a scenario
     * file's missing keys default to, and what {@code breast-cancer.yaml} is.
     *
     * @return the default scenario
     */
    public static ScenarioConfig defaults() {
        return new ScenarioConfig("breast-cancer",
                "The tutorial: breast cancer, shuffled 60/40 split, every strategy, holdout scores",
                SourceConfig.ofDataset("breast-cancer"), SplitConfig.DEFAULT, Protocol.HOLDOUT, Mode.IN_PROCESS, null,
                ModelConfig.DEFAULT, BatchTrainingConfig.DEFAULT, StreamTrainingConfig.DEFAULT,
                PeriodicRetrainConfig.DEFAULT, EvaluationConfig.DEFAULT, LabelsConfig.DEFAULT, KafkaSettings.DEFAULT,
                RateConfig.UNLIMITED, Seeds.DEFAULT_SEED, null, 1);
    }

    /**
     * What a checkpoint records of the scenario it was trained under, so that a trainer never
     * resumes a model of other data: a digest of what the data and the model are (the name, the
     * source, the split, the protocol, the labels, the model and the master seed), leaving out
     * how a run goes (rates, limits, timeouts, strategies, Kafka settings), which may change
     * between a stop and a restart.
     *
     * @return 16 hex digits: the first 64 bits of the SHA-256 of those keys as canonical JSON
     */
    public String fingerprint() {
        return ScenarioFiles.fingerprint(this);
    }

    /** @return the owner of every name of this scenario's topics, groups and applications */
    public TopicNames names() {
        return new TopicNames(name);
    }

    /** @return the compacted topic trainers publish model versions to, keyed by strategy */
    public String modelsTopic() {
        return names().models();
    }

    /**
     * @param stage the stage ({@code batch-trainer}, {@code stream-trainer}, {@code scorer})
     * @return its own dead-letter topic (see {@link TopicNames#deadLetter})
     */
    public String deadLetterTopic(String stage) {
        return names().deadLetter(stage);
    }

    /** @return the topic of the prequential protocol's single, time-ordered stream */
    public String eventsTopic() {
        return names().events();
    }

    /**
     * @param events the events of the stream (under holdout: of its train part)
     * @return when each label falls due: the history's with their events, the others after the delay
     */
    public dev.tributary.common.data.LabelSchedule labelSchedule(long events) {
        return new dev.tributary.common.data.LabelSchedule(Math.round(events * evaluation.historyFraction()),
                labels.delayEvents(rate));
    }

    /** @return the topic of labels that come on their own ({@link LabelsConfig#joined()}) */
    public String labelsTopic() {
        return names().labels();
    }

    /**
     * @param stage a stage that reads the protocol's training (or events) topic
     * @return that topic, the stage's dead-letter topic and the models topic
     */
    public StageTopics stageTopics(String stage) {
        return new StageTopics(topics().train(), deadLetterTopic(stage), modelsTopic());
    }

    /**
     * @param stage a trainer stage ({@code batch-trainer}, {@code periodic-trainer}, {@code stream-trainer})
     * @return what it learns from, its dead-letter topic and the models topic: the protocol's
     *         training (or events) topic, or, when labels come late, the label joiner's output
     *         ({@link TopicNames#labelled()}), labelled events in the order their labels came
     */
    public StageTopics trainerTopics(String stage) {
        return labels.joined() ? new StageTopics(names().labelled(), deadLetterTopic(stage), modelsTopic())
                : stageTopics(stage);
    }

    /**
     * @return the scenario's topics; under the prequential protocol the "train" topic is the single
     *         events topic, {@code <name>-events}, and the test topic stays empty
     */
    public TopicsConfig topics() {
        TopicsConfig split = TopicsConfig.of(names(), kafka);
        return protocol != Protocol.PREQUENTIAL ? split : new TopicsConfig(eventsTopic(), split.test(),
                split.deadLetter(), split.trainPartitions(), split.testPartitions(), split.replicationFactor());
    }

    /**
     * @param strategy a strategy
     * @return the scenario that strategy's own lane runs when strategies run one after another:
     *         the same source, seeds and settings, on topics of its own ({@code <name>-<strategy>-...})
     */
    public ScenarioConfig lane(Strategy strategy) {
        boolean defaultGroup = stream.groupId().equals(names().group("stream-trainer"));
        return new ScenarioConfig(names().child(strategy.key()).prefix(), description, source, split, protocol, mode,
                List.of(strategy), model, batch, defaultGroup ? stream.withGroupId(null) : stream, periodic, evaluation,
                labels, kafka, rate, seed, null, 1);
    }

    /**
     * @param strategy a strategy
     * @return the scenario of that strategy's deployment (the deployed mode): its own lane, on topics
     *         {@code <name>-deployed-<strategy>-...} (events, models, predictions, the stages' dead letters)
     */
    public ScenarioConfig deployment(Strategy strategy) {
        boolean defaultGroup = stream.groupId().equals(names().group("stream-trainer"));
        return new ScenarioConfig(names().deployment(strategy.key()).prefix(), description, source, split, protocol,
                mode, List.of(strategy), model, batch, defaultGroup ? stream.withGroupId(null) : stream, periodic,
                evaluation, labels, kafka, rate, seed, null, 1);
    }

    /**
     * @return the warm-up that runs before a scenario's recorded repetitions: a 2,000-event SEA
     *         stream (function 1, 10 % noise) through the same strategies, network and training
     *         settings, prequential, as fast as possible, on topics of its own
     *         ({@code <name>-warm-up-...}); its results are discarded
     */
    public ScenarioConfig warmUp() {
        long events = 2_000;
        SourceConfig sea = new SourceConfig(null, null, null,
                dev.tributary.common.config.generator.StreamSpec.of(new dev.tributary.common.config.generator.SeaSpec(1, 0.1)),
                events);
        PeriodicRetrainConfig shortPeriod = new PeriodicRetrainConfig(Math.min(periodic.every(), events / 4),
                (int) Math.min(periodic.window(), events / 4));
        return new ScenarioConfig(names().child("warm-up").prefix(), "warm-up", sea,
                new SplitConfig(split.trainFraction(), split.missingValues(), false), Protocol.PREQUENTIAL, Mode.IN_PROCESS,
                strategies,
                model, batch, stream.withGroupId(null), shortPeriod, evaluation.withoutWarmUp(),
                labels.joined() ? LabelsConfig.delayedBy(Math.min(labels.delayEvents(rate), events / 4)) : labels, kafka,
                RateConfig.UNLIMITED, seed, null, 1);
    }

    /**
     * @param r a repetition, 0-based
     * @return the scenario that repetition runs: master seed {@code seed + r}, and, when there are
     *         several repetitions, its own topics ({@code <name>-r<r>-...}), which must start empty
     */
    public ScenarioConfig repetition(int r) {
        String runName = repetitions == 1 ? name : names().repetition(r).prefix();
        boolean defaultGroup = stream.groupId().equals(names().group("stream-trainer"));
        return new ScenarioConfig(runName, description, source, split, protocol, mode, strategies, model, batch,
                defaultGroup ? stream.withGroupId(null) : stream, periodic, evaluation, labels, kafka, rate, seed + r, null, 1);
    }
}
