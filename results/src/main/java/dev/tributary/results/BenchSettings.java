package dev.tributary.results;

import dev.tributary.common.config.ConfigException;

import java.util.EnumSet;
import java.util.Set;

/**
 * What {@code tributary bench} measures and how much.
 *
 * @param measures         the ratios to measure
 * @param warmups          unrecorded repetitions before them (the long cost-growth stream is not warmed up)
 * @param repetitions      repetitions of each ratio (the median is reported)
 * @param producerRecords  records each producer sends
 * @param trainerRecords   events each side of the trainer ratio learns
 * @param scorerEvents     events each side of the scorer ratio scores
 * @param scorerMaxBatch   the scorer's largest micro-batch, and the in-memory batch size
 * @param scorerFlushMs    how long the scorer lets a partial micro-batch wait for more events
 * @param costShortEvents  the short stream of the cost-growth ratios
 * @param costLongEvents   the long stream of the cost-growth ratios
 */
public record BenchSettings(Set<Measure> measures, int warmups, int repetitions, long producerRecords, long trainerRecords,
                            long scorerEvents, int scorerMaxBatch, long scorerFlushMs, long costShortEvents, long costLongEvents) {

    /** The ratios {@code tributary bench} can measure. */
    public enum Measure { PRODUCER, TRAINER, SCORER, COST }

    /**
     * The documented run: 1 warm-up, 3 repetitions; 1M producer records, 10k trainer events, 100k scorer
     * events in micro-batches of at most 256 rows waiting at most 1 ms, and streams of 1M and 10M events for cost growth. About
     * three minutes on a 2-core machine.
     */
    public static final BenchSettings DEFAULT = new BenchSettings(EnumSet.allOf(Measure.class), 1, 3, 1_000_000, 10_000,
            100_000, 256, 1, 1_000_000, 10_000_000);

    /**
     * @throws ConfigException naming the option, if a value is out of range
     */
    public BenchSettings {
        ConfigException.require(measures != null && !measures.isEmpty(), "--measures", measures, "at least one measure");
        ConfigException.require(warmups >= 0, "--warmups", warmups, "0 or more");
        ConfigException.require(repetitions > 0, "--repetitions", repetitions, "a positive count");
        ConfigException.require(producerRecords > 0, "--producer-records", producerRecords, "a positive count");
        ConfigException.require(trainerRecords > 0, "--trainer-records", trainerRecords, "a positive count");
        ConfigException.require(scorerEvents > 0, "--scorer-events", scorerEvents, "a positive count");
        ConfigException.require(scorerMaxBatch > 0, "--max-batch", scorerMaxBatch, "a positive row count");
        ConfigException.require(scorerFlushMs > 0, "--flush-interval-ms", scorerFlushMs, "a positive number of ms");
        ConfigException.require(costShortEvents > 0, "--cost-events", costShortEvents, "a positive count");
        ConfigException.require(costLongEvents > costShortEvents, "--cost-events", costLongEvents,
                "a long stream longer than the short one (" + costShortEvents + ")");
        measures = java.util.Collections.unmodifiableSet(EnumSet.copyOf(measures));
    }
}
