package dev.tributary.producer;

import dev.tributary.common.config.DatasetSpec;
import dev.tributary.common.config.SplitConfig;
import dev.tributary.common.data.MalformedRecordException;
import dev.tributary.common.data.MalformedRecordException.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvRowParserTest {

    private final CsvRowParser parser = new CsvRowParser(DatasetSpec.BREAST_CANCER,
            CsvLayout.resolve(DatasetSpec.BREAST_CANCER, SplitConfig.DEFAULT_MAX_LINE_BYTES));

    /** Columns a, b, label; no classes declared, so any label that is not missing is taken as it is. */
    private static final DatasetSpec UNDECLARED = new DatasetSpec("u", "unused.csv", false, List.of("a", "b", "label"),
            "label", List.of(), List.of(), "?", List.of(), List.of(), "");
    private final CsvRowParser undeclared = new CsvRowParser(UNDECLARED, CsvLayout.resolve(UNDECLARED, SplitConfig.DEFAULT_MAX_LINE_BYTES));

    @Test
    void dropsTheIdAndKeepsTheRawLabel() {
        ParsedRow benign = parser.parse("1000025,5,1,1,1,2,1,3,1,1,2");
        assertArrayEquals(new double[] {5, 1, 1, 1, 2, 1, 3, 1, 1}, benign.features());
        assertEquals("2", benign.label());
        assertEquals("4", parser.parse("1017122,8,10,10,8,7,10,9,7,1,4").label());
    }

    @Test
    void marksTheMissingMarkerAsNaN() {
        ParsedRow row = parser.parse("1057013,8,4,5,1,2,?,7,3,1,4");
        assertEquals(1, row.missing());
        assertTrue(Double.isNaN(row.features()[5]), "bare_nuclei is the 6th feature");
    }

    @Test
    void rejectsWithAReasonThatNamesTheColumn() {
        assertRejected(parser, Kind.WRONG_ARITY, "expected 11 columns, found 10", "1,5,1,1,1,2,1,3,1,2");
        assertRejected(parser, Kind.NOT_A_NUMBER, "column 'mitoses': 'x' is not a number", "1,5,1,1,1,2,1,3,1,x,2");
        assertRejected(parser, Kind.NOT_A_NUMBER, "column 'clump_thickness': 'NaN' is not a finite number", "1,NaN,1,1,1,2,1,3,1,1,2");
        assertRejected(parser, Kind.NOT_A_NUMBER, "'Infinity' is not a finite number", "1,5,Infinity,1,1,2,1,3,1,1,2");
        assertRejected(parser, Kind.OUT_OF_RANGE, "column 'mitoses': '1e101' is larger in magnitude than 1.0E100",
                "1,5,1,1,1,2,1,3,1,1e101,2");
        assertRejected(parser, Kind.UNKNOWN_LABEL, "column 'class': unknown label '3', expected one of [2, 4]", "1,5,1,1,1,2,1,3,1,1,3");
    }

    @Test
    void aStrayQuoteSpoilsItsOwnLineOnly() {
        // A quote never closed: first, middle and label column, and the whole line.
        assertRejected(undeclared, Kind.MALFORMED, "malformed CSV", "\"1,2,0");
        assertRejected(undeclared, Kind.MALFORMED, "malformed CSV", "1,\"2,0");
        assertRejected(undeclared, Kind.MALFORMED, "malformed CSV", "1,2,\"0");
        assertRejected(undeclared, Kind.MALFORMED, "malformed CSV", "\"");
        // Text after a closing quote.
        assertRejected(undeclared, Kind.MALFORMED, "malformed CSV", "\"x\"y,1,0");
        assertRejected(undeclared, Kind.MALFORMED, "malformed CSV", "1,\"2\"3,0");
        assertRejected(parser, Kind.MALFORMED, "malformed CSV", "1,\"5,1,1,1,2,1,3,1,1,2");
        // Quoted fields that are well formed parse as their content, doubled quotes included.
        assertEquals("a\"b", undeclared.parse("1,2,\"a\"\"b\"").label());
        assertArrayEquals(new double[] {1, 2}, undeclared.parse("\"1\", 2 ,\"x\"").features());
    }

    @Test
    void withoutDeclaredClassesAnyLabelButAMissingOneIsTaken() {
        assertEquals("abc", undeclared.parse("1,2,abc").label());
        assertEquals("99", undeclared.parse("1,2,99").label());
        assertRejected(undeclared, Kind.UNKNOWN_LABEL, "column 'label': unknown label '': a label cannot be missing", "1,2,");
        assertRejected(undeclared, Kind.UNKNOWN_LABEL, "column 'label': unknown label '?': a label cannot be missing", "1,2,?");
    }

    private static void assertRejected(CsvRowParser parser, Kind kind, String reason, String line) {
        MalformedRecordException e = assertThrows(MalformedRecordException.class, () -> parser.parse(line), line);
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void medianOfTheTrainingSplitImputesBothSplits() {
        ParsedRow a = new ParsedRow(new double[] {1, 10}, "0", 0);
        ParsedRow b = new ParsedRow(new double[] {3, Double.NaN}, "0", 1);
        ParsedRow c = new ParsedRow(new double[] {2, 30}, "1", 0);
        ParsedRow testRow = new ParsedRow(new double[] {Double.NaN, 1000}, "1", 1);
        long imputed = DatasetSource.impute(List.of(a, b, c), List.of(testRow));
        assertEquals(2, imputed);
        assertEquals(20.0, b.features()[1], "median of 10 and 30; the test row's 1000 must not count");
        assertEquals(2.0, testRow.features()[0], "median of 1, 3, 2");
    }
}
