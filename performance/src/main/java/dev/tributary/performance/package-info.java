/**
 * Headline ratios: each hot path of the harness measured against its ceiling on the same
 * machine, in the same run, so that the ratio says how much of the machine the harness uses.
 *
 * <p>Every ratio is measured once per repetition, both sides one after the other, their order
 * alternating between repetitions so that neither side always runs on a warmer JVM. The
 * reported figure is the median over repetitions, of the ratios and of each side: a shared,
 * noisy machine shifts both sides of one repetition alike, and a median ignores the odd
 * repetition a neighbour disturbed. Absolute rates are printed for context; they are not
 * comparable across machines, the ratios are meant to be.
 *
 * <ul>
 *   <li>{@link ProducerCeiling}: the producer's records/s over Kafka's own
 *       {@code ProducerPerformance} with the same broker, payloads, acks and batching;</li>
 *   <li>{@link TrainerCeiling}: the online learner fed from Kafka (poll, decode, predict,
 *       learn, measure) over the same learner fed the same mini-batches from memory;</li>
 *   <li>{@link ScorerCeiling}: the scorer's sustained events/s through Kafka Streams over
 *       batched inference of the same rows in memory;</li>
 *   <li>{@link CostGrowth}: the time and the peak live heap of a long stream over a stream a
 *       tenth as long, through {@link Soak}.</li>
 * </ul>
 */
package dev.tributary.performance;
