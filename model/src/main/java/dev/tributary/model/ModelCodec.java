package dev.tributary.model;

import dev.tributary.common.provenance.ModelMetadata;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.common.AtomicFiles;
import dev.tributary.common.TributaryException;
import dev.tributary.model.internals.BoundedInputStream;
import dev.tributary.model.internals.Dl4jArchive;
import dev.tributary.model.internals.StandardizerJson;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
     * The most a decoded artifact's entries may hold together, inflated, in bytes. Records on the
     * models topic are limited to 16 MB, but a zip that size can inflate to gigabytes; each entry
     * also has a budget of its own, derived from the metadata (see {@link #decode}).
     */
    public static final long MAX_DECODED_BYTES = 256L * 1024 * 1024;
    /**
     * The most trainable parameters a decoded network may have: 4,194,304, whose floats, with
     * Adam's two moments, take 48 MiB. The tutorial's network on 30 features has about 70,000; a
     * models-topic record (16 MB) cannot hold more than about 1.4 million incompressible ones.
     */
    public static final long MAX_PARAMETERS = dev.tributary.common.config.ModelConfig.MAX_PARAMETERS;
    /** The budget of the metadata entry, in bytes: a few hundred bytes, plus one offset per partition. */
    static final long MAX_METADATA_BYTES = 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(16).maxStringLength(64 * 1024).maxNumberLength(64).build())
            .build())
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
     * either returns a complete, consistent artifact or throws {@link TributaryException}, and
     * every allocation it makes is bounded before it is made:
     * <ul>
     *   <li>{@value #METADATA_ENTRY} comes first (as {@link #encode} writes it) and holds at most
     *       {@link #MAX_METADATA_BYTES}; its feature and class counts fix the network's input and
     *       output widths;</li>
     *   <li>{@value #STANDARDIZER_ENTRY} is read value by value into two arrays of the metadata's
     *       width, and may hold at most a few dozen bytes a value;</li>
     *   <li>{@value #NETWORK_ENTRY} may hold at most what a network of {@link #MAX_PARAMETERS}
     *       takes; inside it, Deeplearning4j's configuration comes first and must describe dense
     *       layers from those inputs to those outputs, trained with Adam, of at most
     *       {@link #MAX_PARAMETERS}; then the lengths ND4J's array headers declare must equal the
     *       parameter and optimiser-state counts of that configuration and the bytes present,
     *       before ND4J allocates anything;</li>
     *   <li>another entry before those, or one of them twice, is a rejection; entries after them
     *       are never read; and all of them together inflate to at most {@link #MAX_DECODED_BYTES}.</li>
     * </ul>
     * Running out of heap or stack while decoding, which these bounds leave no way to do short of
     * a heap already nearly full, is reported as a rejection too: nothing decoded is shared, so
     * the caller can go on with its last good model.
     *
     * @param bytes the output of {@link #encode}
     * @return the model
     * @throws TributaryException if the bytes are not a model artifact of a known format within
     *                            those bounds
     */
    public static ModelArtifact decode(byte[] bytes) {
        try {
            return readArtifact(bytes);
        } catch (TributaryException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // A well-formed zip can still hold JSON with nulls or arrays of the wrong length.
            throw new TributaryException("not a model artifact: " + e, e);
        } catch (OutOfMemoryError | StackOverflowError e) {
            throw new TributaryException("not a model artifact: decoding it failed with " + e, e);
        }
    }

    /**
     * Reads only a model record's provenance, without building its network: what an evaluator of
     * served predictions needs of every version, at a fraction of the cost. Only the first entry,
     * which must be {@value #METADATA_ENTRY}, is inflated, within {@link #MAX_METADATA_BYTES}.
     *
     * @param bytes the output of {@link #encode}
     * @return the model's metadata
     * @throws TributaryException if the bytes are not a model artifact of a known format
     */
    public static ModelMetadata decodeMetadata(byte[] bytes) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            Header header = readHeader(zip);
            if (header.formatVersion() != FORMAT_VERSION || header.metadata() == null) {
                throw new TributaryException("not a model artifact of format " + FORMAT_VERSION + " with metadata");
            }
            return header.metadata();
        } catch (TributaryException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new TributaryException("not a model artifact: " + e, e);
        } catch (OutOfMemoryError | StackOverflowError e) {
            throw new TributaryException("not a model artifact: decoding it failed with " + e, e);
        }
    }

    /** The first entry, which must be the header, within its budget. */
    private static Header readHeader(ZipInputStream zip) throws IOException {
        ZipEntry first = nextEntry(zip);
        if (first == null) {
            throw missing(METADATA_ENTRY);
        }
        if (!METADATA_ENTRY.equals(first.getName())) {
            throw new TributaryException("not a model artifact: its first entry is '" + cut(first.getName())
                    + "', not " + METADATA_ENTRY);
        }
        byte[] json = new BoundedInputStream(zip, METADATA_ENTRY, MAX_METADATA_BYTES).readAllWithinLimit();
        return JSON.readValue(json, Header.class);
    }

    private static ModelArtifact readArtifact(byte[] bytes) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            Header header = readHeader(zip);
            if (header.formatVersion() != FORMAT_VERSION || header.metadata() == null) {
                // A header alone is a fragment, whatever version it claims: say what is missing.
                if (nextEntry(zip) == null) {
                    throw missing(STANDARDIZER_ENTRY);
                }
                throw header.formatVersion() != FORMAT_VERSION
                        ? new TributaryException("model artifact format " + header.formatVersion()
                                + " is not supported (this build reads format " + FORMAT_VERSION + ")")
                        : new TributaryException("not a model artifact: " + METADATA_ENTRY + " has no metadata");
            }
            ModelMetadata metadata = header.metadata();
            requireShape(metadata);
            long budget = MAX_DECODED_BYTES - MAX_METADATA_BYTES;
            Standardizer standardizer = null;
            NeuralNetwork network = null;
            while (standardizer == null || network == null) {
                ZipEntry entry = nextEntry(zip);
                if (entry == null) {
                    throw missing(standardizer == null ? STANDARDIZER_ENTRY : NETWORK_ENTRY);
                }
                String name = entry.getName();
                BoundedInputStream in;
                if (name.equals(STANDARDIZER_ENTRY) && standardizer == null) {
                    in = new BoundedInputStream(zip, name, Math.min(budget, maxStandardizerBytes(metadata.numFeatures())));
                    standardizer = Standardizer.fromState(StandardizerJson.read(in, metadata.numFeatures()));
                } else if (name.equals(NETWORK_ENTRY) && network == null) {
                    // Read in place: only the arrays its configuration calls for are ever held.
                    in = new BoundedInputStream(zip, name, Math.min(budget, Dl4jArchive.maxArchiveBytes(MAX_PARAMETERS)));
                    network = NeuralNetwork.read(in, metadata.numFeatures(), metadata.numClasses());
                } else {
                    throw new TributaryException("not a model artifact: unexpected entry '" + cut(name)
                            + "' (after " + METADATA_ENTRY + ", each of " + STANDARDIZER_ENTRY + " and "
                            + NETWORK_ENTRY + " once)");
                }
                in.drain();
                budget -= in.bytesRead();
            }
            return new ModelArtifact(network, standardizer, metadata);
        }
    }

    /**
     * The metadata's side of the architecture: an input width and a class count that some
     * network within {@link #MAX_PARAMETERS} could have (each layer has at least one weight per
     * input and per output); the network's configuration gives the rest.
     */
    private static void requireShape(ModelMetadata metadata) {
        if (metadata.numFeatures() < 1 || metadata.numClasses() < 2
                || metadata.numFeatures() >= MAX_PARAMETERS || metadata.numClasses() >= MAX_PARAMETERS) {
            throw new TributaryException("not a model artifact: its metadata describes no network of at most "
                    + MAX_PARAMETERS + " parameters (" + metadata.numFeatures() + " features, "
                    + metadata.numClasses() + " classes)");
        }
    }

    /** Two arrays of numbers in Java's shortest round-trip notation (at most 24 characters and a comma each). */
    private static long maxStandardizerBytes(int numFeatures) {
        return 4096 + 2L * 32 * numFeatures;
    }

    /** The next entry, refusing directories (a zip's directory entries have no place in the format). */
    private static ZipEntry nextEntry(ZipInputStream zip) throws IOException {
        ZipEntry entry = zip.getNextEntry();
        if (entry != null && entry.isDirectory()) {
            throw new TributaryException("not a model artifact: it holds a directory, '" + cut(entry.getName()) + "'");
        }
        return entry;
    }

    private static TributaryException missing(String name) {
        return new TributaryException("not a model artifact: entry " + name + " is missing");
    }

    private static String cut(String name) {
        return name.length() <= 40 ? name : name.substring(0, 40) + "...";
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
