package dev.tributary.producer;

import dev.tributary.common.TributaryException;
import dev.tributary.common.config.ConfigException;
import dev.tributary.common.config.DatasetSpec;
import dev.tributary.common.data.DatasetFiles;
import dev.tributary.common.data.MalformedRecordException;
import dev.tributary.common.data.MalformedRecordException.Kind;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A CSV {@link DatasetSpec} resolved against its file's first record: which column is the label
 * and which are features. Only the head of the file is read; the classes come from the rows
 * (see {@link Classes}).
 *
 * <p>A record is one line: a quoted field cannot span lines, so that a quote left open makes its
 * own line malformed and nothing else, and a line is never buffered beyond its end.
 *
 * @param columnNames    every column of the file, in order
 * @param labelIndex     the 0-based index of the label column
 * @param featureIndices the 0-based indices of the feature columns, in schema order
 */
record CsvLayout(List<String> columnNames, int labelIndex, List<Integer> featureIndices) {

    /** The CSV dialect of every data set: RFC 4180 with surrounding spaces trimmed. */
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setTrim(true).setIgnoreEmptyLines(true).get();

    CsvLayout {
        columnNames = List.copyOf(columnNames);
        featureIndices = List.copyOf(featureIndices);
    }

    /**
     * @param spec         the data set
     * @param maxLineBytes the longest line read
     * @return its layout, from its header (or, without one, from its first line that is a CSV record)
     * @throws ConfigException    if a named column does not exist
     * @throws TributaryException if the file cannot be read, is empty, or its header is not a CSV
     *                            record, or names a column twice
     */
    static CsvLayout resolve(DatasetSpec spec, int maxLineBytes) {
        List<String> columns = columnNames(spec, maxLineBytes);
        requireDistinct(columns, spec);
        int label = Columns.indexOf(columns, spec.labelColumn(), "source.csv.label-column");
        Set<Integer> ignored = new LinkedHashSet<>();
        for (String column : spec.ignoredColumns()) {
            ignored.add(Columns.indexOf(columns, column, "source.csv.ignored-columns"));
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
                int index = Columns.indexOf(columns, column, "source.csv.features");
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
        return new CsvLayout(columns, label, features);
    }

    /** @return the names of the feature columns, in schema order */
    List<String> featureNames() {
        return featureIndices.stream().map(columnNames::get).toList();
    }

    /** @return the name of the label column */
    String labelName() {
        return columnNames.get(labelIndex);
    }

    /**
     * @param line one line of the file
     * @return its fields
     * @throws MalformedRecordException if the line is not one CSV record (a quote never closed,
     *                                  text after a closing quote)
     */
    static List<String> split(String line) {
        try (CSVParser parser = CSVParser.parse(line, FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new MalformedRecordException(Kind.MALFORMED, "expected one CSV record on the line, found " + records.size());
            }
            return records.get(0).toList();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new MalformedRecordException(Kind.MALFORMED, "malformed CSV: " + e.getMessage());
        }
    }

    /** A column named twice could be either of them: which one is the label, or a feature, is a guess. */
    private static void requireDistinct(List<String> columns, DatasetSpec spec) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            Integer earlier = first.putIfAbsent(columns.get(i), i);
            if (earlier != null) {
                throw new TributaryException("data set " + spec.location() + ": " + (spec.hasHeader() ? "the header" : "source.csv.column-names")
                        + " names column '" + columns.get(i) + "' twice (columns " + earlier + " and " + i
                        + ", 0-based): rename one");
            }
        }
    }

    private static List<String> columnNames(DatasetSpec spec, int maxLineBytes) {
        if (!spec.hasHeader() && !spec.columnNames().isEmpty()) {
            return spec.columnNames();
        }
        try (LineReader reader = new LineReader(DatasetFiles.openStream(spec.location()), spec.location(), maxLineBytes)) {
            for (LineReader.Line line; (line = spec.hasHeader() ? reader.nextHeader() : reader.next()) != null; ) {
                // Without a header, a line too long is a row like any other, rejected on its own.
                if (line.text().isBlank() || line.tooLong()) {
                    continue;
                }
                List<String> fields;
                try {
                    fields = split(line.text());
                } catch (MalformedRecordException e) {
                    if (spec.hasHeader()) {
                        throw new TributaryException("data set " + spec.location() + ":" + reader.lineNumber()
                                + ": the header is not a CSV record: " + e.getMessage());
                    }
                    // Without a header this line is a row like any other, rejected on its own;
                    // the first line that is a record gives the number of columns.
                    continue;
                }
                return spec.hasHeader() ? fields : IntStream.range(0, fields.size()).mapToObj(i -> "c" + i).toList();
            }
        } catch (IOException e) {
            throw new TributaryException("cannot read data set " + spec.location() + ": " + e, e);
        }
        throw new TributaryException("data set " + spec.location() + " has no " + (spec.hasHeader() ? "header" : "CSV record"));
    }
}
