package dev.tributary.common.provenance;

import dev.tributary.common.TributaryException;
import dev.tributary.common.config.ModelConfig;
import dev.tributary.common.data.Schema;

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
 * @param lastEventMs  the record timestamp of the newest record the model has learned from (for
 *                     a stream produced at a rate, its intended send time), ms since the epoch; 0
 *                     when unknown (a model trained in memory, or written before this was recorded).
 *                     With {@code nextOffsets} it is what a served prediction's staleness is
 *                     measured against
 */
public record ModelMetadata(String strategy, long version, long recordsSeen, String topic,
                            Map<Integer, Long> nextOffsets, long createdAtMs, ModelConfig model,
                            int numFeatures, int numClasses, long seed, long lastEventMs) {

    /**
     * Copies the offsets into a sorted, immutable map.
     */
    public ModelMetadata {
        nextOffsets = java.util.Collections.unmodifiableMap(new TreeMap<>(nextOffsets));
    }

    /**
     * @param other a strategy's key
     * @return this provenance, of a model that serves as that strategy (warm-start's first model is
     *         the batch model of the history)
     */
    public ModelMetadata withStrategy(String other) {
        return new ModelMetadata(other, version, recordsSeen, topic, nextOffsets, createdAtMs, model, numFeatures,
                numClasses, seed, lastEventMs);
    }

    /**
     * The one model-versus-schema check, made wherever a model meets data (the evaluator, the
     * scorer, a resumed trainer): a model of another shape is an operational error, not a bug.
     *
     * @param schema the data the model is about to see
     * @param what   what the model is, for the message (e.g. {@code "model 'online'"})
     * @throws TributaryException if its feature or class count differs from the schema's
     */
    public void requireFits(Schema schema, String what) {
        if (numFeatures != schema.numFeatures() || numClasses != schema.numClasses()) {
            throw new TributaryException(what + " takes " + numFeatures + " features and " + numClasses
                    + " classes; the data has " + schema.numFeatures() + " and " + schema.numClasses());
        }
    }
}
