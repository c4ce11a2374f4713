/**
 * The producer stage: reads a data set, rejects what it cannot parse to the dead-letter topic
 * (with the reason, so every row is accounted for), shuffles and splits the rest with a seed,
 * and writes the train and test topics with an idempotent, {@code acks=all} producer.
 *
 * <p>Counts always reconcile: rows read = train + test + dead-lettered.
 */
package dev.tributary.producer;
