package dev.tributary.common.model;

import dev.tributary.common.config.ModelConfig;

import java.util.Map;
import java.util.TreeMap;

/**
 * How a model artifact was made: the provenance that travels with it.
 *
 * @param strategy     the strategy that trained it ({@code batch}, {@code online}, ...)
 * @param version      increases with every artifact one trainer publishes
 * @param recordsSeen  training records the model has learned from, over all runs
 * @param topic        the topic it trained on
 * @param nextOffsets  per partition of that topic, the offset of the first record it has
 *                     <em>not</em> learned from
 * @param createdAtMs  when the artifact was made, in milliseconds since the epoch
 * @param model        the architecture and learning rate
 * @param numFeatures  the input width
 * @param numClasses   the number of classes
 * @param seed         the weight-initialisation seed
 */
public record ModelMetadata(String strategy, long version, long recordsSeen, String topic,
                            Map<Integer, Long> nextOffsets, long createdAtMs, ModelConfig model,
                            int numFeatures, int numClasses, long seed) {

    /**
     * Copies the offsets into a sorted, immutable map.
     */
    public ModelMetadata {
        nextOffsets = java.util.Collections.unmodifiableMap(new TreeMap<>(nextOffsets));
    }
}
