package dev.tributary.producer;

import dev.tributary.common.config.DatasetSpec;
import dev.tributary.common.data.CsvLayout;
import dev.tributary.common.data.MalformedRecordException;
import dev.tributary.common.data.MalformedRecordException.Kind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvRowParserTest {

    private final CsvRowParser parser = new CsvRowParser(CsvLayout.resolve(DatasetSpec.BREAST_CANCER), "?");

    @Test
    void dropsTheIdAndMapsClassesTwoAndFourToZeroAndOne() {
        ParsedRow benign = parser.parse("1000025,5,1,1,1,2,1,3,1,1,2", "f:1");
        assertArrayEquals(new double[] {5, 1, 1, 1, 2, 1, 3, 1, 1}, benign.features());
        assertEquals(0, benign.label());
        assertEquals(1, parser.parse("1017122,8,10,10,8,7,10,9,7,1,4", "f:2").label());
    }

    @Test
    void marksTheMissingMarkerAsNaN() {
        ParsedRow row = parser.parse("1057013,8,4,5,1,2,?,7,3,1,4", "f:3");
        assertEquals(1, row.missing());
        assertTrue(Double.isNaN(row.features()[5]), "bare_nuclei is the 6th feature");
    }

    @Test
    void rejectsWithAReasonThatNamesTheColumn() {
        assertRejected(Kind.WRONG_ARITY, "expected 11 columns, found 10", "1,5,1,1,1,2,1,3,1,2");
        assertRejected(Kind.NOT_A_NUMBER, "column 'mitoses': 'x' is not a number", "1,5,1,1,1,2,1,3,1,x,2");
        assertRejected(Kind.NOT_A_NUMBER, "column 'clump_thickness': 'NaN' is not a finite number", "1,NaN,1,1,1,2,1,3,1,1,2");
        assertRejected(Kind.NOT_A_NUMBER, "'Infinity' is not a finite number", "1,5,Infinity,1,1,2,1,3,1,1,2");
        assertRejected(Kind.UNKNOWN_LABEL, "column 'class': unknown label '3', expected one of [2, 4]", "1,5,1,1,1,2,1,3,1,1,3");
        assertRejected(Kind.MALFORMED, "malformed CSV", "1,\"5,1,1,1,2,1,3,1,1,2");
    }

    private void assertRejected(Kind kind, String reason, String line) {
        MalformedRecordException e = assertThrows(MalformedRecordException.class, () -> parser.parse(line, "f:9"));
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void medianOfTheTrainingSplitImputesBothSplits() {
        ParsedRow a = new ParsedRow(new double[] {1, 10}, 0, 0, "a", "");
        ParsedRow b = new ParsedRow(new double[] {3, Double.NaN}, 0, 1, "b", "");
        ParsedRow c = new ParsedRow(new double[] {2, 30}, 1, 0, "c", "");
        ParsedRow testRow = new ParsedRow(new double[] {Double.NaN, 1000}, 1, 1, "t", "");
        long imputed = DatasetProducer.impute(java.util.List.of(a, b, c), java.util.List.of(testRow));
        assertEquals(2, imputed);
        assertEquals(20.0, b.features()[1], "median of 10 and 30; the test row's 1000 must not count");
        assertEquals(2.0, testRow.features()[0], "median of 1, 3, 2");
    }
}
