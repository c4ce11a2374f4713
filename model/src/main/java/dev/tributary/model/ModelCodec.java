package dev.tributary.model;

import dev.tributary.common.provenance.ModelMetadata;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.common.AtomicFiles;
import dev.tributary.common.TributaryException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The one serialised form of a {@link ModelArtifact}, for files and Kafka records alike: a zip
 * holding {@value #METADATA_ENTRY} (format version and {@link ModelMetadata}, JSON),
 * {@value #STANDARDIZER_ENTRY} (JSON) and {@value #NETWORK_ENTRY} (Deeplearning4j's own format,
 * optimiser state included so that training can resume). No Java serialisation is involved.
 */
public final class ModelCodec {

    /** Bumped whenever the layout changes; readers reject versions they do not know. */
    public static final int FORMAT_VERSION = 1;
    static final String METADATA_ENTRY = "tributary-model.json";
    static final String STANDARDIZER_ENTRY = "standardizer.json";
    static final String NETWORK_ENTRY = "network.dl4j";
    /**
     * The most a decoded artifact's entries may hold, inflated, in bytes. Records on the models
     * topic are limited to 16 MB, but a zip that size can inflate to gigabytes; a reader must
     * not let a hostile or corrupt record exhaust its heap.
     */
    public static final long MAX_DECODED_BYTES = 256L * 1024 * 1024;
    private static final Set<String> ENTRIES = Set.of(METADATA_ENTRY, STANDARDIZER_ENTRY, NETWORK_ENTRY);

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private ModelCodec() {
    }

    /** The JSON header entry. */
    record Header(int formatVersion, ModelMetadata metadata) {
    }

    /**
     * @param artifact the model
     * @return its serialised form
     */
    public static byte[] encode(ModelArtifact artifact) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, METADATA_ENTRY, JSON.writeValueAsBytes(new Header(FORMAT_VERSION, artifact.metadata())));
            put(zip, STANDARDIZER_ENTRY, JSON.writeValueAsBytes(artifact.standardizer().state()));
            put(zip, NETWORK_ENTRY, artifact.network().toBytes(true));
        } catch (IOException e) {
            throw new TributaryException("cannot encode model artifact: " + e, e);
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    /**
     * Decodes untrusted bytes (a models-topic record may hold anything): whatever they hold, this
     * either returns a complete, consistent artifact or throws {@link TributaryException}; entries
     * other than the three of the format are skipped, and at most {@link #MAX_DECODED_BYTES} are
     * inflated.
     *
     * @param bytes the output of {@link #encode}
     * @return the model
     * @throws TributaryException if the bytes are not a model artifact of a known format, or inflate
     *                            to more than {@link #MAX_DECODED_BYTES}
     */
    public static ModelArtifact decode(byte[] bytes) {
        try {
            return decodeEntries(readEntries(bytes, ENTRIES));
        } catch (TributaryException e) {
            throw e;
        } catch (RuntimeException e) {
            // A well-formed zip can still hold JSON with nulls or arrays of the wrong length.
            throw new TributaryException("not a model artifact: " + e, e);
        }
    }

    /**
     * Reads only a model record's provenance, without building its network: what an evaluator of
     * served predictions needs of every version, at a fraction of the cost (same limits as
     * {@link #decode}).
     *
     * @param bytes the output of {@link #encode}
     * @return the model's metadata
     * @throws TributaryException if the bytes are not a model artifact of a known format
     */
    public static ModelMetadata decodeMetadata(byte[] bytes) {
        try {
            // The metadata is written first: the network's entry is never inflated.
            byte[] entry = readEntries(bytes, Set.of(METADATA_ENTRY)).get(METADATA_ENTRY);
            if (entry == null) {
                throw new TributaryException("not a model artifact: entry " + METADATA_ENTRY + " is missing");
            }
            Header header = JSON.readValue(entry, Header.class);
            if (header.formatVersion() != FORMAT_VERSION || header.metadata() == null) {
                throw new TributaryException("not a model artifact of format " + FORMAT_VERSION + " with metadata");
            }
            return header.metadata();
        } catch (TributaryException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new TributaryException("not a model artifact: " + e, e);
        }
    }

    /** Inflates the wanted entries (within the size limit), stopping once it has them all. */
    private static Map<String, byte[]> readEntries(byte[] bytes, Set<String> wanted) {
        Map<String, byte[]> entries = new HashMap<>();
        long inflated = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            byte[] buffer = new byte[64 * 1024];
            for (ZipEntry entry; entries.size() < wanted.size() && (entry = zip.getNextEntry()) != null; ) {
                if (!wanted.contains(entry.getName())) {
                    continue;
                }
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                for (int n; (n = zip.read(buffer)) > 0; ) {
                    inflated += n;
                    if (inflated > MAX_DECODED_BYTES) {
                        throw new TributaryException("not a model artifact: its entries inflate to more than "
                                + MAX_DECODED_BYTES + " bytes");
                    }
                    content.write(buffer, 0, n);
                }
                entries.put(entry.getName(), content.toByteArray());
            }
        } catch (IOException e) {
            throw new TributaryException("not a model artifact (unreadable zip): " + e.getMessage(), e);
        }
        return entries;
    }

    private static ModelArtifact decodeEntries(Map<String, byte[]> entries) {
        for (String name : new String[] {METADATA_ENTRY, STANDARDIZER_ENTRY, NETWORK_ENTRY}) {
            if (!entries.containsKey(name)) {
                throw new TributaryException("not a model artifact: entry " + name + " is missing");
            }
        }
        try {
            Header header = JSON.readValue(entries.get(METADATA_ENTRY), Header.class);
            if (header.formatVersion() != FORMAT_VERSION) {
                throw new TributaryException("model artifact format " + header.formatVersion()
                        + " is not supported (this build reads format " + FORMAT_VERSION + ")");
            }
            ModelMetadata metadata = header.metadata();
            if (metadata == null) {
                throw new TributaryException("not a model artifact: " + METADATA_ENTRY + " has no metadata");
            }
            Standardizer standardizer = Standardizer.fromState(
                    JSON.readValue(entries.get(STANDARDIZER_ENTRY), Standardizer.State.class));
            if (standardizer.mean().length != metadata.numFeatures()) {
                throw new TributaryException("model artifact: standardizer has " + standardizer.mean().length
                        + " features, metadata says " + metadata.numFeatures());
            }
            NeuralNetwork network = NeuralNetwork.fromBytes(entries.get(NETWORK_ENTRY), metadata.numFeatures(),
                    metadata.numClasses());
            return new ModelArtifact(network, standardizer, metadata);
        } catch (IOException | IllegalArgumentException e) {
            throw new TributaryException("not a model artifact: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the artifact so that a reader (or a crash) never sees half a file: to a temporary
     * sibling first, then an atomic rename.
     *
     * @param artifact the model
     * @param file     the destination
     */
    public static void write(ModelArtifact artifact, Path file) {
        AtomicFiles.write(file, encode(artifact));
    }

    /**
     * @param file a file written by {@link #write}
     * @return the model
     * @throws TributaryException if the file is missing or not a model artifact
     */
    public static ModelArtifact read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TributaryException("model file not found: " + file);
        }
        try {
            return decode(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new TributaryException("cannot read model file " + file + ": " + e, e);
        }
    }
}
