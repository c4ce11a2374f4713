package dev.tributary.producer;

/**
 * A data-set row that parsed: its features (missing ones as {@link Double#NaN}) and its raw label,
 * which becomes a class index once the classes are known (see {@link Classes}).
 *
 * @param features feature values in schema order; {@code NaN} marks a missing value
 * @param label    the raw label value, as in the file
 * @param missing  how many values are missing
 */
record ParsedRow(double[] features, String label, int missing) {
}
