package dev.tributary.evaluation.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tributary.common.AtomicFiles;
import dev.tributary.common.TributaryException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes results.json. Undefined metrics (NaN) are written as the string
 * {@code "NaN"}, which JSON can carry and Jackson reads back as NaN.
 */
public final class ResultsFile {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ResultsFile() {
    }

    /**
     * @param results the run
     * @param file    the destination, replaced atomically
     */
    public static void write(ExperimentResults results, Path file) {
        try {
            AtomicFiles.write(file, JSON.writeValueAsBytes(results));
        } catch (IOException e) {
            throw new TributaryException("cannot encode the results for " + file + ": " + e, e);
        }
    }

    /**
     * @param document any other results document ({@code bench.json}), written as results.json is
     * @param file     the destination, replaced atomically
     */
    public static void writeJson(Object document, Path file) {
        try {
            AtomicFiles.write(file, JSON.writeValueAsBytes(document));
        } catch (IOException e) {
            throw new TributaryException("cannot encode " + file + ": " + e, e);
        }
    }

    /**
     * @param file a results.json
     * @return the run
     * @throws TributaryException if the file is missing, unreadable or of an unknown schema version
     */
    public static ExperimentResults read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TributaryException("results file not found: " + file);
        }
        ExperimentResults results;
        try {
            results = JSON.readValue(file.toFile(), ExperimentResults.class);
        } catch (IOException e) {
            throw new TributaryException("not a readable results file " + file + ": " + e.getMessage(), e);
        }
        if (results.schemaVersion() != ExperimentResults.SCHEMA_VERSION) {
            throw new TributaryException(file + " has results schema version " + results.schemaVersion()
                    + "; this build reads version " + ExperimentResults.SCHEMA_VERSION);
        }
        return results;
    }
}
