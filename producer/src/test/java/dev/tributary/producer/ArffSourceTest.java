package dev.tributary.producer;

import dev.tributary.common.TributaryException;
import dev.tributary.common.config.ArffSpec;
import dev.tributary.common.config.ConfigException;
import dev.tributary.common.config.MissingValuePolicy;
import dev.tributary.common.config.SplitConfig;
import dev.tributary.common.data.Example;
import dev.tributary.common.data.MalformedRecordException;
import dev.tributary.common.data.MalformedRecordException.Kind;
import dev.tributary.common.data.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ARFF as a source: its header, the one-hot encoding of nominal attributes, and bad rows one by one. */
class ArffSourceTest {

    @TempDir
    Path dir;

    /** Mixed case keywords, comments, quoted names and values, a nominal feature and a nominal class. */
    private static final String WEATHER = """
            % The weather data, as Weka ships it (shortened).
            @RELATION weather

            @attribute outlook {sunny, overcast, 'rainy day'}
            @Attribute 'temperature (F)' REAL   % in Fahrenheit
            @attribute humidity integer
            @attribute windy {TRUE, FALSE}
            @attribute play {yes, no}

            @DATA
            sunny,85,85,FALSE,no
            % a comment between rows
            overcast, 83 , 86, FALSE, yes
            'rainy day',70,96,FALSE,yes   % trailing comment
            ?,68,?,TRUE,no
            """;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private RowParser parser(String content, String labelColumn) throws IOException {
        return new DatasetFile.Arff(new ArffSpec(write("data.arff", content).toString(), labelColumn)).header();
    }

    @Test
    void nominalFeaturesAreOneHotAndTheNominalClassKeepsItsDeclaredOrder() throws IOException {
        RowParser parser = parser(WEATHER, null);
        assertEquals(List.of("outlook=sunny", "outlook=overcast", "outlook=rainy day", "temperature (F)", "humidity",
                "windy=TRUE", "windy=FALSE"), parser.featureNames());
        assertEquals(List.of("yes", "no"), parser.declaredClasses(), "declared order, not sorted");
        assertEquals("play", parser.labelName(), "the last attribute by default");

        ParsedRow sunny = parser.parse("sunny,85,85,FALSE,no");
        assertArrayEquals(new double[] {1, 0, 0, 85, 85, 0, 1}, sunny.features());
        assertEquals("no", sunny.label());
        assertArrayEquals(new double[] {0, 0, 1, 70, 96, 0, 1}, parser.parse("'rainy day',70,96,FALSE,yes   % c").features());
        assertArrayEquals(new double[] {0, 1, 0, 83, 86, 0, 1}, parser.parse(" overcast, 83 , 86, FALSE, yes").features());
    }

    @Test
    void aMissingValueIsNaNForThePolicyAndANominalOneSpoilsAllItsFeatures() throws IOException {
        ParsedRow row = parser(WEATHER, null).parse("?,68,?,TRUE,no");
        assertEquals(2, row.missing(), "one per attribute");
        double[] f = row.features();
        assertTrue(Double.isNaN(f[0]) && Double.isNaN(f[1]) && Double.isNaN(f[2]), "the three outlook features");
        assertEquals(68, f[3]);
        assertTrue(Double.isNaN(f[4]));
        // Quoted, '?' is a value like any other; within braces a '%' is text, after them a comment.
        RowParser quoted = parser("@relation r\n@attribute a {'?', x, 50%} % shares\n@attribute c {p, q}\n@data\n", null);
        assertEquals(List.of("a=?", "a=x", "a=50%"), quoted.featureNames());
        assertArrayEquals(new double[] {1, 0, 0}, quoted.parse("'?',p").features());
        assertArrayEquals(new double[] {0, 0, 1}, quoted.parse("'50%',p").features());
    }

    @Test
    void theClassAttributeByNameAndANumericClassOfIntegerLabels() throws IOException {
        RowParser byName = parser(WEATHER, "windy");
        assertEquals(List.of("TRUE", "FALSE"), byName.declaredClasses());
        assertEquals(List.of("outlook=sunny", "outlook=overcast", "outlook=rainy day", "temperature (F)", "humidity",
                "play=yes", "play=no"), byName.featureNames());

        RowParser numeric = parser("@relation r\n@attribute x numeric\n@attribute class numeric\n@data\n", null);
        assertEquals(List.of(), numeric.declaredClasses(), "derived from the accepted rows");
        assertEquals("1", numeric.parse("0.5,1.0").label(), "1, 1.0 and 1e0 are one class");
        assertEquals("1", numeric.parse("0.5,1e0").label());
        assertEquals("-3", numeric.parse("0.5,-3").label());
        assertRejected(numeric, Kind.UNKNOWN_LABEL, "attribute 'class': unknown label '1.5': a numeric class attribute's "
                + "labels are integers", "0.5,1.5");
        assertRejected(numeric, Kind.UNKNOWN_LABEL, "attribute 'class': unknown label '?': a label cannot be missing", "1,?");

        ConfigException none = assertThrows(ConfigException.class, () -> parser(WEATHER, "wind"));
        assertEquals("source.arff.label-column", none.field());
        assertTrue(none.problem().contains("[outlook, temperature (F), humidity, windy, play]"), none.problem());
    }

