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
 * @param strategies  the strategies to compare, by name ({@value #BATCH}, {@value #ONLINE})
 * @param model       the network every strategy trains
 * @param batch       the batch baseline's training
 * @param stream      the streaming learner's training; its group defaults to {@code <name>-stream-trainer}
 * @param kafka       topic layout and client properties
 * @param rate        the producer's pace
 * @param seed        the master seed
 * @param seeds       the component seeds, derived from {@code seed} (never set them directly)
 * @param repetitions how many seeds to run (1 for now)
 */
public record ScenarioConfig(String name, String description, SourceConfig source, SplitConfig split,
                             Protocol protocol, List<String> strategies, ModelConfig model,
                             BatchTrainingConfig batch, StreamTrainingConfig stream, KafkaSettings kafka,
                             RateConfig rate, long seed, Seeds seeds, int repetitions) {

    /** The batch baseline. */
    public static final String BATCH = "batch";
    /** The streaming learner. */
    public static final String ONLINE = "online";
    private static final Set<String> KNOWN_STRATEGIES = Set.of(BATCH, ONLINE);

    /**
     * Fills in what is derived and checks the parts against each other.
     *
     * @throws ConfigException naming the field, if a part is missing or the parts do not fit together
     */
    public ScenarioConfig {
        ConfigException.require(name != null && name.matches("[A-Za-z0-9._-]{1,200}"), "name", name,
                "a topic-safe name (letters, digits, '.', '_', '-')");
        description = description == null ? "" : description;
        for (Object[] part : new Object[][] {{"source", source}, {"split", split}, {"protocol", protocol},
                {"model", model}, {"batch", batch}, {"stream", stream}, {"kafka", kafka}, {"rate", rate}}) {
            ConfigException.require(part[1] != null, (String) part[0], null, "a " + part[0] + " section");
        }
        if (split.shuffle() == null) {
            split = new SplitConfig(split.trainFraction(), split.missingValues(), !source.generated());
        }
        ConfigException.require(!(source.generated() && split.shuffled()), "split.shuffle", true,
                "false for a generated stream (it is split in time order, in constant memory)");
        strategies = strategies == null ? List.of(BATCH, ONLINE) : List.copyOf(strategies);
        ConfigException.require(!strategies.isEmpty() && KNOWN_STRATEGIES.containsAll(strategies)
                        && Set.copyOf(strategies).size() == strategies.size(), "strategies", strategies,
                "a list of distinct strategies from " + List.of(BATCH, ONLINE));
        if (stream.groupId() == null) {
            stream = stream.withGroupId(name + "-stream-trainer");
        }
        Seeds derived = Seeds.derive(seed);
        ConfigException.require(seeds == null || seeds.equals(derived), "seeds", seeds,
                "nothing: the component seeds derive from 'seed'");
        seeds = derived;
        ConfigException.require(repetitions == 1, "repetitions", repetitions,
                "1 (several seeds per run are not supported yet)");
    }

    /**
     * The tutorial's comparison: breast cancer, shuffled 60/40 split, holdout, batch and online,
     * the tutorial's model and training settings, seed {@value Seeds#DEFAULT_SEED}.
     *
     * @return the default scenario
     */
    public static ScenarioConfig defaults() {
        return new ScenarioConfig("breast-cancer",
                "The tutorial: breast cancer, shuffled 60/40 split, batch versus online, holdout scores",
                SourceConfig.ofDataset("breast-cancer"), SplitConfig.DEFAULT, Protocol.HOLDOUT, null,
                ModelConfig.DEFAULT, BatchTrainingConfig.DEFAULT, StreamTrainingConfig.DEFAULT, KafkaSettings.DEFAULT,
                RateConfig.UNLIMITED, Seeds.DEFAULT_SEED, null, 1);
    }

    /** @return the scenario's topics */
    public TopicsConfig topics() {
        return TopicsConfig.of(name, kafka);
    }

    /** @return whether the scenario compares that strategy */
    public boolean runs(String strategy) {
        return strategies.contains(strategy);
    }
}
