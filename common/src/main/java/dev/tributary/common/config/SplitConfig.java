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
 * @param maxLineBytes  the longest line of a data set file read as a row, in bytes ({@code null}:
 *                      {@value #DEFAULT_MAX_LINE_BYTES}); a longer one is dead-lettered as
 *                      {@code too-long} with its first bytes and its length, and reading goes on.
 *                      At most {@value #MAX_MAX_LINE_BYTES}, so that every row, and every
 *                      dead-lettered one, fits Kafka's default {@code max.request.size} of 1 MiB
 */
public record SplitConfig(double trainFraction, MissingValuePolicy missingValues, Boolean shuffle, Integer maxLineBytes) {

    /** Far longer than any row of a published data set, far shorter than a Kafka record may be. */
    public static final int DEFAULT_MAX_LINE_BYTES = 65_536;
    /** Half of Kafka's default {@code max.request.size}: room for the record's headers and reason. */
    public static final int MAX_MAX_LINE_BYTES = 524_288;
    private static final int MIN_MAX_LINE_BYTES = 1_024;

    /** The tutorial's split: 60 % train, missing values imputed, shuffled when the source allows. */
    public static final SplitConfig DEFAULT = new SplitConfig(0.6, MissingValuePolicy.IMPUTE, null);

    /**
     * @throws ConfigException if the fraction is outside (0, 1), the policy is missing, or the
     *                         line limit is outside [1024, {@value #MAX_MAX_LINE_BYTES}]
     */
    public SplitConfig {
        if (maxLineBytes == null) {
            maxLineBytes = DEFAULT_MAX_LINE_BYTES;
        }
        ConfigException.require(maxLineBytes >= MIN_MAX_LINE_BYTES && maxLineBytes <= MAX_MAX_LINE_BYTES,
                "split.max-line-bytes", maxLineBytes, "a number of bytes from " + MIN_MAX_LINE_BYTES + " to "
                        + MAX_MAX_LINE_BYTES);
        ConfigException.require(trainFraction > 0 && trainFraction < 1, "split.train-fraction", trainFraction,
                "a fraction strictly between 0 and 1");
        ConfigException.require(missingValues != null, "split.missing-values", null, "impute or drop");
    }

    /**
     * The split with the default line limit.
     *
     * @param trainFraction as for the canonical constructor
     * @param missingValues as for the canonical constructor
     * @param shuffle       as for the canonical constructor
     */
    public SplitConfig(double trainFraction, MissingValuePolicy missingValues, Boolean shuffle) {
        this(trainFraction, missingValues, shuffle, null);
    }

    /** @return whether to shuffle before the split, {@code true} unless set otherwise */
    public boolean shuffled() {
        return shuffle == null || shuffle;
    }
}
