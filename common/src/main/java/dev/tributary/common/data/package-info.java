/**
 * Labelled examples and their Kafka wire format: the record key is the class index as
 * text and the value the features as one CSV line, as in the tutorial Tributary grew from.
 * A record that cannot be decoded raises {@link dev.tributary.common.data.MalformedRecordException}
 * with a reason meant for a dead-letter header.
 */
package dev.tributary.common.data;
