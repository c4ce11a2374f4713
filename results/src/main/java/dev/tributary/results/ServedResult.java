package dev.tributary.results;

import dev.tributary.common.provenance.TrainingSummary;

/**
 * One strategy as deployed (the deployed mode): what the predictions users received were worth,
 * how late they came and how stale the models that made them were. Measured by the served
 * evaluator from the predictions topic and the models topic alone, so it measures the same
 * against a real cluster with the stages as separate processes.
 *
 * <p>Counts reconcile: {@code events = predictions - duplicates = history + evaluated + unlabelled}.
 *
 * @param events            events the producer wrote to the deployment's events topic
 * @param predictions       prediction records read (a duplicate, from an at-least-once scorer, included)
 * @param rejected          records of the predictions topic that were not predictions (dead-lettered)
 * @param duplicates        predictions of an event already predicted, not scored again
 * @param history           predictions of history events: served, but not scored (as in the ideal)
 * @param evaluated         predictions scored into {@code quality}
 * @param withoutModel      scored predictions made before any model had arrived (a uniform guess)
 * @param unknownVersion    scored predictions whose model version the models topic no longer holds
 *                          (compacted away); they are scored, but add no staleness
 * @param quality           the prequential metrics of the predictions as served: cumulative,
 *                          windowed, fading and the curve, in event order
 * @param latencyMicros     per scored event: intended send time to the prediction's arrival at the
 *                          evaluator, µs
 * @param stalenessEvents   per scored event with a model: events of its partition before it that
 *                          the serving model had not learned from (0: it had learned every one)
 * @param stalenessMillis   per scored event with a model: its timestamp minus that of the newest
 *                          event the serving model had learned from, ms
 * @param publishToSwapMillis per model version served: its record's timestamp on the models topic to
 *                          the scoring of the first prediction it made, ms
 * @param trainerLagMillis  per model version published: the newest event it learned from (its
 *                          timestamp) to the model's creation, ms
 * @param versionsPublished model versions of the strategy on the models topic once the last prediction
 *                          had been scored (a trainer still catching up publishes more afterwards)
 * @param versionsServed    distinct versions that made at least one scored prediction
 * @param trainer           the trainer stage's own counts and timings
 * @param trainerEventsPerSecond records the trainer learned per second of its wall time
 * @param scorerEventsPerSecond  predictions per second between the first and the last one scored
 * @param unlabelled        with late labels: predictions whose label did not come within the
 *                          horizon, so never scored (0 when labels come with their events)
 * @param stalenessSinceLabelEvents with late labels, per scored event with a model: labels that
 *                          had fallen due before it that the serving model had not learned from
 *                          ({@code stalenessEvents} counts from the events, so includes the delay;
 *                          {@code stalenessMillis} then counts from the newest label learned);
 *                          {@code null} when labels come with their events
 */
public record ServedResult(long events, long predictions, long rejected, long duplicates, long history, long evaluated,
                           long withoutModel, long unknownVersion, PrequentialResult quality,
                           Percentiles latencyMicros, Percentiles stalenessEvents, Percentiles stalenessMillis,
                           Percentiles publishToSwapMillis, Percentiles trainerLagMillis, long versionsPublished,
                           long versionsServed, TrainingSummary trainer, double trainerEventsPerSecond,
                           double scorerEventsPerSecond, long unlabelled, Percentiles stalenessSinceLabelEvents) {

    /** A deployment whose labels came with their events. */
    public ServedResult(long events, long predictions, long rejected, long duplicates, long history, long evaluated,
                        long withoutModel, long unknownVersion, PrequentialResult quality,
                        Percentiles latencyMicros, Percentiles stalenessEvents, Percentiles stalenessMillis,
                        Percentiles publishToSwapMillis, Percentiles trainerLagMillis, long versionsPublished,
                        long versionsServed, TrainingSummary trainer, double trainerEventsPerSecond,
                        double scorerEventsPerSecond) {
        this(events, predictions, rejected, duplicates, history, evaluated, withoutModel, unknownVersion, quality,
                latencyMicros, stalenessEvents, stalenessMillis, publishToSwapMillis, trainerLagMillis, versionsPublished,
                versionsServed, trainer, trainerEventsPerSecond, scorerEventsPerSecond, 0, null);
    }

    /**
     * @param summary the trainer stage's summary
     * @return this result with the trainer's counts and its rate (records learned per second of its wall time)
     */
    public ServedResult withTrainer(TrainingSummary summary) {
        double rate = summary.wallTimeMs() <= 0 ? Double.NaN : summary.recordsTrained() * 1000.0 / summary.wallTimeMs();
        return new ServedResult(events, predictions, rejected, duplicates, history, evaluated, withoutModel,
                unknownVersion, quality, latencyMicros, stalenessEvents, stalenessMillis, publishToSwapMillis,
                trainerLagMillis, versionsPublished, versionsServed, summary, rate, scorerEventsPerSecond, unlabelled,
                stalenessSinceLabelEvents);
    }

    /** @return whether the counts reconcile (see the class documentation) */
    public boolean reconciles() {
        return events == predictions - duplicates && predictions - duplicates == history + evaluated + unlabelled;
    }
}
