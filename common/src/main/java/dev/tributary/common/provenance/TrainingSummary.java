package dev.tributary.common.provenance;

import dev.tributary.common.provenance.OffsetRange;

import java.util.List;

/**
 * What one training run did, for results.json. Wall and CPU time are two separate measures:
 * CPU time is the training thread's own ({@code ThreadMXBean}), so that an embedded broker in
 * the same process is not billed to the model.
 *
 * @param strategy        the strategy ({@code batch}, {@code online}, ...)
 * @param topic           the topic trained on
 * @param offsets         per partition, the offsets this run trained on
 * @param recordsTrained  records the model learned from in this run
 * @param recordsRejected records that could not be decoded (counted, not trained on)
 * @param gradientSteps   mini-batch updates
 * @param checkpoints     checkpoints written (0 for the batch baseline)
 * @param wallTimeMs      elapsed time of the run, in milliseconds
 * @param cpuTimeMs       CPU time of the training thread, in milliseconds
 */
public record TrainingSummary(String strategy, String topic, List<OffsetRange> offsets, long recordsTrained,
                              long recordsRejected, long gradientSteps, long checkpoints,
                              long wallTimeMs, long cpuTimeMs) {

    /**
     * Copies the offsets.
     */
    public TrainingSummary {
        offsets = List.copyOf(offsets);
    }
}
