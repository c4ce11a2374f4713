package dev.tributary.producer;

import dev.tributary.common.TributaryException;
import dev.tributary.common.config.ConfigException;
import dev.tributary.common.config.MissingValuePolicy;
import dev.tributary.common.data.MalformedRecordException;
import dev.tributary.common.data.MalformedRecordException.Kind;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One pass over a data set, line by line: every line after the header that is a row (not blank,
 * not a comment) is read, and either accepted or rejected with its reason. Memory stays bounded
 * by what is kept: one line at a time is read, and with {@code keep} off only counts are kept.
 *
 * <p>Counts reconcile: {@code read == accepted + rejected}. The classes derive from the
 * accepted rows only ({@link Classes}).
 *
 * @param parser         the header's reading of the rows
 * @param read           rows read
 * @param accepted       the accepted rows in file order (empty unless kept)
 * @param rejected       the rejected rows in file order (empty unless kept)
 * @param rejections     rejected rows by {@link Kind#key()}
 * @param acceptedLabels each raw label of the accepted rows, with its number of rows
 */
record DatasetScan(RowParser parser, long read, List<ParsedRow> accepted, List<RejectedRow> rejected,
                   Map<String, Long> rejections, Map<String, Long> acceptedLabels) {

    /**
     * @param file   the data set
     * @param policy what a row with a missing value becomes
     * @param keep   whether to keep the rows, or only count them
     * @return the scan
     * @throws ConfigException    if the classes are not declared and the label column has more
     *                            than {@value Classes#MAX_DERIVED} distinct values
     * @throws TributaryException if the file cannot be read or its header is unusable
     */
    static DatasetScan read(DatasetFile file, MissingValuePolicy policy, boolean keep) {
        List<ParsedRow> accepted = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>();
        Map<String, Long> rejections = new TreeMap<>();
        Map<String, Long> labels = new HashMap<>();
        long read = 0;
        try (LineReader reader = file.open()) {
            RowParser parser = file.readHeader(reader);
            boolean derived = parser.declaredClasses().isEmpty();
            for (LineReader.Line line; (line = reader.next()) != null; ) {
                if (!parser.isRow(line.text())) {
                    continue;
                }
                read++;
                try {
                    if (line.tooLong()) {
                        throw new MalformedRecordException(Kind.TOO_LONG, "a line of " + line.length()
                                + " bytes, longer than split.max-line-bytes = " + file.maxLineBytes()
                                + "; its first " + line.bytes().length + " bytes are kept");
                    }
                    ParsedRow row = parser.parse(line.text());
                    if (row.missing() > 0 && policy == MissingValuePolicy.DROP) {
                        throw new MalformedRecordException(Kind.MISSING_VALUE,
                                row.missing() + " missing value(s), dropped by missing-values=drop");
                    }
                    labels.merge(row.label(), 1L, Long::sum);
                    if (derived && labels.size() > Classes.MAX_DERIVED) {
                        throw new ConfigException(parser.labelKey(), parser.labelName(),
                                "a label column with at most " + Classes.MAX_DERIVED + " distinct values");
                    }
                    if (keep) {
                        accepted.add(row);
                    }
                } catch (MalformedRecordException e) {
                    rejections.merge(e.kind().key(), 1L, Long::sum);
                    if (keep) {
                        rejected.add(new RejectedRow(line.bytes(), file.location() + ":" + reader.lineNumber(), e.kind(),
                                e.getMessage()));
                    }
                }
            }
            return new DatasetScan(parser, read, accepted, rejected, rejections, labels);
        } catch (IOException e) {
            throw new TributaryException("cannot read data set " + file.location() + ": " + e, e);
        }
    }

    /** @return how many rows were accepted, whether they were kept or not */
    long acceptedRows() {
        return acceptedLabels.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * @return the declared classes, or else the distinct labels of the accepted rows
     * @throws ConfigException if those are fewer than two
     */
    Classes classes() {
        if (!parser.declaredClasses().isEmpty()) {
            return Classes.declared(parser.declaredClasses());
        }
        Classes classes = Classes.derived(acceptedLabels);
        ConfigException.require(classes.values().size() >= 2, parser.labelKey(), parser.labelName(),
                "a label column with two or more classes over the accepted rows, found " + classes);
        return classes;
    }
}
