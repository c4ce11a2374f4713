package dev.tributary.results;

import java.util.ArrayList;
import java.util.List;

/**
 * One headline ratio, {@code numerator / denominator}, measured once per repetition.
 *
 * @param id           a short name ({@code producer}, {@code trainer}, ...)
 * @param numerator    what the numerator measures, with its unit
 * @param denominator  what the denominator measures, with its unit
 * @param numerators   the numerator of each repetition
 * @param denominators the denominator of each repetition, in the same order
 * @param goal         the ratio the harness aims for; NaN for a ratio reported for context, without a goal
 * @param atLeast      whether the goal is a floor ({@code true}) or a ceiling
 */
public record HeadlineRatio(String id, String numerator, String denominator, List<Double> numerators,
                            List<Double> denominators, double goal, boolean atLeast) {

    public HeadlineRatio {
        if (numerators.size() != denominators.size() || numerators.isEmpty()) {
            throw new IllegalArgumentException(id + ": " + numerators.size() + " numerators and "
                    + denominators.size() + " denominators; expected the same positive count");
        }
        numerators = List.copyOf(numerators);
        denominators = List.copyOf(denominators);
    }

    /** @return each repetition's ratio */
    public List<Double> ratios() {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < numerators.size(); i++) {
            ratios.add(numerators.get(i) / denominators.get(i));
        }
        return ratios;
    }

    /** @return the median of the repetitions' ratios (not the ratio of the medians) */
    public double medianRatio() {
        return median(ratios());
    }

    /** @return a distribution-free confidence interval of {@link #medianRatio()} (see {@link MedianInterval}) */
    public MedianInterval medianRatioInterval() {
        return MedianInterval.of(ratios());
    }

    /** @return the median numerator */
    public double medianNumerator() {
        return median(numerators);
    }

    /** @return the median denominator */
    public double medianDenominator() {
        return median(denominators);
    }

    /** @return whether the ratio has a goal (NaN: reported for context only) */
    public boolean hasGoal() {
        return !Double.isNaN(goal);
    }

    /** @return whether the median ratio meets the goal (a ratio without a goal always does) */
    public boolean met() {
        if (!hasGoal()) {
            return true;
        }
        double ratio = medianRatio();
        return atLeast ? ratio >= goal : ratio <= goal;
    }

    /**
     * @param values some values, not empty
     * @return their median (the mean of the middle two for an even count)
     */
    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
