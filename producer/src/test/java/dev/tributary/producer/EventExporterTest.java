package dev.tributary.producer;

import dev.tributary.common.config.Protocol;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.config.ScenarioFiles;
import dev.tributary.common.data.Example;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Export, then import the file as a source in file order: the same events, features bit for bit,
 * labels, order; for a generated stream and a data set, in CSV and in ARFF, under both protocols.
 */
class EventExporterTest {

    @TempDir
    Path dir;

    private static ScenarioConfig sea(Protocol protocol) {
        return ScenarioFiles.load("sea-abrupt", Map.of("source.events", 3_000L, "source.generator.drift.positions",
                List.of(1_500L), "protocol", protocol.key()));
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void aGeneratedStreamReadsBackAsTheSameEvents(ExportFormat format) throws IOException {
        for (Protocol protocol : Protocol.values()) {
            ScenarioConfig scenario = sea(protocol);
            ExportResult result = assertRoundTrip(scenario, format);
            long train = protocol == Protocol.PREQUENTIAL ? 3_000 : 1_800;
            assertEquals(new ExportResult(result.output(), format, 3_000, train, 3_000 - train, 0, Map.of()), result);
        }
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void aDataSetReadsBackAsTheSameShuffledSplitImputedEvents(ExportFormat format) throws IOException {
        ScenarioConfig scenario = ScenarioConfig.defaults();
        ExportResult result = assertRoundTrip(scenario, format);
        assertEquals(new ExportResult(result.output(), format, 699, 419, 280, 0, Map.of()), result);
        // The seed decides the order, as it does for the producer.
        ScenarioConfig otherSeed = ScenarioFiles.load("breast-cancer", Map.of("seed", 43L));
        assertNotEquals(events(scenario), events(otherSeed));
    }

    @Test
    void aCsvOfBothPartsSaysWhichEachRowIsAndTheSameScenarioWritesTheSameBytes() throws IOException {
        ScenarioConfig scenario = sea(Protocol.HOLDOUT);
        Path file = dir.resolve("sea.csv");
        EventExporter.export(scenario, ExportFormat.CSV, file);
        List<String> lines = Files.readAllLines(file);
        assertEquals("split,f1,f2,f3,class", lines.get(0));
        assertEquals(3_001, lines.size());
        assertTrue(lines.subList(1, 1_801).stream().allMatch(l -> l.startsWith("train,")), "the train part first");
        assertTrue(lines.subList(1_801, 3_001).stream().allMatch(l -> l.startsWith("test,")), "then the test part");

        Path again = dir.resolve("again.csv");
        EventExporter.export(scenario, ExportFormat.CSV, again);
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(again));

        Path arff = dir.resolve("sea.arff");
        EventExporter.export(sea(Protocol.PREQUENTIAL), ExportFormat.ARFF, arff);
        String text = Files.readString(arff, StandardCharsets.UTF_8);
        assertTrue(text.contains("@attribute class {groupA,groupB}\n\n@data\n% events: 3000 events\n"), text.substring(0, 600));
    }

    /** Exports, imports the file in file order, and checks that the events are the same; returns the export's result. */
    private ExportResult assertRoundTrip(ScenarioConfig scenario, ExportFormat format) throws IOException {
        Path file = dir.resolve(scenario.name() + "-" + scenario.protocol().key() + "." + format.key());
        ExportResult result = EventExporter.export(scenario, format, file);
        List<Example> original = events(scenario);
        ScenarioConfig imported = reimport(file, format, scenario.protocol() == Protocol.HOLDOUT);
        List<Example> readBack = events(imported);
        assertEquals(original.size(), readBack.size());
        for (int i = 0; i < original.size(); i++) {
            // Example.equals compares the features bit for bit (Arrays.equals on doubles).
            assertEquals(original.get(i), readBack.get(i), scenario.name() + " " + format + ": event " + i);
        }
        List<String> classes = SourceProducer.schema(imported).classNames();
        assertEquals(format == ExportFormat.ARFF ? SourceProducer.schema(scenario).classNames()
                : List.of("0", "1"), classes, "ARFF keeps the class names; CSV writes class indices");
        return result;
    }

    private static ScenarioConfig reimport(Path file, ExportFormat format, boolean holdout) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("location", file.toString());
        if (format == ExportFormat.CSV) {
            spec.put("has-header", true);
            spec.put("label-column", "class");
            spec.put("ignored-columns", holdout ? List.of(CsvEventWriter.SPLIT_COLUMN) : List.of());
        }
        return ScenarioFiles.load("breast-cancer", Map.of("name", "imported", "source", Map.of(format.key(), spec),
                "split.shuffle", false, "protocol", Protocol.PREQUENTIAL.key()));
    }

    private static List<Example> events(ScenarioConfig scenario) {
        List<Example> events = new ArrayList<>();
        EventSource.forScenario(scenario).open().forEachRemaining(events::add);
        return Collections.unmodifiableList(events);
    }
}
