package dev.tributary.common.config;

/**
 * How the producer turns a source into a train and a test topic.
 *
 * @param trainFraction the share of events written to the train topic, in (0, 1); the tutorial
 *                      uses 0.6
 * @param missingValues what to do with rows holding a missing value
 * @param shuffle       whether to shuffle before splitting (a data set, as in the tutorial), or
 *                      keep the rows in file order, which is time for a real stream (the test part
 *                      comes after the train part). {@code null} chooses by source and protocol:
 *                      shuffle a data set under the holdout protocol; keep a data set's file order
 *                      under the prequential protocol (a prequential stream is a stream); never
 *                      shuffle a generated stream, which is unbounded and cannot be shuffled in
 *                      constant memory
 */
public record SplitConfig(double trainFraction, MissingValuePolicy missingValues, Boolean shuffle) {

    /** The tutorial's split: 60 % train, missing values imputed, shuffled when the source allows. */
    public static final SplitConfig DEFAULT = new SplitConfig(0.6, MissingValuePolicy.IMPUTE, null);

    /**
     * @throws ConfigException if the fraction is outside (0, 1) or the policy is missing
     */
    public SplitConfig {
        ConfigException.require(trainFraction > 0 && trainFraction < 1, "split.train-fraction", trainFraction,
                "a fraction strictly between 0 and 1");
        ConfigException.require(missingValues != null, "split.missing-values", null, "impute or drop");
    }

    /** @return whether to shuffle before the split, {@code true} unless set otherwise */
    public boolean shuffled() {
        return shuffle == null || shuffle;
    }
}
