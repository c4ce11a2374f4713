package dev.tributary.common.data;

import dev.tributary.common.TributaryException;
import dev.tributary.common.config.ConfigException;
import dev.tributary.common.config.DatasetSpec;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@link DatasetSpec} resolved against its file: which column is the label, which are
 * features, and which raw label value is which class. Every stage that needs the data set's
 * {@link Schema} resolves the same spec and gets the same layout.
 *
 * @param columnNames   every column of the file, in order
 * @param labelIndex    the 0-based index of the label column
 * @param featureIndices the 0-based indices of the feature columns, in schema order
 * @param classIndex    raw label value → class index
 * @param schema        the resulting schema
 */
public record CsvLayout(List<String> columnNames, int labelIndex, List<Integer> featureIndices,
                        Map<String, Integer> classIndex, Schema schema) {

    /** More distinct label values than this means the label column is probably wrong. */
    static final int MAX_INFERRED_CLASSES = 1_000;

    /** The CSV dialect of every data set: RFC 4180 with surrounding spaces trimmed. */
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setTrim(true).setIgnoreEmptyLines(true).get();

    /**
     * @param spec the data set
     * @return its layout; reads the header, and scans the label column when the classes are not given
     * @throws ConfigException     if a named column does not exist
     * @throws TributaryException  if the file cannot be read
     */
    public static CsvLayout resolve(DatasetSpec spec) {
        List<String> columns = columnNames(spec);
        int label = columnIndex(columns, spec.labelColumn(), "source.csv.label-column");
        Set<Integer> ignored = new LinkedHashSet<>();
        for (String column : spec.ignoredColumns()) {
            ignored.add(columnIndex(columns, column, "source.csv.ignored-columns"));
        }
        List<Integer> features = new ArrayList<>();
        if (spec.features().isEmpty()) {
            for (int i = 0; i < columns.size(); i++) {
                if (i != label && !ignored.contains(i)) {
                    features.add(i);
                }
            }
        } else {
            for (String column : spec.features()) {
                int index = columnIndex(columns, column, "source.csv.features");
                if (index == label || ignored.contains(index) || features.contains(index)) {
                    throw new ConfigException("source.csv.features", column,
                            "a column that is neither the label, nor ignored, nor listed twice");
                }
                features.add(index);
            }
        }
        if (features.isEmpty()) {
            throw new ConfigException("source.csv.ignored-columns", spec.ignoredColumns(), "at least one feature column left");
        }
        List<String> featureNames = features.stream().map(columns::get).toList();
        List<String> classes = spec.classes().isEmpty() ? inferClasses(spec, label) : spec.classes();
        if (classes.size() < 2) {
            throw new ConfigException("source.csv.classes", classes, "two or more classes (label column '"
                    + columns.get(label) + "')");
        }
        Map<String, Integer> classIndex = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            classIndex.put(classes.get(i), i);
        }
        List<String> classNames = spec.classNames().isEmpty() ? classes : spec.classNames();
        return new CsvLayout(List.copyOf(columns), label, List.copyOf(features), Map.copyOf(classIndex),
                new Schema(featureNames, classNames));
    }

    private static List<String> columnNames(DatasetSpec spec) {
        if (!spec.hasHeader() && !spec.columnNames().isEmpty()) {
            return spec.columnNames();
        }
        try (BufferedReader reader = DatasetFiles.open(spec.location());
             CSVParser parser = CSVParser.parse(reader, FORMAT)) {
            var it = parser.iterator();
            if (!it.hasNext()) {
                throw new TributaryException("data set " + spec.location() + " is empty");
            }
            CSVRecord first = it.next();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < first.size(); i++) {
                names.add(spec.hasHeader() ? first.get(i) : "c" + i);
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int columnIndex(List<String> columns, String column, String field) {
        int byName = columns.indexOf(column);
        if (byName >= 0) {
            return byName;
        }
        try {
            int parsed = Integer.parseInt(column);
            int index = parsed < 0 ? columns.size() + parsed : parsed;
            if (index >= 0 && index < columns.size()) {
                return index;
            }
        } catch (NumberFormatException ignored) {
            // not an index either: reported below with the columns that exist
        }
        throw new ConfigException(field, column, "a column name in " + columns + " or an index in [0, " + columns.size()
                + ") (negative counts from the end)");
    }

    /** Distinct label values, sorted numerically when they are all numbers, else as text. */
    private static List<String> inferClasses(DatasetSpec spec, int label) {
        Set<String> values = new TreeSet<>(LABEL_ORDER);
        try (BufferedReader reader = DatasetFiles.open(spec.location());
             CSVParser parser = CSVParser.parse(reader, FORMAT)) {
            boolean first = true;
            for (CSVRecord row : parser) {
                if (first && spec.hasHeader()) {
                    first = false;
                    continue;
                }
                first = false;
                if (label < row.size() && !row.get(label).isEmpty() && !row.get(label).equals(spec.missingValueMarker())) {
                    values.add(row.get(label));
                    if (values.size() > MAX_INFERRED_CLASSES) {
                        throw new ConfigException("source.csv.label-column", spec.labelColumn(),
                                "a column with at most " + MAX_INFERRED_CLASSES + " distinct values");
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new TributaryException("cannot read data set " + spec.location() + ": " + e.getMessage(), e);
        }
        return List.copyOf(values);
    }

    private static final Comparator<String> LABEL_ORDER = (a, b) -> {
        try {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b)) != 0
                    ? Double.compare(Double.parseDouble(a), Double.parseDouble(b)) : a.compareTo(b);
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    };
}
