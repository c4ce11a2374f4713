package dev.tributary.common.config;

/**
 * Everything that defines one comparison run; recorded verbatim in results.json.
 *
 * @param dataset the data set and how to read it
 * @param split   the train/test split and the missing-value policy
 * @param topics  the topics it travels through
 * @param model   the network every strategy trains
 * @param batch   the batch baseline's training
 * @param stream  the streaming learner's training
 * @param seeds   every seed of the run
 */
public record ExperimentConfig(DatasetSpec dataset, SplitConfig split, TopicsConfig topics, ModelConfig model,
                               BatchTrainingConfig batch, StreamTrainingConfig stream, Seeds seeds) {

    /**
     * @throws ConfigException if a part is missing
     */
    public ExperimentConfig {
        ConfigException.require(dataset != null, "dataset", null, "a data set");
        ConfigException.require(split != null, "split", null, "a split");
        ConfigException.require(topics != null, "topics", null, "topics");
        ConfigException.require(model != null, "model", null, "a model");
        ConfigException.require(batch != null, "batch", null, "batch settings");
        ConfigException.require(stream != null, "stream", null, "stream settings");
        ConfigException.require(seeds != null, "seeds", null, "seeds");
    }

    /**
     * @param dataset the data set
     * @return the tutorial's comparison on that data set, with the default seed
     */
    public static ExperimentConfig defaults(DatasetSpec dataset) {
        return new ExperimentConfig(dataset, SplitConfig.DEFAULT, TopicsConfig.forDataset(dataset.name()),
                ModelConfig.DEFAULT, BatchTrainingConfig.DEFAULT,
                StreamTrainingConfig.defaults(dataset.name() + "-stream-trainer"), Seeds.derive(Seeds.DEFAULT_SEED));
    }
}
