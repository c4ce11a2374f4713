package dev.tributary.producer;

import dev.tributary.common.config.ArffSpec;
import dev.tributary.common.config.ConfigException;
import dev.tributary.common.data.MalformedRecordException;
import dev.tributary.common.data.MalformedRecordException.Kind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses the data lines of an ARFF file against its header. Every attribute but the class is a
 * feature: a numeric one as it is; a nominal one of {@code k} values as {@code k} features named
 * {@code attr=value}, the one of its value 1 and the others 0 (one-hot), so that the network is
 * given no order among the values. A missing value ({@code ?}) is {@code NaN} for the
 * missing-value policy, all {@code k} features of a nominal one; it counts as one missing value.
 *
 * <p>The class attribute is nominal (its values are the classes, in declared order) or numeric,
 * whose values must be integers (the classes are then derived from the accepted rows, as for a
 * CSV file). Sparse rows ({@code {0 1, 3 2}}) are rejected, each with its reason.
 */
final class ArffRowParser implements RowParser {

    /** Integers beyond this are not exact as doubles: no label of a numeric class attribute may be. */
    private static final double MAX_INTEGER_LABEL = 1L << 53;

    private final List<ArffHeader.Attribute> attributes;
    private final int labelIndex;
    private final List<String> featureNames;

    /**
     * @param header the file's header
     * @param spec   which attribute is the class
     * @throws ConfigException    if there is no such attribute, or it cannot be a class
     * @throws dev.tributary.common.TributaryException naming the line, if two features would have one name
     */
    ArffRowParser(ArffHeader header, ArffSpec spec) {
        this.attributes = header.attributes();
        List<String> names = attributes.stream().map(ArffHeader.Attribute::name).toList();
        this.labelIndex = spec.labelColumn() == null ? names.size() - 1
                : Columns.indexOf(names, spec.labelColumn(), labelKey());
        ArffHeader.Attribute label = attributes.get(labelIndex);
        ConfigException.require(!label.nominal() || label.values().size() >= 2, labelKey(), label.name(),
                "a class attribute of two or more nominal values, or a numeric one ('" + label.name() + "' has "
                        + label.values() + ")");
        List<String> features = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int a = 0; a < attributes.size(); a++) {
            if (a == labelIndex) {
                continue;
            }
            ArffHeader.Attribute attribute = attributes.get(a);
            List<String> encoded = attribute.nominal()
                    ? attribute.values().stream().map(v -> attribute.name() + "=" + v).toList() : List.of(attribute.name());
            for (String name : encoded) {
                if (!seen.add(name)) {
                    throw ArffHeader.error(header.location(), attribute.line(), "attribute '" + attribute.name()
                            + "' makes a feature '" + name + "' that another attribute already names");
                }
            }
            features.addAll(encoded);
        }
        ConfigException.require(!features.isEmpty(), labelKey(), label.name(), "a class attribute with other "
                + "attributes beside it to learn from");
        this.featureNames = List.copyOf(features);
    }

    @Override
    public List<String> featureNames() {
        return featureNames;
    }

    @Override
    public List<String> declaredClasses() {
        return attributes.get(labelIndex).values();
    }

    @Override
    public List<String> classNames(List<String> classes) {
        return classes;
    }

    @Override
    public String labelKey() {
        return "source.arff.label-column";
    }

    @Override
    public String labelName() {
        return attributes.get(labelIndex).name();
    }

    @Override
    public boolean isRow(String line) {
        String text = line.strip();
        return !text.isEmpty() && !text.startsWith("%");
    }

    @Override
    public ParsedRow parse(String line) {
        if (line.strip().startsWith("{")) {
            throw new MalformedRecordException(Kind.MALFORMED, "sparse ARFF row ({index value, ...}): not supported, "
                    + "write every value of the row");
        }
        List<ArffText.Value> values;
        try {
            values = ArffText.values(line, true);
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException(Kind.MALFORMED, "malformed ARFF: " + e.getMessage());
        }
        if (values.size() != attributes.size()) {
            throw new MalformedRecordException(Kind.WRONG_ARITY, "expected " + attributes.size() + " values, found "
                    + values.size());
        }
        String label = label(values.get(labelIndex));
        double[] features = new double[featureNames.size()];
        int at = 0;
        int missing = 0;
        for (int a = 0; a < attributes.size(); a++) {
            if (a == labelIndex) {
                continue;
            }
            ArffHeader.Attribute attribute = attributes.get(a);
            ArffText.Value value = values.get(a);
            int width = attribute.nominal() ? attribute.values().size() : 1;
            if (value.missing()) {
                Arrays.fill(features, at, at + width, Double.NaN);
                missing++;
            } else if (attribute.nominal()) {
                int hot = attribute.values().indexOf(value.text());
                if (hot < 0) {
                    throw new MalformedRecordException(Kind.MALFORMED, "attribute '" + attribute.name() + "': '"
                            + MalformedRecordException.abbreviate(value.text()) + "' is not one of its values "
                            + attribute.values());
                }
                features[at + hot] = 1;
            } else {
                features[at] = FeatureValues.parse(value.text(), "attribute '" + attribute.name() + "'");
            }
            at += width;
        }
        return new ParsedRow(features, label, missing);
    }

    private String label(ArffText.Value value) {
        ArffHeader.Attribute attribute = attributes.get(labelIndex);
        String where = "attribute '" + attribute.name() + "': ";
        if (value.missing()) {
            throw new MalformedRecordException(Kind.UNKNOWN_LABEL, where + "unknown label '?': a label cannot be missing");
        }
        if (attribute.nominal()) {
            if (!attribute.values().contains(value.text())) {
                throw new MalformedRecordException(Kind.UNKNOWN_LABEL, where + "unknown label '"
                        + MalformedRecordException.abbreviate(value.text()) + "', expected one of " + attribute.values());
            }
            return value.text();
        }
        try {
            double number = Double.parseDouble(value.text());
            if (number == Math.rint(number) && Math.abs(number) <= MAX_INTEGER_LABEL) {
                // One spelling per class: 1, 1.0 and 1e0 are the same label.
                return Long.toString((long) number);
            }
        } catch (NumberFormatException e) {
            // reported below, with the values that are not integers
        }
        throw new MalformedRecordException(Kind.UNKNOWN_LABEL, where + "unknown label '"
                + MalformedRecordException.abbreviate(value.text()) + "': a numeric class attribute's labels are integers");
    }
}
