package dev.tributary.results;

import dev.tributary.common.TributaryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultsFileTest {

    @TempDir
    Path dir;

    @Test
    void theSupportedVersionsIncludeTheOneWritten() {
        assertTrue(ExperimentResults.SUPPORTED_SCHEMA_VERSIONS.contains(ExperimentResults.SCHEMA_VERSION));
    }

    @Test
    void aFileOfAnUnknownSchemaVersionIsRejectedNamingFileVersionAndSupportedVersions() throws Exception {
        Path file = dir.resolve("results-v99.json");
        try (InputStream in = ResultsFileTest.class.getResourceAsStream("results-v99.json")) {
            assertNotNull(in, "fixture results-v99.json is missing");
            Files.copy(in, file);
        }
        TributaryException e = assertThrows(TributaryException.class, () -> ResultsFile.read(file));
        assertTrue(e.getMessage().contains(file.toString()), "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains("schemaVersion 99"), "names the version found: " + e.getMessage());
        assertTrue(e.getMessage().contains("reads schemaVersion 2, 3, 4, 5, " + ExperimentResults.SCHEMA_VERSION),
                "names the versions supported: " + e.getMessage());
    }

    @Test
    void aFileWithoutASchemaVersionIsRejected() throws Exception {
        Path file = Files.writeString(dir.resolve("results.json"), "{\"runId\": \"r\", \"runs\": []}");
        TributaryException e = assertThrows(TributaryException.class, () -> ResultsFile.read(file));
        assertTrue(e.getMessage().contains("schemaVersion (none)"), e.getMessage());

        Path text = Files.writeString(dir.resolve("text.json"), "{\"schemaVersion\": \"2\", \"runs\": []}");
        assertTrue(assertThrows(TributaryException.class, () -> ResultsFile.read(text)).getMessage()
                .contains("schemaVersion \"2\""), "a version must be a number");
    }

    @Test
    void whatIsWrittenIsReadBack() {
        Path file = dir.resolve("results.json");
        ResultsFile.write(new ExperimentResults(ExperimentResults.SCHEMA_VERSION, "r", "s", "f", null, null, null, null,
                List.of(), Map.of()), file);
        assertEquals("r", ResultsFile.read(file).runId());
    }

    @Test
    void missingAndMalformedFilesAreTributaryExceptions() throws Exception {
        assertTrue(assertThrows(TributaryException.class, () -> ResultsFile.read(dir.resolve("absent.json")))
                .getMessage().startsWith("results file not found"));
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"schemaVersion\": 2, ");
        assertTrue(assertThrows(TributaryException.class, () -> ResultsFile.read(broken)).getMessage()
                .startsWith("not a readable results file"));
        Path array = Files.writeString(dir.resolve("array.json"), "[1, 2]");
        assertTrue(assertThrows(TributaryException.class, () -> ResultsFile.read(array)).getMessage()
                .contains("not a JSON object"));
    }
}
