package dev.tributary.evaluation.metrics;

import dev.tributary.common.config.EvaluationConfig;
import dev.tributary.common.metrics.MetricId;
import dev.tributary.results.PrequentialResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The prequential curve: a point every curve-every events after the history, and one at the end. */
class PrequentialScoreTest {

    private static PrequentialResult score(long events, long history, int curveEvery) {
        EvaluationConfig evaluation = new EvaluationConfig(0.2, 500, 0.999, curveEvery, 0, false, false);
        PrequentialScore score = new PrequentialScore(2, evaluation, history);
        Random random = new Random(7);
        for (long position = history + 1; position <= events; position++) {
            int label = random.nextInt(2);
            double p = random.nextDouble() < 0.8 ? (label == 1 ? 0.9 : 0.1) : (label == 1 ? 0.2 : 0.8);
            score.add(position, label, new double[] {1 - p, p});
        }
        return score.result();
    }

    @Test
    void theLastEventsAreDrawnWhenTheStreamEndsBetweenPoints() {
        PrequentialResult result = score(6_000, 1_200, 1_000);
        List<Long> at = result.curve().stream().map(PrequentialResult.CurvePoint::event).toList();
        assertEquals(List.of(2_200L, 3_200L, 4_200L, 5_200L, 6_000L), at, "the last 800 events end the curve");
        PrequentialResult.CurvePoint last = result.curve().get(result.curve().size() - 1);
        assertEquals(result.cumulative().get(MetricId.ACCURACY.key()), last.cumulativeAccuracy(), 0.0,
                "the last point is the whole stream's score");
        assertEquals(result.window().get(MetricId.ACCURACY.key()), last.windowAccuracy(), 0.0);
    }

    @Test
    void aStreamEndingOnAPointGetsNoSecondOne() {
        PrequentialResult result = score(5_200, 1_200, 1_000);
        assertEquals(List.of(2_200L, 3_200L, 4_200L, 5_200L),
                result.curve().stream().map(PrequentialResult.CurvePoint::event).toList());
        assertEquals(1, score(699, 140, 1_000).curve().size(), "a stream shorter than curve-every still has its end");
    }
}
