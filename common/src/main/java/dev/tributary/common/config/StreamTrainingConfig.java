package dev.tributary.common.config;

/**
 * The streaming learner: events are gathered into mini-batches of {@code miniBatch} events,
 * cut by count (never by how the consumer's polls happened to fall), and each mini-batch is
 * shuffled, cut into gradient steps of {@code batchSize} rows and fitted for {@code epochs}
 * epochs.
 *
 * @param miniBatch       events per learning increment (100): the model changes only after
 *                        every {@code miniBatch}-th event of the stream, so the same stream gives
 *                        the same model whatever the polls, the rate or the machine
 * @param batchSize       rows per gradient step (32 in the tutorial)
 * @param epochs          epochs over each mini-batch (3 in the tutorial)
 * @param maxPollRecords  the consumer's {@code max.poll.records}: how many records one poll
 *                        may return; it changes the speed, never the results
 * @param checkpointEvery records between checkpoints; offsets are committed at each checkpoint
 * @param idleTimeoutMs   stop after this many milliseconds without a record (0: never)
 * @param maxRecords      stop after training on this many records in this run (0: no limit)
 * @param groupId         the consumer group ({@code null}: {@code <scenario>-stream-trainer})
 */
public record StreamTrainingConfig(int miniBatch, int batchSize, int epochs, int maxPollRecords, long checkpointEvery,
                                   long idleTimeoutMs, long maxRecords, String groupId) {

    /**
     * The tutorial's settings: mini-batches of 100 events, steps of 32 rows, 3 epochs; polls of
     * at most 500 records; a checkpoint every 100 records; stop when idle for 10 s; the
     * scenario's default group.
     */
    public static final StreamTrainingConfig DEFAULT = new StreamTrainingConfig(100, 32, 3, 500, 100, 10_000, 0, null);

    /**
     * @throws ConfigException naming the field, if a value is out of range
     */
    public StreamTrainingConfig {
        ConfigException.require(miniBatch > 0, "stream.mini-batch", miniBatch, "a positive number of events");
        ConfigException.require(batchSize > 0, "stream.batch-size", batchSize, "a positive row count");
        ConfigException.require(epochs >= 0, "stream.epochs", epochs, "0 or more");
        ConfigException.require(maxPollRecords > 0, "stream.max-poll-records", maxPollRecords, "a positive record count");
        ConfigException.require(checkpointEvery > 0, "stream.checkpoint-every", checkpointEvery, "a positive record count");
        ConfigException.require(idleTimeoutMs >= 0, "stream.idle-timeout-ms", idleTimeoutMs,
                "0 (never) or a positive number of milliseconds");
        ConfigException.require(maxRecords >= 0, "stream.max-records", maxRecords, "0 (no limit) or a positive count");
        ConfigException.require(groupId == null || !groupId.isBlank(), "stream.group-id", groupId, "a consumer group id");
    }

    /**
     * @param records       stop after this many records (0: no limit)
     * @param idleTimeoutMs stop after this long without a record (0: never)
     * @return a copy that stops so
     */
    public StreamTrainingConfig stoppingAfter(long records, long idleTimeoutMs) {
        return new StreamTrainingConfig(miniBatch, batchSize, epochs, maxPollRecords, checkpointEvery, idleTimeoutMs,
                records, groupId);
    }

    /** @return a copy in that consumer group */
    public StreamTrainingConfig withGroupId(String group) {
        return new StreamTrainingConfig(miniBatch, batchSize, epochs, maxPollRecords, checkpointEvery, idleTimeoutMs,
                maxRecords, group);
    }
}
