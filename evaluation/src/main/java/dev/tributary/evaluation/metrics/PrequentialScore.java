package dev.tributary.evaluation.metrics;

import dev.tributary.common.config.EvaluationConfig;
import dev.tributary.common.metrics.MetricId;
import dev.tributary.results.PrequentialResult;

import java.util.ArrayList;
import java.util.List;

/**
 * A prequential score as results.json records it: the {@link PrequentialEvaluator}'s cumulative,
 * windowed and fading metrics, and a curve point every {@code evaluation.curve-every} events of
 * the stream, and one more at the stream's last event when it does not fall on one (so that a
 * 6,000-event stream's last 800 events are drawn too). One owner for both the ideal (test-then-train in process) and the served score, so
 * that the two are measured alike.
 *
 * <p>Memory: constant, but for one bit per scored event (which events were predicted right, up
 * to {@link PrequentialResult#MAX_CORRECTNESS_EVENTS}, 1.25 MB), kept so that McNemar's test can
 * compare two strategies on the same events after they ran one after another.
 */
public final class PrequentialScore {

    private final PrequentialEvaluator evaluator;
    private final int curveEvery;
    private final List<PrequentialResult.CurvePoint> curve = new ArrayList<>();
    /** Bit i: the i-th scored event was predicted right (for McNemar's test between strategies). */
    private final java.util.BitSet correct = new java.util.BitSet();
    private long nextCurvePoint;
    private long lastPosition;

    /**
     * @param numClasses the number of classes
     * @param evaluation window, fading factor and curve spacing
     * @param history    events before scoring starts: the first curve point is {@code curve-every} after them
     */
    public PrequentialScore(int numClasses, EvaluationConfig evaluation, long history) {
        this.evaluator = new PrequentialEvaluator(numClasses, evaluation.window(), evaluation.fadingFactor());
        this.curveEvery = evaluation.curveEvery();
        this.nextCurvePoint = history + curveEvery;
    }

    /**
     * @param label the class of the event just before the first scored one (kappa-temporal's start)
     */
    public void precededBy(int label) {
        evaluator.precededBy(label);
    }

    /**
     * @param position      events of the stream so far, this one included (history included)
     * @param label         the event's class
     * @param probabilities the prediction it got
     * @return whether the event completed a curve point
     */
    public boolean add(long position, int label, double[] probabilities) {
        long index = evaluator.count();
        if (evaluator.add(label, probabilities) == label && index < PrequentialResult.MAX_CORRECTNESS_EVENTS) {
            correct.set((int) index);
        }
        lastPosition = position;
        if (position < nextCurvePoint) {
            return false;
        }
        curve.add(point(position));
        nextCurvePoint += curveEvery;
        return true;
    }

    private PrequentialResult.CurvePoint point(long position) {
        ClassificationEvaluation window = evaluator.window();
        return new PrequentialResult.CurvePoint(position, window.get(MetricId.ACCURACY),
                window.get(MetricId.COHEN_KAPPA), evaluator.cumulative().get(MetricId.ACCURACY),
                evaluator.fading().accuracy());
    }

    /** @return events scored */
    public long count() {
        return evaluator.count();
    }

    /** @return the score so far, the curve ending at the last event scored */
    public PrequentialResult result() {
        List<PrequentialResult.CurvePoint> curve = new ArrayList<>(this.curve);
        boolean endsOnAPoint = !curve.isEmpty() && curve.get(curve.size() - 1).event() == lastPosition;
        if (evaluator.count() > 0 && !endsOnAPoint) {
            curve.add(point(lastPosition));
        }
        ClassificationEvaluation cumulative = evaluator.cumulative();
        return new PrequentialResult(evaluator.count(), cumulative.byKey(), evaluator.window().byKey(),
                evaluator.fading().accuracy(), evaluator.fading().kappa(), cumulative.confusionMatrix().toArray(),
                curve, evaluator.count() <= PrequentialResult.MAX_CORRECTNESS_EVENTS
                        ? PrequentialResult.encodeCorrectness(correct) : null);
    }
}
