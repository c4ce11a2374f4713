package dev.tributary.common.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuiteConfigTest {

    @Test
    void cellsAreScenariosTimesGridPointsTimesSeeds(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, """
                name: s
                scenarios:
                  - sea-abrupt
                  - {scenario: rbf-drift, settings: {source.events: 2000}}
                seeds: [7, 8]
                settings: {source.events: 4000, source.generator.drift.positions: [2000], rate.events-per-second: 0}
                grid: {stream.mini-batch: [10, 100], periodic.every: [500, 1000]}
                """);
        // rbf-drift has no drift positions, and 2,000 events: the suite's drift at 2,000 does not fit it.
        SuiteConfig suite = SuiteConfig.load(file);
        ConfigException rbf = assertThrows(ConfigException.class, suite::cells);
        assertTrue(rbf.field().startsWith("scenarios[1] (rbf-drift): drift"), rbf.getMessage());

        Files.writeString(file, """
                name: s
                scenarios:
                  - {scenario: sea-abrupt, settings: {source.events: 4000, source.generator.drift.positions: [2000]}}
                  - {scenario: rbf-drift, settings: {source.events: 2000}}
                seeds: [7, 8]
                settings: {rate.events-per-second: 0}
                grid: {stream.mini-batch: [10, 100], periodic.every: [500, 1000]}
                """);
        List<SuiteConfig.Cell> cells = SuiteConfig.load(file).cells();
        assertEquals(2 * 4 * 2, cells.size(), "2 scenarios x 4 grid points x 2 seeds");
        SuiteConfig.Cell first = cells.get(0);
        assertEquals(0, first.index());
        assertEquals(Map.of("stream.mini-batch", 10, "periodic.every", 500), first.point());
        assertEquals(7, first.config().seed());
        assertEquals(10, first.config().stream().miniBatch());
        assertEquals(4000, first.config().source().events());
        assertEquals(Path.of("sea-abrupt", "stream.mini-batch=10,periodic.every=500", "seed-7"), first.directory());
        assertEquals("sea-abrupt/stream.mini-batch=10,periodic.every=500", first.block());
        assertEquals("s-c0", first.config().name(), "a name of its own: its own topics");
        assertEquals(8, cells.get(1).config().seed(), "seeds vary fastest");
        assertEquals(1000, cells.get(2).config().periodic().every(), "then the last grid key");
        assertEquals(2000, cells.get(8).config().source().events(), "rbf-drift with its own settings");
        for (int i = 0; i < cells.size(); i++) {
            assertEquals(i, cells.get(i).index());
        }
    }

    @Test
    void aBadSuiteIsRejectedNamingTheKey(@TempDir Path dir) throws Exception {
        assertRejected(dir, "name: s\nscenarios: [sea-abrupt]\nseed: [1]\n", "seed", "unknown key");
        assertRejected(dir, "name: s\nscenarios: []\n", "scenarios", "a list");
        assertRejected(dir, "name: s\nscenarios: [sea-abrupt]\ngrid: {stream.mini-batch: []}\n", "grid.stream.mini-batch",
                "one or more values");
        ConfigException grid = cellsRejected(dir, "name: s\nscenarios: [sea-abrupt]\ngrid: {stream.mini-batch: [10, 0]}\n");
        assertEquals("grid.stream.mini-batch", grid.field(), grid.getMessage());
        ConfigException settings = cellsRejected(dir, "name: s\nscenarios: [sea-abrupt]\nsettings: {batch.epochs: -1}\n");
        assertEquals("settings.batch.epochs", settings.field(), settings.getMessage());
        ConfigException unknown = cellsRejected(dir, "name: s\nscenarios: [sea-abrupt, no-such-scenario]\n");
        assertEquals("scenarios[1]", unknown.field(), unknown.getMessage());
        assertThrows(ConfigException.class, () -> SuiteConfig.load(dir.resolve("missing.yaml")));
    }

    private static void assertRejected(Path dir, String yaml, String field, String problem) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, yaml);
        ConfigException e = assertThrows(ConfigException.class, () -> SuiteConfig.load(file), yaml);
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.problem().contains(problem), e.getMessage());
    }

    private static ConfigException cellsRejected(Path dir, String yaml) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, yaml);
        SuiteConfig suite = SuiteConfig.load(file);
        return assertThrows(ConfigException.class, suite::cells, yaml);
    }
}
