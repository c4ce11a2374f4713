package dev.tributary.results;

import java.util.List;
import java.util.Map;

/**
 * A strategy scored prequentially: every event after the history predicted before learned.
 *
 * @param events          events scored
 * @param cumulative      metric key → value over every scored event
 * @param window          metric key → value over the last window of events
 * @param fadingAccuracy  accuracy with the past faded by the fading factor per event
 * @param fadingKappa     Cohen's kappa, faded likewise
 * @param confusionMatrix cumulative; rows = actual class, columns = predicted
 * @param curve           the metrics at regular points of the stream
 */
public record PrequentialResult(long events, Map<String, Double> cumulative, Map<String, Double> window,
                                double fadingAccuracy, double fadingKappa, long[][] confusionMatrix,
                                List<CurvePoint> curve) {

    /**
     * One point of the prequential curves.
     *
     * @param event              the stream position (events since the start, history included)
     * @param windowAccuracy     accuracy over the last window
     * @param windowKappa        Cohen's kappa over the last window
     * @param cumulativeAccuracy accuracy since scoring began
     * @param fadingAccuracy     fading-factor accuracy
     */
    public record CurvePoint(long event, double windowAccuracy, double windowKappa, double cumulativeAccuracy,
                             double fadingAccuracy) {
    }
}
