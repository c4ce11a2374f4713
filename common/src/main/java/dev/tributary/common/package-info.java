/**
 * The vocabulary every Tributary stage shares: labelled examples and their wire format
 * ({@link dev.tributary.common.data}), the typed configuration of a run
 * ({@link dev.tributary.common.config}), the way to reach Kafka, embedded or external
 * ({@link dev.tributary.common.kafka}), the neural network and its artifact
 * ({@link dev.tributary.common.model}), and the provenance recorded with every result
 * ({@link dev.tributary.common.provenance}).
 */
package dev.tributary.common;
