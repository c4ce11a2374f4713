package dev.tributary.producer;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A data set's classes: the raw label values in class-index order. They are declared (by the
 * scenario, or by an ARFF header's nominal class), or derived from the labels of the rows that
 * were <em>accepted</em>: a rejected row's label is no class, so that a malformed row labelled
 * {@code abc} cannot add an output to the network that no example ever trains.
 */
final class Classes {

    /** A class with fewer accepted rows than this is reported: it is likely a typo, or too rare to learn. */
    static final long RARE_BELOW = 5;
    /** More distinct label values than this means the label column is probably wrong. */
    static final int MAX_DERIVED = 1_000;

    private final List<String> values;
    private final Map<String, Integer> index = new HashMap<>();

    private Classes(List<String> values) {
        this.values = List.copyOf(values);
        for (int i = 0; i < this.values.size(); i++) {
            index.put(this.values.get(i), i);
        }
    }

    /**
     * @param values the classes, in class-index order
     * @return those classes
     */
    static Classes declared(List<String> values) {
        return new Classes(values);
    }

    /**
     * @param acceptedLabels each label of the accepted rows, with its number of rows
     * @return the distinct labels, sorted numerically when they are all numbers, else as text
     */
    static Classes derived(Map<String, Long> acceptedLabels) {
        boolean numbers = acceptedLabels.keySet().stream().allMatch(Classes::isNumber);
        Comparator<String> order = numbers
                ? Comparator.<String>comparingDouble(Double::parseDouble).thenComparing(Comparator.naturalOrder())
                : Comparator.naturalOrder();
        return new Classes(acceptedLabels.keySet().stream().sorted(order).toList());
    }

    /** @return the raw label values, in class-index order */
    List<String> values() {
        return values;
    }

    /**
     * @param label a raw label value
     * @return its class index, or -1 if it is not a class
     */
    int indexOf(String label) {
        return index.getOrDefault(label, -1);
    }

    /**
     * @param acceptedLabels each label of the accepted rows, with its number of rows
     * @return the classes with fewer than {@value #RARE_BELOW} accepted rows (a declared class
     *         that no row has, with 0), in class-index order
     */
    Map<String, Long> rare(Map<String, Long> acceptedLabels) {
        Map<String, Long> rare = new LinkedHashMap<>();
        for (String value : values) {
            long rows = acceptedLabels.getOrDefault(value, 0L);
            if (rows < RARE_BELOW) {
                rare.put(value, rows);
            }
        }
        return rare;
    }

    @Override
    public String toString() {
        return values.toString();
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