    @Test
    void badRowsAreRejectedOneByOneWithTheirReason() throws IOException {
        RowParser parser = parser(WEATHER, null);
        assertRejected(parser, Kind.MALFORMED, "sparse ARFF row ({index value, ...}): not supported", "{0 sunny, 4 no}");
        assertRejected(parser, Kind.WRONG_ARITY, "expected 5 values, found 4", "sunny,85,85,no");
        assertRejected(parser, Kind.MALFORMED, "attribute 'outlook': 'foggy' is not one of its values [sunny, overcast, "
                + "rainy day]", "foggy,85,85,FALSE,no");
        assertRejected(parser, Kind.UNKNOWN_LABEL, "attribute 'play': unknown label 'maybe', expected one of [yes, no]",
                "sunny,85,85,FALSE,maybe");
        assertRejected(parser, Kind.NOT_A_NUMBER, "attribute 'humidity': 'high' is not a number", "sunny,85,high,FALSE,no");
        assertRejected(parser, Kind.NOT_A_NUMBER, "attribute 'temperature (F)': 'NaN' is not a finite number",
                "sunny,NaN,85,FALSE,no");
        assertRejected(parser, Kind.MALFORMED, "malformed ARFF: a quote opened at character 1 is not closed on its line",
                "'rainy day,70,96,FALSE,yes");
        assertRejected(parser, Kind.MALFORMED, "malformed ARFF: text after a closing quote", "'rainy day'x,70,96,FALSE,yes");
    }

    @Test
    void aBadHeaderIsAnErrorNamingItsLine() throws IOException {
        assertHeaderError("@relation r\n@attribute name string\n@data\n", ":2: attribute 'name': type string is not supported");
        assertHeaderError("@relation r\n% note\n@attribute x nummeric\n@data\n", ":3: attribute 'x': unknown type 'nummeric'");
        assertHeaderError("@relation r\n@attribute x numeric\n@attribute x real\n@data\n", ":3: attribute 'x' is declared twice");
        assertHeaderError("@attribute x numeric\n", ":1: @attribute before @relation");
        assertHeaderError("@relation r\n@attribute c {a, b\n@data\n", ":2: attribute 'c': the values' '{' is never closed");
        assertHeaderError("@relation r\n@attribute c {a, a}\n@data\n", ":2: attribute 'c': value 'a' is declared twice");
        assertHeaderError("@relation r\nx,y\n", ":2: expected @relation, @attribute or @data, found 'x,y'");
        assertHeaderError("@relation r\n@data\n", ":2: no @attribute before @data");
        assertHeaderError("@relation r\n@attribute 'x numeric\n", ":2: a quote opened at character 12 is not closed on its line");
        assertHeaderError("@relation r\n@attribute x numeric\n", "the header has no @data line");
        assertHeaderError("@relation r\n@attribute a=b numeric\n@attribute a {b, c}\n@attribute k {p, q}\n@data\n",
                ":3: attribute 'a' makes a feature 'a=b' that another attribute already names");
    }

    private void assertHeaderError(String content, String message) throws IOException {
        TributaryException e = assertThrows(TributaryException.class, () -> parser(content, null));
        assertTrue(e.getMessage().startsWith("ARFF ") && e.getMessage().contains(message), e.getMessage());
    }

    private static void assertRejected(RowParser parser, Kind kind, String reason, String line) {
        MalformedRecordException e = assertThrows(MalformedRecordException.class, () -> parser.parse(line), line);
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void theFileThroughTheSourceBadRowsRejectedAndCountsReconciled() throws IOException {
        String content = WEATHER + "{0 sunny, 4 no}\nfoggy,1,2,TRUE,no\nsunny,1,2,TRUE\n";
        Path file = write("weather.arff", content);
        DatasetSource source = new DatasetSource(new DatasetFile.Arff(new ArffSpec(file.toString(), null)),
                new SplitConfig(0.5, MissingValuePolicy.IMPUTE, false), 0.5, 1);
        EventSequence events = source.open();
        assertEquals(7, events.read(), "comments and blank lines are not rows");
        assertEquals(4, events.events());
        assertEquals(Map.of("malformed", 2L, "wrong-arity", 1L), events.rejections());
        assertEquals(List.of(file + ":16", file + ":17", file + ":18"),
                events.rejected().stream().map(RejectedRow::source).toList());
        Schema schema = events.schema();
        assertEquals(List.of("yes", "no"), schema.classNames());
        assertEquals(schema, source.schema(), "known before the rows are read");
        List<Example> all = new ArrayList<>();
        events.forEachRemaining(all::add);
        assertEquals(List.of(1, 0, 0, 1), all.stream().map(Example::label).toList(), "file order, kept");
        // The missing outlook and humidity of the last row are imputed from the train part (the first two rows).
        assertArrayEquals(new double[] {0.5, 0.5, 0, 68, 85.5, 1, 0}, all.get(3).features());
        assertEquals(4, events.imputedValues(), "three outlook features and humidity");

        DatasetSource dropping = new DatasetSource(new DatasetFile.Arff(new ArffSpec(file.toString(), null)),
                new SplitConfig(0.5, MissingValuePolicy.DROP, false), 0.5, 1);
        assertEquals(Map.of("malformed", 2L, "missing-value", 1L, "wrong-arity", 1L), dropping.open().rejections());
        assertEquals(2, dropping.trainEvents(), "half of the three accepted rows, rounded");
    }
}
