package dev.tributary.evaluation;

/**
 * Anything that turns raw feature rows into class probabilities: a saved model, or a strategy's
 * serving model while it learns.
 */
@FunctionalInterface
public interface Predictor {

    /**
     * @param rawFeatures unscaled rows
     * @return one row of class probabilities per input row
     */
    double[][] predict(double[][] rawFeatures);
}
