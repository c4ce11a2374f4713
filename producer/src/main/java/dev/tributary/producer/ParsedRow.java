package dev.tributary.producer;

/**
 * A data-set row that parsed: its features (missing ones as {@link Double#NaN}), its class
 * index, and where it came from.
 *
 * @param features    feature values in schema order; {@code NaN} marks a missing value
 * @param label       the class index
 * @param missing     how many features are missing
 * @param source      {@code location:line}, for error messages and dead letters
 * @param rawLine     the line exactly as read, for the dead-letter topic
 */
record ParsedRow(double[] features, int label, int missing, String source, String rawLine) {
}
