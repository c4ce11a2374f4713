package dev.tributary.common.config;

/**
 * How the producer turns a data set into a train and a test topic.
 *
 * @param trainFraction the share of accepted rows written to the train topic, in (0, 1); the
 *                      tutorial uses 0.6
 * @param missingValues what to do with rows holding a missing value
 */
public record SplitConfig(double trainFraction, MissingValuePolicy missingValues) {

    /** The tutorial's split: 60 % train, missing values imputed. */
    public static final SplitConfig DEFAULT = new SplitConfig(0.6, MissingValuePolicy.IMPUTE);

    /**
     * @throws ConfigException if the fraction is outside (0, 1) or the policy is missing
     */
    public SplitConfig {
        ConfigException.require(trainFraction > 0 && trainFraction < 1, "split.train-fraction", trainFraction,
                "a fraction strictly between 0 and 1");
        ConfigException.require(missingValues != null, "split.missing-values", null, "impute or drop");
    }
}
