/**
 * The streaming learner: a consumer-group member that trains as records arrive. Each poll's
 * records update the standardisation (never ahead of what has arrived) and are fitted as
 * shuffled mini-batches for a few epochs. Every N records a checkpoint (network with optimiser
 * state, standardisation, next offsets) is written atomically, and only then are those offsets
 * committed, so a committed offset always points past records the saved model contains.
 *
 * <p>Resume semantics: on start, a checkpoint is the source of truth for positions; the
 * trainer seeks to its offsets, so records after the last checkpoint are trained on again
 * after a crash (at most {@code checkpoint-every} plus one poll), and none is skipped. A
 * graceful stop (record limit, idle timeout, SIGTERM) writes a final checkpoint first, so a
 * restart trains on every remaining record exactly once.
 *
 * <p>A record that is not a valid example goes to the trainer's dead-letter topic with its
 * reason; dead letters are flushed before each commit, with the same at-least-once semantics.
 */
package dev.tributary.stream;
