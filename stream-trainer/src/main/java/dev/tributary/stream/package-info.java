/**
 * The streaming learner ({@link dev.tributary.stream.OnlineLearner}) and its stage
 * ({@link dev.tributary.stream.StreamTrainer}), a consumer-group member that trains as records
 * arrive. Events are gathered into mini-batches of {@code stream.mini-batch} events, cut on stream
 * positions whatever the polls; each mini-batch updates the standardisation (never ahead of what
 * has arrived) and is fitted as shuffled steps for a few epochs. At the first mini-batch boundary
 * after every N records a checkpoint (network with optimiser state, standardisation, next offsets)
 * is written atomically and published to the models topic, and only then are those offsets
 * committed, so a committed offset always points past records a saved and published model
 * contains. One trainer per group trains; any other is a standby until it leaves (see
 * {@link dev.tributary.stream.StreamTrainer}).
 *
 * <p>A checkpoint records its topic's Kafka ID and the scenario's fingerprint; a trainer refuses
 * to resume from one of another topic incarnation or scenario.
 *
 * <p>Resume semantics: on start, a checkpoint is the source of truth for positions; the
 * trainer seeks to its offsets, so records after the last checkpoint are trained on again
 * after a crash, and none is skipped. A checkpoint is due at the first mini-batch boundary after
 * {@code checkpoint-every} records, so a {@code kill -9} loses, and the restart re-trains, fewer
 * than {@code checkpoint-every + mini-batch} records; the model's
 * {@code recordsSeen} counts each record once, since the lost work went with the process. A
 * graceful stop (record limit, idle timeout, SIGTERM) learns its incomplete mini-batch and
 * writes a final checkpoint first, so a restart trains on every remaining record exactly once. A
 * resumed learner cuts the same mini-batches as an uninterrupted one after the next boundary; a
 * graceful stop or a rebalance splits the mini-batch in progress in two.
 *
 * <p>A record that is not a valid example goes to the trainer's dead-letter topic with its
 * reason; dead letters are flushed before each commit, with the same at-least-once semantics.
 *
 * <p>After a {@code kill -9}, the dead member keeps its partitions until its session times out
 * ({@code session.timeout.ms}, 45 s by default); the restart waits for them, and that wait does
 * not count toward {@code idle-timeout-ms}. A broker restart or a leader change is invisible
 * to the model: the consumer reconnects and carries on from its position, and a checkpoint's
 * commit retries until the coordinator is back (up to {@code default.api.timeout.ms}, 60 s, after
 * which the trainer fails; restarted, it resumes from the checkpoint).
 */
package dev.tributary.stream;
