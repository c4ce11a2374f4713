package dev.tributary.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.common.AtomicFiles;
import dev.tributary.common.TributaryException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

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
     * @param file a JSON document written by {@link #writeJson}
     * @param type its record type
     * @param <T>  the type
     * @return the document
     * @throws TributaryException if it is missing or not one
     */
    public static <T> T readJson(Path file, Class<T> type) {
        if (!Files.isRegularFile(file)) {
            throw new TributaryException("file not found: " + file);
        }
        try {
            return JSON.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new TributaryException("not a readable " + type.getSimpleName() + " file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a results.json of a layout version this build knows
     * ({@link ExperimentResults#SUPPORTED_SCHEMA_VERSIONS}). The version is checked before the
     * rest of the file is bound, so a newer or older layout is reported as such, not as
     * whichever field happened to change.
     *
     * @param file a results.json
     * @return the run
     * @throws TributaryException if the file is missing, unreadable, or its {@code schemaVersion}
     *                            is absent or not one this build reads; the message names the file,
     *                            the version found and the versions supported
     */
    public static ExperimentResults read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TributaryException("results file not found: " + file);
        }
        try {
            JsonNode tree = JSON.readTree(file.toFile());
            if (tree == null || !tree.isObject()) {
                throw new TributaryException("not a readable results file " + file + ": not a JSON object");
            }
            checkSchemaVersion(file, tree.get("schemaVersion"));
            upgrade((ObjectNode) tree);
            return JSON.treeToValue(tree, ExperimentResults.class);
        } catch (IOException e) {
            throw new TributaryException("not a readable results file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Brings an older layout to the current one, in the tree, before binding. Version 2 learned
     * "a poll" at a time: its {@code stream.epochsPerPoll} is version 3's {@code epochs}, and its
     * increments were polls of at most {@code maxPollRecords}, recorded as {@code miniBatch}.
     */
    private static void upgrade(ObjectNode tree) {
        if (tree.get("schemaVersion").asInt() == 2 && tree.get("scenario") instanceof ObjectNode scenario
                && scenario.get("stream") instanceof ObjectNode stream) {
            JsonNode epochs = stream.remove("epochsPerPoll");
            if (epochs != null) {
                stream.set("epochs", epochs);
            }
            if (!stream.has("miniBatch") && stream.has("maxPollRecords")) {
                stream.set("miniBatch", stream.get("maxPollRecords"));
            }
        }
    }

    private static void checkSchemaVersion(Path file, JsonNode version) {
        if (version == null || !version.isIntegralNumber()
                || !ExperimentResults.SUPPORTED_SCHEMA_VERSIONS.contains(version.asInt())) {
            String supported = ExperimentResults.SUPPORTED_SCHEMA_VERSIONS.stream().sorted().map(String::valueOf)
                    .collect(Collectors.joining(", "));
            throw new TributaryException(file + " has results schemaVersion "
                    + (version == null ? "(none)" : version.toString()) + "; this build reads schemaVersion "
                    + supported + " (re-run the experiment with this build, or read the file with the build that"
                    + " wrote it)");
        }
    }
}
