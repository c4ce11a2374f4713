package dev.tributary.model.internals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.tributary.common.TributaryException;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Restores a network from Deeplearning4j's own format (a zip of {@value #CONFIGURATION},
 * {@value #COEFFICIENTS} and {@value #UPDATER_STATE}, what {@code ModelSerializer.writeModel}
 * writes) when the bytes are untrusted: the configuration must describe a feed-forward network of
 * the widths the caller expects, and every length after it must match that configuration before
 * anything is allocated for it.
 *
 * <p>{@code ModelSerializer}'s reader is not used: it allocates each inner entry at the size its
 * zip header declares, lets ND4J allocate each array at the length its header declares before
 * the data is read, and deserialises a {@code preprocessor.bin} entry with Java serialisation.
 * This class takes the same steps as its {@code restoreMultiLayerNetwork} (configuration from
 * JSON, arrays with {@code Nd4j.read}, {@code init} on the parameters, the updater's state
 * set as a view), on entries it has bounded and checked first.
 */
public final class Dl4jArchive {

    static final String CONFIGURATION = "configuration.json";
    static final String COEFFICIENTS = "coefficients.bin";
    static final String UPDATER_STATE = "updaterState.bin";
    /** A configuration's JSON is about 1.5 KB a layer; this allows hundreds. */
    static final long MAX_CONFIGURATION_BYTES = 1024 * 1024;
    /** Both buffers' headers together: two short UTF strings and a long each, and at most 8 shape longs. */
    static final long MAX_ARRAY_HEADER_BYTES = 256;
    /** Class names the configuration may name (Jackson's polymorphic {@code @class}): DL4J's and ND4J's own. */
    private static final List<String> CLASS_PREFIXES = List.of("org.deeplearning4j.", "org.nd4j.");

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64).maxStringLength(64 * 1024).maxNumberLength(64).maxNameLength(256).build())
            .build();

    private Dl4jArchive() {
    }

    /**
     * @param parameters a network's parameter count
     * @return the most its entry in Deeplearning4j's format may hold, in bytes: configuration,
     *         parameters and Adam's two moments, with the zip's overhead (deflate can grow
     *         incompressible data slightly)
     */
    public static long maxArchiveBytes(long parameters) {
        long arrays = 2 * MAX_ARRAY_HEADER_BYTES + 3 * Float.BYTES * parameters;
        return MAX_CONFIGURATION_BYTES + arrays + arrays / 8 + 64 * 1024;
    }

    /**
     * @param in            Deeplearning4j's serialised network, untrusted (read, not closed)
     * @param numFeatures   the input width it must have
     * @param outputs       the output width it must have
     * @param maxParameters the most trainable parameters it may have
     * @return the network, with its optimiser state when the bytes hold one
     * @throws TributaryException if the bytes are anything but a feed-forward network of those
     *                            widths, trained with Adam, of at most that many float parameters
     */
    public static MultiLayerNetwork restore(InputStream in, long numFeatures, long outputs, long maxParameters) {
        // The bounded stream's close leaves the caller's open; closing the zip frees its inflater now.
        try (ZipInputStream zip = new ZipInputStream(new BoundedInputStream(in, "network.dl4j",
                maxArchiveBytes(maxParameters)))) {
            // DL4J writes its configuration first: what it says bounds everything after it.
            ZipEntry first = zip.getNextEntry();
            if (first == null || !CONFIGURATION.equals(first.getName())) {
                throw reject("its first entry is " + (first == null ? "missing" : "'" + cut(first.getName()) + "'")
                        + ", not " + CONFIGURATION);
            }
            String json = new String(new BoundedInputStream(zip, "network.dl4j/" + CONFIGURATION,
                    MAX_CONFIGURATION_BYTES).readAllWithinLimit(), StandardCharsets.UTF_8);
            requireKnownClasses(json);
            MultiLayerConfiguration conf = MultiLayerConfiguration.fromJson(json);
            Counts counts = requireArchitecture(conf, numFeatures, outputs, maxParameters);
            Map<String, byte[]> arrays = arrays(zip, counts);
            byte[] coefficients = arrays.get(COEFFICIENTS);
            if (coefficients == null) {
                throw reject("it has no " + COEFFICIENTS);
            }
            Nd4jArrayHeader.requireFloatVector(coefficients, COEFFICIENTS, counts.parameters());
            byte[] state = arrays.get(UPDATER_STATE);
            if (state != null) {
                Nd4jArrayHeader.requireFloatVector(state, UPDATER_STATE, counts.updaterState());
            }
            // Every length is now known to match the data present: ND4J allocates what it reads.
            INDArray params = read(coefficients);
            conf.setDataType(params.dataType());
            MultiLayerNetwork network = new MultiLayerNetwork(conf);
            network.init(params, false);
            if (state != null) {
                network.getUpdater().setStateViewArray(network, read(state), false);
            }
            return network;
        } catch (IOException e) {
            throw reject("unreadable zip (" + e.getMessage() + ")");
        }
    }

    /** A network's parameter count and the length of its optimiser's state. */
    private record Counts(long parameters, long updaterState) {
    }

    /** The entries after the configuration, each at most its exact size; any other entry, or one twice, is a rejection. */
    private static Map<String, byte[]> arrays(ZipInputStream zip, Counts counts) throws IOException {
        Map<String, Long> limits = Map.of(
                COEFFICIENTS, MAX_ARRAY_HEADER_BYTES + Float.BYTES * counts.parameters(),
                UPDATER_STATE, MAX_ARRAY_HEADER_BYTES + Float.BYTES * counts.updaterState());
        Map<String, byte[]> arrays = new HashMap<>();
        for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
            String name = entry.getName();
            Long limit = limits.get(name);
            if (limit == null) {
                throw reject("unexpected entry '" + cut(name) + "'");
            }
            if (arrays.containsKey(name)) {
                throw reject("entry " + name + " appears twice");
            }
            arrays.put(name, new BoundedInputStream(zip, "network.dl4j/" + name, limit).readAllWithinLimit());
        }
        return arrays;
    }

    /** Refuses any {@code @class} outside DL4J and ND4J before DL4J's Jackson instantiates it. */
    private static void requireKnownClasses(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            for (JsonToken token; (token = parser.nextToken()) != null; ) {
                if (token == JsonToken.FIELD_NAME && "@class".equals(parser.currentName())) {
                    String type = parser.nextToken() == JsonToken.VALUE_STRING ? parser.getText() : "";
                    if (CLASS_PREFIXES.stream().noneMatch(type::startsWith)) {
                        throw reject(CONFIGURATION + " names class '" + type + "'");
                    }
                }
            }
        } catch (IOException e) {
            throw reject(CONFIGURATION + " is not JSON (" + e.getMessage() + ")");
        }
    }

    /**
     * Dense layers then one output layer, from {@code numFeatures} to {@code outputs}, each
     * taking what the one before gives and trained with Adam; no more than {@code maxParameters}
     * parameters, counted from the widths before anything else is asked of the configuration, and
     * exactly as many as DL4J counts from it.
     */
    private static Counts requireArchitecture(MultiLayerConfiguration conf, long numFeatures, long outputs,
                                              long maxParameters) {
        List<NeuralNetConfiguration> layers = conf.getConfs();
        if (layers == null || layers.isEmpty()) {
            throw reject("it has no layers");
        }
        if (conf.getInputPreProcessors() != null && !conf.getInputPreProcessors().isEmpty()) {
            throw reject("it has input preprocessors");
        }
        long parameters = 0;
        long in = numFeatures;
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i).getLayer();
            Class<?> expected = i + 1 < layers.size() ? DenseLayer.class : OutputLayer.class;
            if (layer == null || layer.getClass() != expected) {
                throw reject("layer " + i + " is " + (layer == null ? "missing" : layer.getClass().getSimpleName())
                        + ", not a " + expected.getSimpleName());
            }
            FeedForwardLayer dense = (FeedForwardLayer) layer;
            long out = dense.getNOut();
            if (dense.getNIn() != in || out < 1 || (i + 1 == layers.size() && out != outputs)) {
                throw reject("layer " + i + " maps " + dense.getNIn() + " to " + out + " values, expected " + in
                        + " to " + (i + 1 == layers.size() ? Long.toString(outputs) : "1 or more"));
            }
            // Weights and biases; in and out are at most a long's worth each, so check before multiplying.
            if (out > maxParameters || in > maxParameters
                    || (parameters += in * out + out) > maxParameters) {
                throw reject("it has more than the " + maxParameters + " parameters a model may have");
            }
            in = out;
        }
        long counted = 0;
        long state = 0;
        for (NeuralNetConfiguration layerConf : layers) {
            BaseLayer layer = (BaseLayer) layerConf.getLayer();
            if (!(layer.getIUpdater() instanceof Adam) || layer.getBiasUpdater() != null) {
                throw reject("layer " + layer.getLayerName() + " is not trained with Adam alone");
            }
            long layerParameters = layer.initializer().numParams(layerConf);
            counted += layerParameters;
            state += layer.getIUpdater().stateSize(layerParameters);
        }
        if (counted != parameters) {
            throw reject("its configuration has " + counted + " parameters, its layers' widths " + parameters);
        }
        return new Counts(parameters, state);
    }

    private static INDArray read(byte[] checked) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(checked))) {
            return Nd4j.read(in);
        } catch (IOException e) {
            throw reject("unreadable array (" + e.getMessage() + ")");
        }
    }

    private static String cut(String name) {
        return name.length() <= 40 ? name : name.substring(0, 40) + "...";
    }

    private static TributaryException reject(String why) {
        return new TributaryException("not a model artifact: network entry: " + why);
    }
}
