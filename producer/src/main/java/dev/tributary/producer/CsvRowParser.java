package dev.tributary.producer;

import dev.tributary.common.config.DatasetSpec;
import dev.tributary.common.data.MalformedRecordException;
import dev.tributary.common.data.MalformedRecordException.Kind;

import java.util.List;
import java.util.Objects;

/**
 * Parses one line of a CSV data set against its {@link CsvLayout}. Lines are parsed one at a
 * time (no field may span lines), so that a rejected row keeps its exact text and line number,
 * and a quote left open spoils its own line only.
 */
final class CsvRowParser implements RowParser {

    private final CsvLayout layout;
    private final String missingMarker;
    private final List<String> declaredClasses;
    private final List<String> classNames;

    /**
     * @param spec   the data set: its missing-value marker, declared classes (none: any label
     *               that is not missing, the classes being derived from the accepted rows) and their names
     * @param layout its columns
     */
    CsvRowParser(DatasetSpec spec, CsvLayout layout) {
        this.layout = layout;
        this.missingMarker = spec.missingValueMarker();
        this.declaredClasses = spec.classes();
        this.classNames = spec.classNames();
    }

    @Override
    public List<String> featureNames() {
        return layout.featureNames();
    }

    @Override
    public List<String> declaredClasses() {
        return declaredClasses;
    }

    @Override
    public List<String> classNames(List<String> classes) {
        return classNames.isEmpty() ? classes : classNames;
    }

    @Override
    public String labelKey() {
        return "source.csv.label-column";
    }

    @Override
    public String labelName() {
        return layout.labelName();
    }

    @Override
    public boolean isRow(String line) {
        return !line.isBlank();
    }

    @Override
    public ParsedRow parse(String line) {
        List<String> fields = CsvLayout.split(line);
        int expected = layout.columnNames().size();
        if (fields.size() != expected) {
            throw new MalformedRecordException(Kind.WRONG_ARITY, "expected " + expected + " columns, found " + fields.size());
        }
        String label = fields.get(layout.labelIndex());
        if (!declaredClasses.isEmpty() && !declaredClasses.contains(label)) {
            throw new MalformedRecordException(Kind.UNKNOWN_LABEL, "column '" + layout.labelName() + "': unknown label '"
                    + MalformedRecordException.abbreviate(label) + "', expected one of " + declaredClasses);
        }
        if (declaredClasses.isEmpty() && isMissing(label)) {
            throw new MalformedRecordException(Kind.UNKNOWN_LABEL, "column '" + layout.labelName() + "': unknown label '"
                    + MalformedRecordException.abbreviate(label) + "': a label cannot be missing");
        }
        List<Integer> featureIndices = layout.featureIndices();
        double[] features = new double[featureIndices.size()];
        int missing = 0;
        for (int i = 0; i < features.length; i++) {
            int column = featureIndices.get(i);
            String text = fields.get(column);
            if (isMissing(text)) {
                features[i] = Double.NaN;
                missing++;
                continue;
            }
            features[i] = FeatureValues.parse(text, "column '" + layout.columnNames().get(column) + "'");
        }
        return new ParsedRow(features, label, missing);
    }

    private boolean isMissing(String text) {
        return text.isEmpty() || Objects.equals(text, missingMarker);
    }
}
