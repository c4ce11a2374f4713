package dev.tributary.results;

import java.util.Map;

/**
 * What late labels did to one strategy ({@code labels} in the scenario; {@code null} when labels
 * come with their events). Counts reconcile: {@code events == learned + ignored + expired}, and
 * every label read was learned, ignored, or came after its event expired ({@code late}).
 *
 * @param delayEvents      events after its event that each label (after the history) fell due
 * @param horizonEvents    the longest an event waited for its label before it was dropped
 * @param events           events of the stream, each predicted on arrival once past the history
 * @param learned          events learned once their label came
 * @param ignored          labelled events a frozen model did not learn (it never changes)
 * @param expired          events dropped unlabelled past the horizon: predicted, never scored or learned
 * @param late             labels that came after their event expired
 * @param freshnessEvents  per incorporated scored event: events from its label falling due to the
 *                         first event the updated model served ({@link FreshnessResult} counts
 *                         from the event itself)
 * @param freshnessMillis  per incorporated scored event: its label's arrival to the end of the update, ms
 * @param withoutDelay     the same strategy's cumulative quality on the same events with every
 *                         label on time (a second, unpaced pass over the same topics)
 * @param withoutDelayFreshnessEvents that pass's freshness from the event, in events
 */
public record LabelsResult(long delayEvents, long horizonEvents, long events, long learned, long ignored, long expired,
                           long late, Percentiles freshnessEvents, Percentiles freshnessMillis,
                           Map<String, Double> withoutDelay, Percentiles withoutDelayFreshnessEvents) {

    /**
     * @throws IllegalStateException if the counts do not reconcile, which would mean lost events
     */
    public LabelsResult {
        if (events != learned + ignored + expired || late > expired) {
            throw new IllegalStateException("label counts do not reconcile: " + events + " events, " + learned
                    + " learned, " + ignored + " ignored, " + expired + " expired, " + late + " late");
        }
        withoutDelay = withoutDelay == null ? null : Map.copyOf(withoutDelay);
    }

    /**
     * @param withoutDelay       the cumulative quality with every label on time
     * @param withoutDelayEvents that run's freshness from the event
     * @return this result beside that of the same strategy without the delay
     */
    public LabelsResult against(Map<String, Double> withoutDelay, Percentiles withoutDelayEvents) {
        return new LabelsResult(delayEvents, horizonEvents, events, learned, ignored, expired, late, freshnessEvents,
                freshnessMillis, withoutDelay, withoutDelayEvents);
    }
}
