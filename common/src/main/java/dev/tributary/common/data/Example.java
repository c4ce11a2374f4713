package dev.tributary.common.data;

import java.util.Arrays;

/**
 * One labelled example: a feature vector and the index of its class.
 *
 * @param features the feature values, in schema order; never mutated once built
 * @param label    the class index, {@code 0 <= label < numClasses}
 */
public record Example(double[] features, int label) {

    /**
     * @throws IllegalArgumentException if the label is negative
     */
    public Example {
        if (label < 0) {
            throw new IllegalArgumentException("label must be >= 0, was " + label);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Example other && label == other.label && Arrays.equals(features, other.features);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(features) + label;
    }

    @Override
    public String toString() {
        return "Example[label=" + label + ", features=" + Arrays.toString(features) + "]";
    }
}
