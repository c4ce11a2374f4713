package dev.tributary.results;

import java.util.Base64;
import java.util.BitSet;
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
 * @param correct         which scored events were predicted right, in order: a bit per event
 *                        ({@link #correctness()}), for McNemar's test between strategies on the
 *                        same events; {@code null} past {@link #MAX_CORRECTNESS_EVENTS}, or in a
 *                        file written before it was kept
 */
public record PrequentialResult(long events, Map<String, Double> cumulative, Map<String, Double> window,
                                double fadingAccuracy, double fadingKappa, long[][] confusionMatrix,
                                List<CurvePoint> curve, String correct) {

    /** The most scored events whose correctness is kept: 10 million bits, 1.25 MB. */
    public static final long MAX_CORRECTNESS_EVENTS = 10_000_000;

    /** A score without the per-event correctness. */
    public PrequentialResult(long events, Map<String, Double> cumulative, Map<String, Double> window,
                             double fadingAccuracy, double fadingKappa, long[][] confusionMatrix,
                             List<CurvePoint> curve) {
        this(events, cumulative, window, fadingAccuracy, fadingKappa, confusionMatrix, curve, null);
    }

    /**
     * @param correct bit i set when the i-th scored event was predicted right
     * @return its form in results.json: the bits' bytes (little-endian, as {@link BitSet#toByteArray()}), Base64
     */
    public static String encodeCorrectness(BitSet correct) {
        return Base64.getEncoder().encodeToString(correct.toByteArray());
    }

    /** @return which scored events were predicted right, or {@code null} if not kept */
    public BitSet correctness() {
        return correct == null ? null : BitSet.valueOf(Base64.getDecoder().decode(correct));
    }

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
