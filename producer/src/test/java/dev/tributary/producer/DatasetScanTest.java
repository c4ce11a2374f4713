package dev.tributary.producer;

import dev.tributary.common.TributaryException;
import dev.tributary.common.config.ConfigException;
import dev.tributary.common.config.DatasetSpec;
import dev.tributary.common.config.MissingValuePolicy;
import dev.tributary.common.config.SplitConfig;
import dev.tributary.common.data.MalformedRecordException.Kind;
import dev.tributary.common.data.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One pass over a CSV file: row by row, whatever a line holds, with classes from the accepted rows only. */
class DatasetScanTest {

    @TempDir
    Path dir;

    private DatasetSpec csv(String content, List<String> classes) throws IOException {
        Path file = dir.resolve("data.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return new DatasetSpec("data", file.toString(), true, List.of(), "label", List.of(), List.of(), "?", classes,
                List.of(), "");
    }

    private static DatasetScan scan(DatasetSpec spec, MissingValuePolicy policy) {
        return DatasetScan.read(new DatasetFile.Csv(spec), policy, true);
    }

    private static Schema schema(DatasetSpec spec, MissingValuePolicy policy) {
        return new DatasetSource(new DatasetFile.Csv(spec), new SplitConfig(0.5, policy, false), 0.5, 1).schema();
    }

    @Test
    void aQuoteThatNeverClosesSpoilsItsLineAndTheRestOfTheFileIsRead() throws IOException {
        DatasetSpec spec = csv(String.join("\n",
                "a,b,label",
                "1,2,0",
                "\"3,4,1",          // never closed: this line only
                "5,6,1",
                "\"x\"y,1,0",       // text after the closing quote
                "7,\"8,1",
                "9,10,0") + "\n", List.of());
        DatasetScan scan = scan(spec, MissingValuePolicy.IMPUTE);

        assertEquals(6, scan.read());
        assertEquals(3, scan.accepted().size());
        assertEquals(3, scan.rejected().size());
        assertEquals(scan.read(), scan.accepted().size() + scan.rejected().size(), "rows read = accepted + rejected");
        assertEquals(Map.of("malformed", 3L), scan.rejections());
        assertEquals(List.of(spec.location() + ":3", spec.location() + ":5", spec.location() + ":6"),
                scan.rejected().stream().map(RejectedRow::source).toList());
        assertEquals("\"3,4,1", new String(scan.rejected().get(0).bytes(), StandardCharsets.UTF_8), "the line as it was");
        scan.rejected().forEach(r -> assertTrue(r.reason().startsWith("malformed CSV: "), r.reason()));
        assertEquals(List.of("0", "1", "0"), scan.accepted().stream().map(ParsedRow::label).toList());
        assertEquals(9.0, scan.accepted().get(2).features()[0], "the last line was read");
    }

    @Test
    void theClassesComeFromTheAcceptedRowsOnly() throws IOException {
        StringBuilder content = new StringBuilder("a,b,label\n");
        for (int i = 0; i < 30; i++) {
            content.append(i).append(',').append(i % 7).append(',').append(i % 3).append('\n');
        }
        content.append("oops,1,abc\n");     // not a number: its label is no class
        content.append("1,2,3,99\n");       // wrong arity
        content.append("\"1,2,77\n");       // malformed
        content.append("1,,55\n");          // dropped for its missing value
        content.append("1,2,9\n");          // accepted, but rare
        DatasetSpec spec = csv(content.toString(), List.of());
        DatasetScan scan = scan(spec, MissingValuePolicy.DROP);

        Classes classes = scan.classes();
        assertEquals(List.of("0", "1", "2", "9"), classes.values(), "sorted numerically; no rejected row's label");
        assertEquals(Map.of("9", 1L), classes.rare(scan.acceptedLabels()), "a class of fewer than 5 rows, with its count");
        assertEquals(Map.of("not-a-number", 1L, "wrong-arity", 1L, "malformed", 1L, "missing-value", 1L), scan.rejections());
        assertEquals(35, scan.read());
        assertEquals(31, scan.acceptedRows());
        assertEquals(List.of("0", "1", "2", "9"), schema(spec, MissingValuePolicy.DROP).classNames());
        assertEquals(List.of("0", "1", "2", "9", "55"), schema(spec, MissingValuePolicy.IMPUTE).classNames(),
                "imputed, the row with a missing value is accepted, and so is its label");
    }

    @Test
    void declaredClassesRejectOtherLabelsAndReportTheRareOnes() throws IOException {
        DatasetSpec spec = csv("a,b,label\n1,2,yes\n3,4,maybe\n5,6,yes\n", List.of("no", "yes"));
        DatasetScan scan = scan(spec, MissingValuePolicy.IMPUTE);
        assertEquals(Map.of("unknown-label", 1L), scan.rejections());
        assertEquals(Kind.UNKNOWN_LABEL, scan.rejected().get(0).kind());
        Classes classes = scan.classes();
        assertEquals(List.of("no", "yes"), classes.values());
        assertEquals(Map.of("no", 0L, "yes", 2L), classes.rare(scan.acceptedLabels()));
    }

