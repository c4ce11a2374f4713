package dev.tributary.common.config;

/**
 * The streaming learner: every poll's records are shuffled, cut into mini-batches and fitted
 * for a few epochs, as they arrive.
 *
 * @param batchSize          rows per gradient step (32 in the tutorial)
 * @param epochsPerPoll      epochs over each poll's records (3 in the tutorial)
 * @param maxPollRecords     the consumer's {@code max.poll.records}: the largest increment the
 *                           model learns from at once
 * @param checkpointEvery    records between checkpoints; offsets are committed at each checkpoint
 * @param idleTimeoutMs      stop after this many milliseconds without a record (0: never)
 * @param maxRecords         stop after training on this many records in this run (0: no limit)
 * @param groupId            the consumer group ({@code null}: {@code <scenario>-stream-trainer})
 */
public record StreamTrainingConfig(int batchSize, int epochsPerPoll, int maxPollRecords, long checkpointEvery,
                                   long idleTimeoutMs, long maxRecords, String groupId) {

    /**
     * The tutorial's settings: 32 rows, 3 epochs, polls of at most 100 records, checkpoint every
     * 100 records, stop when idle for 10 s, the scenario's default group.
     */
    public static final StreamTrainingConfig DEFAULT = new StreamTrainingConfig(32, 3, 100, 100, 10_000, 0, null);

    /**
     * @throws ConfigException naming the field, if a value is out of range
     */
    public StreamTrainingConfig {
        ConfigException.require(batchSize > 0, "stream.batch-size", batchSize, "a positive row count");
        ConfigException.require(epochsPerPoll >= 0, "stream.epochs-per-poll", epochsPerPoll, "0 or more");
        ConfigException.require(maxPollRecords > 0, "stream.max-poll-records", maxPollRecords, "a positive record count");
        ConfigException.require(checkpointEvery > 0, "stream.checkpoint-every", checkpointEvery, "a positive record count");
        ConfigException.require(idleTimeoutMs >= 0, "stream.idle-timeout-ms", idleTimeoutMs,
                "0 (never) or a positive number of milliseconds");
        ConfigException.require(maxRecords >= 0, "stream.max-records", maxRecords, "0 (no limit) or a positive count");
        ConfigException.require(groupId == null || !groupId.isBlank(), "stream.group-id", groupId, "a consumer group id");
    }

    /** @return a copy in that consumer group */
    public StreamTrainingConfig withGroupId(String group) {
        return new StreamTrainingConfig(batchSize, epochsPerPoll, maxPollRecords, checkpointEvery, idleTimeoutMs, maxRecords, group);
    }
}
