package dev.tributary.producer;

import dev.tributary.common.data.CsvLayout;
import dev.tributary.common.data.ExampleCodec;
import dev.tributary.common.data.MalformedRecordException;
import dev.tributary.common.data.MalformedRecordException.Kind;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * Parses one line of a CSV data set against its {@link CsvLayout}. Lines are parsed one at a
 * time (no field may span lines), so that a rejected row keeps its exact text and line number.
 */
final class CsvRowParser {

    private final CsvLayout layout;
    private final String missingMarker;

    CsvRowParser(CsvLayout layout, String missingMarker) {
        this.layout = layout;
        this.missingMarker = missingMarker;
    }

    /**
     * @param line   the line as read
     * @param source {@code location:line}
     * @return the parsed row
     * @throws MalformedRecordException naming the column and value, if the row cannot be used
     */
    ParsedRow parse(String line, String source) {
        List<String> fields = split(line);
        int expected = layout.columnNames().size();
        if (fields.size() != expected) {
            throw new MalformedRecordException(Kind.WRONG_ARITY, "expected " + expected + " columns, found " + fields.size());
        }
        String rawLabel = fields.get(layout.labelIndex());
        Integer label = layout.classIndex().get(rawLabel);
        if (label == null) {
            throw new MalformedRecordException(Kind.UNKNOWN_LABEL, "column '" + layout.columnNames().get(layout.labelIndex())
                    + "': unknown label '" + MalformedRecordException.abbreviate(rawLabel) + "', expected one of "
                    + layout.classIndex().keySet().stream().sorted().toList());
        }
        List<Integer> featureIndices = layout.featureIndices();
        double[] features = new double[featureIndices.size()];
        int missing = 0;
        for (int i = 0; i < features.length; i++) {
            int column = featureIndices.get(i);
            String text = fields.get(column);
            if (text.isEmpty() || Objects.equals(text, missingMarker)) {
                features[i] = Double.NaN;
                missing++;
                continue;
            }
            features[i] = number(text, layout.columnNames().get(column));
        }
        return new ParsedRow(features, label, missing, source, line);
    }

    private static double number(String text, String column) {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new MalformedRecordException(Kind.NOT_A_NUMBER, "column '" + column + "': '" + MalformedRecordException.abbreviate(text) + "' is not a number");
        }
        if (!Double.isFinite(value)) {
            throw new MalformedRecordException(Kind.NOT_A_NUMBER, "column '" + column + "': '" + MalformedRecordException.abbreviate(text) + "' is not a finite number");
        }
        if (Math.abs(value) > ExampleCodec.MAX_MAGNITUDE) {
            throw new MalformedRecordException(Kind.OUT_OF_RANGE, "column '" + column + "': '"
                    + MalformedRecordException.abbreviate(text) + "' is larger in magnitude than " + ExampleCodec.MAX_MAGNITUDE);
        }
        return value;
    }

    private static List<String> split(String line) {
        try (CSVParser parser = CSVParser.parse(line, CsvLayout.FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new MalformedRecordException(Kind.MALFORMED, "expected one CSV record on the line, found " + records.size());
            }
            return records.get(0).toList();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new MalformedRecordException(Kind.MALFORMED, "malformed CSV: " + e.getMessage());
        }
    }
}
