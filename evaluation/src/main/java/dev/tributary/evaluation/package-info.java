/**
 * The comparison: {@link dev.tributary.evaluation.HoldoutEvaluator} scores a model on the test
 * topic with the same metrics whatever trained it, and
 * {@link dev.tributary.evaluation.ExperimentRunner} runs the whole pipeline in-process
 * (produce, train the batch baseline, train the streaming learner, evaluate) through the real
 * Kafka path and records the result with its configuration, seeds and environment.
 * {@link dev.tributary.evaluation.StrategyDriver} is the one loop both protocols share.
 *
 * <h2>Measuring</h2>
 *
 * How latency and freshness are measured, and why this way.
 *
 * <p><b>Event → prediction latency</b> runs from an event's record timestamp, which the producer
 * sets to the event's <em>intended</em> send time under an open-loop rate, to the moment a
 * strategy's prediction for it exists. Measuring from the intended time rather than the actual
 * send means a stalled producer or a lagging consumer shows up as latency instead of silently
 * thinning the samples (coordinated omission; see HdrHistogram's documentation). Values are
 * recorded in microseconds in an {@link org.HdrHistogram.Histogram} with 3 significant digits.
 * Clock: the record timestamp is wall-clock milliseconds, so latencies have millisecond
 * granularity and need producer and evaluator clocks to agree (one process here).
 *
 * <p><b>Model-update latency</b> is the wall time of one {@code learn} call on one mini-batch.
 *
 * <p><b>Freshness</b> of an event is how long until a model that has learned from it serves
 * predictions: in milliseconds from its timestamp to the end of the update that incorporated it,
 * and in events from it to the first event that update serves. Events a strategy never
 * incorporates (the frozen batch baseline after its history) are counted as {@code never}
 * rather than given a made-up value.
 *
 * <p>Worked example: at 1,000 events/s a poll returns an event or a few, and an event is predicted
 * as soon as its poll has been handed over (latency: the fetch plus the prediction, a few ms). It
 * is learned by {@code online} at the end of its mini-batch of 100 events: freshness, for an event
 * in the middle of a mini-batch, ~50 events and ~50 ms plus the update's own time.
 *
 * <p><b>With late labels</b>, freshness is counted twice: from the event (which includes the
 * delay) and from its label's arrival (the label record's timestamp, when it fell due), which is
 * the learner's own part. In the example above with labels 500 events late, {@code online}'s
 * freshness is ~550 events from the event and ~50 from the label. The report sets each
 * strategy's quality beside its quality on the same events with every label on time, from a second,
 * unpaced pass over the same topics (whose quality, like every quality figure, does not depend on
 * timing).
 */
package dev.tributary.evaluation;
