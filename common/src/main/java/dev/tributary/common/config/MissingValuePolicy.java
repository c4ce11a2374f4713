package dev.tributary.common.config;

/**
 * What the producer does with a row whose feature holds the data set's missing-value marker
 * (breast-cancer-wisconsin has 16 rows with {@code bare_nuclei = ?}).
 */
public enum MissingValuePolicy {
    /**
     * Replace the missing value by the median of that feature over the <em>training</em>
     * split only, so that no statistic of the test split leaks into the data.
     */
    IMPUTE,
    /** Send the row to the dead-letter topic with the reason, so it is counted, not lost. */
    DROP
}
