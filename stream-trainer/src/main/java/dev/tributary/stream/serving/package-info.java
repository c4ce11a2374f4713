/**
 * Serving: a Kafka Streams application that scores an events topic with the latest model of one
 * strategy and writes a predictions topic.
 *
 * <p>Models arrive on the compacted models topic, read by every instance in full as a global
 * store, and replace the serving model between two micro-batches, without pausing the stream.
 * Events are scored in adaptive micro-batches: whatever has arrived since the last flush, up to
 * a bound, is scored in one network call (DL4J's per-call overhead dwarfs its per-row cost), and
 * a wall-clock punctuation flushes a partial batch within about a millisecond, so latency stays
 * low at light load while throughput rises with load.
 *
 * <p>A malformed model record (not a model artifact, larger than the models topic allows, or for
 * another number of features or classes) is rejected and counted; the scorer keeps its last good
 * model. An event that cannot be decoded goes to the dead-letter sink with its reason, source and
 * stage, so events = predictions + dead letters.
 * Before the first model arrives, events are still answered, with model version 0 and a uniform
 * distribution, so that every event gets exactly one prediction.
 */
package dev.tributary.stream.serving;
