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
 * @param topicId      Kafka's ID (UUID) of {@code topic} when the model learned from it: a topic
 *                     deleted and re-created under the same name gets a new one, and its offsets
 *                     mean other records. {@code null} when unknown (a model trained in memory,
 *                     or written before this was recorded)
 * @param scenarioFingerprint the fingerprint of the scenario whose data and model it is
 *                     ({@code ScenarioConfig.fingerprint()}: name, source, split, protocol, labels,
 *                     model and seed); {@code null} when unknown, as for {@code topicId}
 */
public record ModelMetadata(String strategy, long version, long recordsSeen, String topic,
                            Map<Integer, Long> nextOffsets, long createdAtMs, ModelConfig model,
                            int numFeatures, int numClasses, long seed, long lastEventMs, String topicId,
                            String scenarioFingerprint) {

    /**
     * Copies the offsets into a sorted, immutable map.
     */
    public ModelMetadata {
        nextOffsets = java.util.Collections.unmodifiableMap(new TreeMap<>(nextOffsets));
    }

    /**
     * Provenance whose topic incarnation and scenario are unknown: a model trained in memory, or
     * one whose trainer does not resume from it.
     *
     * @param strategy    as for the canonical constructor
     * @param version     as for the canonical constructor
     * @param recordsSeen as for the canonical constructor
     * @param topic       as for the canonical constructor
     * @param nextOffsets as for the canonical constructor
     * @param createdAtMs as for the canonical constructor
     * @param model       as for the canonical constructor
     * @param numFeatures as for the canonical constructor
     * @param numClasses  as for the canonical constructor
     * @param seed        as for the canonical constructor
     * @param lastEventMs as for the canonical constructor
     */
    public ModelMetadata(String strategy, long version, long recordsSeen, String topic, Map<Integer, Long> nextOffsets,
                         long createdAtMs, ModelConfig model, int numFeatures, int numClasses, long seed,
                         long lastEventMs) {
        this(strategy, version, recordsSeen, topic, nextOffsets, createdAtMs, model, numFeatures, numClasses, seed,
                lastEventMs, null, null);
    }

    /**
     * @param other a strategy's key
     * @return this provenance, of a model that serves as that strategy (warm-start's first model is
     *         the batch model of the history)
     */
    public ModelMetadata withStrategy(String other) {
        return new ModelMetadata(other, version, recordsSeen, topic, nextOffsets, createdAtMs, model, numFeatures,
                numClasses, seed, lastEventMs, topicId, scenarioFingerprint);
    }

    /**
     * The one check that a model to resume from belongs to the data about to be read: the same
     * incarnation of its topic (Kafka's topic ID, which a deleted and re-created topic does not
     * keep) and the same scenario (its fingerprint, seed included). A side is compared only when
     * both know it: a model written before these were recorded (an old checkpoint, a golden
     * fixture) cannot be checked, and the caller says so.
     *
     * @param currentTopicId      the ID {@link #topic()} has now, or {@code null} if unknown
     * @param currentFingerprint  the fingerprint of the scenario about to run, or {@code null} if unknown
     * @param what                what the model is, for the message (e.g. {@code "checkpoint out/models/online.model"})
     * @param remedy              how to start afresh instead (e.g. {@code "delete out/models/online.model"})
     * @return whether the model records all it can be checked by: its topic ID, and its fingerprint
     *         if the caller has one (false: it predates them, and is unchecked)
     * @throws TributaryException naming both IDs (or fingerprints) and the remedy, if a recorded one differs
     */
    public boolean requireOrigin(String currentTopicId, String currentFingerprint, String what, String remedy) {
        if (topicId != null && currentTopicId != null && !topicId.equals(currentTopicId)) {
            throw new TributaryException(what + " was trained on topic " + topic + " with topic ID " + topicId
                    + ", but " + topic + " now has topic ID " + currentTopicId + ": the topic was deleted and re-created "
                    + "since, and its offsets are other records'; to start afresh, " + remedy);
        }
        if (scenarioFingerprint != null && currentFingerprint != null && !scenarioFingerprint.equals(currentFingerprint)) {
            throw new TributaryException(what + " was trained under scenario fingerprint " + scenarioFingerprint
                    + ", but the scenario now has fingerprint " + currentFingerprint + " (its name, source, split, "
                    + "protocol, labels, model or seed differ); to start afresh, " + remedy);
        }
        return topicId != null && (scenarioFingerprint != null || currentFingerprint == null);
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