    @Test
    void fewerThanTwoClassesAmongTheAcceptedRowsIsAnError() throws IOException {
        DatasetSpec spec = csv("a,b,label\n1,2,0\n3,4,0\nx,5,1\n", List.of());
        ConfigException e = assertThrows(ConfigException.class, () -> scan(spec, MissingValuePolicy.IMPUTE).classes());
        assertEquals("source.csv.label-column", e.field());
        assertTrue(e.problem().contains("got label, expected a label column with two or more classes over the accepted "
                + "rows, found [0]"), e.problem());
    }

    @Test
    void theHeaderIsTheFirstLineThatIsNotBlankAndMustBeARecord() throws IOException {
        DatasetSpec blankFirst = csv("\n  \na,b,label\n1,2,0\n", List.of());
        assertEquals(List.of("a", "b", "label"), CsvLayout.resolve(blankFirst, SplitConfig.DEFAULT_MAX_LINE_BYTES).columnNames());
        assertEquals(1, scan(blankFirst, MissingValuePolicy.IMPUTE).read(), "the header is not a row");

        DatasetSpec badHeader = csv("a,\"b,label\n1,2,0\n", List.of());
        TributaryException e = assertThrows(TributaryException.class, () -> CsvLayout.resolve(badHeader, SplitConfig.DEFAULT_MAX_LINE_BYTES));
        assertTrue(e.getMessage().startsWith("data set " + badHeader.location() + ":1: the header is not a CSV record"),
                e.getMessage());
    }

    @Test
    void aLineTooLongIsRejectedOnItsOwnWithItsStartAndTheCountsReconcile() throws IOException {
        String huge = "1," + "2".repeat(3_000_000) + ",0";
        DatasetSpec spec = csv("a,b,label\n1,2,0\n" + huge + "\n3,4,1\n", List.of());
        DatasetScan scan = DatasetScan.read(new DatasetFile.Csv(spec, 4096), MissingValuePolicy.IMPUTE, true);
        assertEquals(3, scan.read());
        assertEquals(2, scan.accepted().size());
        assertEquals(Map.of("too-long", 1L), scan.rejections());
        RejectedRow rejected = scan.rejected().get(0);
        assertEquals(spec.location() + ":3", rejected.source());
        assertEquals(LineReader.PREVIEW_BYTES, rejected.bytes().length, "the dead-letter record holds its start only");
        assertTrue(rejected.reason().contains("a line of " + huge.length() + " bytes, longer than split.max-line-bytes = 4096"),
                rejected.reason());
    }

    @Test
    void aHeaderThatNamesAColumnTwiceIsRefusedNamingIt() throws IOException {
        DatasetSpec spec = csv("a,label,a\n1,0,2\n", List.of());
        TributaryException e = assertThrows(TributaryException.class,
                () -> CsvLayout.resolve(spec, SplitConfig.DEFAULT_MAX_LINE_BYTES));
        assertTrue(e.getMessage().contains("names column 'a' twice (columns 0 and 2, 0-based)"), e.getMessage());
    }

    @Test
    void aByteOrderMarkDoesNotHideTheFirstColumnsName() throws IOException {
        Path file = dir.resolve("bom.csv");
        Files.write(file, ("\ufefflabel,a\n0,1\n1,2\n").getBytes(StandardCharsets.UTF_8));
        DatasetSpec spec = new DatasetSpec("bom", file.toString(), true, List.of(), "label", List.of(), List.of(), null,
                List.of(), List.of(), "");
        assertEquals(List.of("label", "a"), CsvLayout.resolve(spec, SplitConfig.DEFAULT_MAX_LINE_BYTES).columnNames());
        assertEquals(2, scan(spec, MissingValuePolicy.IMPUTE).accepted().size());
    }

    @Test
    void withoutAHeaderTheFirstRecordGivesTheColumnsAndAMalformedFirstLineIsARow() throws IOException {
        Path file = dir.resolve("raw.data");
        Files.writeString(file, "\"1,2,0\n3,4,1\n");
        DatasetSpec spec = new DatasetSpec("raw", file.toString(), false, List.of(), "-1", List.of(), List.of(), null,
                List.of(), List.of(), "");
        assertEquals(List.of("c0", "c1", "c2"), CsvLayout.resolve(spec, SplitConfig.DEFAULT_MAX_LINE_BYTES).columnNames());
        DatasetScan scan = scan(spec, MissingValuePolicy.IMPUTE);
        assertEquals(2, scan.read());
        assertEquals(Map.of("malformed", 1L), scan.rejections());
    }

    @Test
    void derivedClassesAreSortedAsTextUnlessEveryOneIsANumber() {
        assertEquals(List.of("2", "10", "1e3"), Classes.derived(Map.of("10", 1L, "2", 1L, "1e3", 1L)).values());
        assertEquals(List.of("10", "1a", "2"), Classes.derived(Map.of("10", 1L, "2", 1L, "1a", 1L)).values());
        assertEquals(-1, Classes.declared(List.of("a", "b")).indexOf("c"));
        assertEquals(1, Classes.declared(List.of("a", "b")).indexOf("b"));
    }
}
