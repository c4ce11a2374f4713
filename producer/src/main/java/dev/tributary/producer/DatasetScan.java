package dev.tributary.producer;

import dev.tributary.common.TributaryException;
import dev.tributary.common.config.ConfigException;
import dev.tributary.common.config.DatasetSpec;
import dev.tributary.common.config.MissingValuePolicy;
import dev.tributary.common.data.DatasetFiles;
import dev.tributary.common.data.MalformedRecordException;
import dev.tributary.common.data.MalformedRecordException.Kind;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One pass over a data set, line by line: every line that is a row (neither the header nor
 * blank) is read, and either accepted or rejected with its reason. Memory stays bounded by what
 * is kept: one line at a time is read, and with {@code keep} off only counts are kept.
 *
 * <p>Counts reconcile: {@code read == accepted + rejected}. The classes derive from the
 * accepted rows only ({@link Classes}).
 *
 * @param read           rows read
 * @param accepted       the accepted rows in file order (empty unless kept)
 * @param rejected       the rejected rows in file order (empty unless kept)
 * @param rejections     rejected rows by {@link Kind#key()}
 * @param acceptedLabels each raw label of the accepted rows, with its number of rows
 */
record DatasetScan(long read, List<ParsedRow> accepted, List<RejectedRow> rejected, Map<String, Long> rejections,
                   Map<String, Long> acceptedLabels) {

    /**
     * @param spec   the data set
     * @param layout its columns
     * @param policy what a row with a missing value becomes
     * @param keep   whether to keep the rows, or only count them
     * @return the scan
     * @throws ConfigException    if the classes are not declared and the label column has more
     *                            than {@value Classes#MAX_DERIVED} distinct values
     * @throws TributaryException if the file cannot be read
     */
    static DatasetScan read(DatasetSpec spec, CsvLayout layout, MissingValuePolicy policy, boolean keep) {
        CsvRowParser parser = new CsvRowParser(spec, layout);
        List<ParsedRow> accepted = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>();
        Map<String, Long> rejections = new TreeMap<>();
        Map<String, Long> labels = new HashMap<>();
        long read = 0;
        boolean header = spec.hasHeader();
        try (LineReader reader = new LineReader(DatasetFiles.openStream(spec.location()))) {
            for (LineReader.Line line; (line = reader.next()) != null; ) {
                if (line.text().isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                read++;
                try {
                    ParsedRow row = parser.parse(line.text());
                    if (row.missing() > 0 && policy == MissingValuePolicy.DROP) {
                        throw new MalformedRecordException(Kind.MISSING_VALUE,
                                row.missing() + " missing value(s), dropped by missing-values=drop");
                    }
                    labels.merge(row.label(), 1L, Long::sum);
                    if (spec.classes().isEmpty() && labels.size() > Classes.MAX_DERIVED) {
                        throw new ConfigException("source.csv.label-column", spec.labelColumn(),
                                "a column with at most " + Classes.MAX_DERIVED + " distinct values");
                    }
                    if (keep) {
                        accepted.add(row);
                    }
                } catch (MalformedRecordException e) {
                    rejections.merge(e.kind().key(), 1L, Long::sum);
                    if (keep) {
                        rejected.add(new RejectedRow(line.bytes(), spec.location() + ":" + reader.lineNumber(), e.kind(),
                                e.getMessage()));
                    }
                }
            }
        } catch (IOException e) {
            throw new TributaryException("cannot read data set " + spec.location() + ": " + e, e);
        }
        return new DatasetScan(read, accepted, rejected, rejections, labels);
    }

    /** @return how many rows were accepted, whether they were kept or not */
    long acceptedRows() {
        return acceptedLabels.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * @param spec   the data set
     * @param layout its columns
     * @return its declared classes, or else the distinct labels of the accepted rows
     * @throws ConfigException if there are fewer than two
     */
    Classes classes(DatasetSpec spec, CsvLayout layout) {
        Classes classes = spec.classes().isEmpty() ? Classes.derived(acceptedLabels) : Classes.declared(spec.classes());
        if (classes.values().size() < 2) {
            throw new ConfigException("source.csv.classes", classes, "two or more classes (label column '"
                    + layout.labelName() + "'" + (spec.classes().isEmpty() ? ", over the accepted rows" : "") + ")");
        }
        return classes;
    }
}
