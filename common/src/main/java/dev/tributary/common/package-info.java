/**
 * The vocabulary every Tributary module shares, free of Kafka and Deeplearning4j: labelled
 * examples and their wire format ({@link dev.tributary.common.data}), the typed configuration
 * of a run ({@link dev.tributary.common.config}), the metric identities
 * ({@link dev.tributary.common.metrics}) and the provenance recorded with every result
 * ({@link dev.tributary.common.provenance}). Kafka wiring is the kafka module's, the network
 * the model module's.
 */
package dev.tributary.common;
