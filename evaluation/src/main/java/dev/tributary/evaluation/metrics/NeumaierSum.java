package dev.tributary.evaluation.metrics;

/**
 * A running sum with Neumaier's compensation (Neumaier, "Rundungsfehleranalyse einiger
 * Verfahren zur Summation endlicher Summen", ZAMM 54, 1974). A long stream adds millions of
 * terms, and a plain sum would let rounding error grow with the count, so that the holdout and
 * prequential paths, or a batch and a stream run, would differ in digits that should agree.
 *
 * <p>Two sums fed the same terms in the same order are bitwise equal. Not thread-safe.
 */
final class NeumaierSum {

    private double sum;
    private double compensation;

    /** @param term the value to add */
    void add(double term) {
        double t = sum + term;
        // The low-order bits lost in t are recovered from whichever operand was larger.
        if (Math.abs(sum) >= Math.abs(term)) {
            compensation += (sum - t) + term;
        } else {
            compensation += (term - t) + sum;
        }
        sum = t;
    }

    /** @return the compensated sum of every term added, 0 if none */
    double value() {
        return sum + compensation;
    }
}
