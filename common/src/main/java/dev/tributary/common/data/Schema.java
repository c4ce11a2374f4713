package dev.tributary.common.data;

import java.util.List;
import java.util.Set;

/**
 * The shape of a data set's examples: the feature names in order and the class names,
 * whose positions are the label indices.
 *
 * @param featureNames the feature names, in the order of {@link Example#features()}
 * @param classNames   the class names; {@code classNames.get(i)} names label {@code i}
 */
public record Schema(List<String> featureNames, List<String> classNames) {

    /**
     * @throws IllegalArgumentException if there are no features, fewer than two classes, or two of the same name
     */
    public Schema {
        featureNames = List.copyOf(featureNames);
        classNames = List.copyOf(classNames);
        if (featureNames.isEmpty()) {
            throw new IllegalArgumentException("a schema needs at least one feature");
        }
        if (classNames.size() < 2) {
            throw new IllegalArgumentException("a schema needs at least two classes, got " + classNames);
        }
        if (Set.copyOf(classNames).size() != classNames.size()) {
            throw new IllegalArgumentException("a schema's class names must be distinct, got " + classNames);
        }
    }

    /** @return the number of features */
    public int numFeatures() {
        return featureNames.size();
    }

    /** @return the number of classes */
    public int numClasses() {
        return classNames.size();
    }
}
