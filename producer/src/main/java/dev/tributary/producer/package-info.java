/**
 * The producer stage: turns a scenario's source (a CSV or ARFF data set, or a seeded generator)
 * into one {@link dev.tributary.producer.EventSequence}: a data set is read row by row, what
 * cannot be used is rejected with its reason (so every row is accounted for), and the rest is
 * shuffled and split with a seed. {@link dev.tributary.producer.SourceProducer} writes the
 * sequence to the train and test topics with an idempotent, {@code acks=all} producer, and the
 * rejected rows to the dead-letter topic; {@link dev.tributary.producer.EventExporter} writes the
 * same sequence to a file, without Kafka.
 *
 * <p>Counts always reconcile: rows read = train + test + dead-lettered.
 */
package dev.tributary.producer;
