package dev.tributary.evaluation.metrics;

/**
 * Accuracy and Cohen's kappa under a fading factor, as MOA's
 * {@code FadingFactorClassificationPerformanceEvaluator} computes them and as proposed by Gama,
 * Sebastião &amp; Rodrigues ("On evaluating stream learning algorithms", Machine Learning 90(3),
 * 2013): every example weighs {@code α^age}, where age is 0 for the newest example, 1 for the
 * one before it, and so on. With weights {@code w_i} summing to {@code W}:
 * <ul>
 *   <li>accuracy = sum of {@code w_i} over the correctly predicted examples / W;</li>
 *   <li>kappa = (p0 - pe) / (1 - pe), with p0 that accuracy and
 *       pe = sum_k (A_k / W)(P_k / W), where A_k and P_k are the summed weights of the
 *       examples of actual class k and of predicted class k; NaN when pe = 1.</li>
 * </ul>
 * With α = 1 these are the plain cumulative accuracy and Cohen's kappa. Every value is NaN
 * when no example has been added (MOA reports 0 there; NaN keeps "no data" apart from "no
 * skill").
 *
 * @param fadingFactor α, in (0, 1]
 * @param count the number of examples added, unweighted
 * @param weightSum W = sum of α^age over them, the effective number of examples; it tends to
 *     1 / (1 - α) as the count grows (1,000 for α = 0.999)
 * @param accuracy the fading accuracy, in [0, 1]
 * @param kappa the fading Cohen's kappa, at most 1
 */
public record FadingMetrics(double fadingFactor, long count, double weightSum, double accuracy, double kappa) {
}
