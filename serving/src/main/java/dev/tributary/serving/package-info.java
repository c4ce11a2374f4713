/**
 * Serving: a Kafka Streams application that scores an events topic with the latest model of one
 * strategy and writes a predictions topic (and the label joiner, when labels come late).
 *
 * <p>Models arrive on the compacted models topic, read by every instance in full as a global
 * store, and replace the serving model between two micro-batches, without pausing the stream.
 * Events are scored in adaptive micro-batches: whatever has arrived since the last flush, up to
 * a bound, is scored in one network call (DL4J's per-call overhead dwarfs its per-row cost). A
 * partial batch is scored once its oldest event has waited the flush interval (1 ms by default;
 * a wall-clock punctuation at that interval checks), so latency stays low at light load while
 * batches, and throughput, grow with load. Streams commits the offsets of every event handed to
 * the scorer, scored or not, so the waiting events are also scored just before each commit
 * ({@link dev.tributary.serving.CommitBarrier}): a commit covers only events whose predictions
 * are sent, and a task that is stopped, moved or killed loses none.
 *
 * <p>Guarantees: with {@code at_least_once} (the default) every event gets a prediction, and
 * the events after the last commit (every second by default) are scored again after a crash, so
 * a reader can see duplicates (same key and event time). With {@code exactly_once_v2} a
 * {@code read_committed} reader sees exactly one prediction per event, through a broker
 * restart and an instance's stop and restart; the cost is a transaction per commit (every
 * 100 ms).
 *
 * <p>A malformed model record (not a model artifact, larger than the models topic allows, or for
 * another number of features or classes) is rejected and counted; the scorer keeps its last good
 * model. An event that cannot be decoded goes to the dead-letter sink with its reason, source and
 * stage, so events = predictions + dead letters.
 * Before the first model arrives, events are still answered, with model version 0 and a uniform
 * distribution, so that every event gets exactly one prediction.
 *
 * <p>When labels come late, events are keyed by their id instead of their class (the scorer
 * checks the key as an id and keeps it on the prediction), and a second Kafka Streams
 * application, {@link dev.tributary.serving.LabelJoiner}, joins each label to its event within the
 * horizon for the trainers.
 */
package dev.tributary.serving;
