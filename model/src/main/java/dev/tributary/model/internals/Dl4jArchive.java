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
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Restores a network from Deeplearning4j's own format (a zip of {@value #CONFIGURATION},
 * {@value #COEFFICIENTS} and {@value #UPDATER_STATE}, what {@code ModelSerializer.writeModel}
 * writes) when the bytes are untrusted, checking every length against the architecture the
 * caller expects before anything is allocated for it.
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
     * @param widths the layer widths the network must have, input first: features, each hidden
     *               layer, outputs; each at least 1
     * @return its trainable parameters (weights and biases of every dense layer)
     * @throws ArithmeticException if the count does not fit in a long
     */
    public static long parameterCount(long[] widths) {
        long count = 0;
        for (int i = 0; i + 1 < widths.length; i++) {
            count = Math.addExact(count, Math.addExact(Math.multiplyExact(widths[i], widths[i + 1]), widths[i + 1]));
        }
        return count;
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
     * @param bytes  Deeplearning4j's serialised network, untrusted
     * @param widths the layer widths it must have (see {@link #parameterCount}), already checked
     *               against the caller's cap on parameters
     * @return the network, with its optimiser state when the bytes hold one
     * @throws TributaryException if the bytes are anything but a network of exactly that
     *                            architecture: dense ReLU-or-other layers, Adam, float parameters
     */
    public static MultiLayerNetwork restore(byte[] bytes, long[] widths) {
        long parameters = parameterCount(widths);
        Map<String, byte[]> entries = entries(bytes, parameters);
        byte[] configuration = entries.get(CONFIGURATION);
        byte[] coefficients = entries.get(COEFFICIENTS);
        if (configuration == null || coefficients == null) {
            throw reject("it has no " + (configuration == null ? CONFIGURATION : COEFFICIENTS));
        }
        String json = new String(configuration, StandardCharsets.UTF_8);
        requireKnownClasses(json);
        MultiLayerConfiguration conf = MultiLayerConfiguration.fromJson(json);
        long updaterState = requireArchitecture(conf, widths, parameters);
        Nd4jArrayHeader.requireFloatVector(coefficients, COEFFICIENTS, parameters);
        byte[] state = entries.get(UPDATER_STATE);
        if (state != null) {
            Nd4jArrayHeader.requireFloatVector(state, UPDATER_STATE, updaterState);
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
    }

    /** The inner zip's entries, each within its budget; any other entry, or one twice, is a rejection. */
    private static Map<String, byte[]> entries(byte[] bytes, long parameters) {
        Map<String, Long> limits = Map.of(
                CONFIGURATION, MAX_CONFIGURATION_BYTES,
                COEFFICIENTS, MAX_ARRAY_HEADER_BYTES + Float.BYTES * parameters,
                // Adam keeps two moments a parameter; the exact count is checked against the configuration.
                UPDATER_STATE, MAX_ARRAY_HEADER_BYTES + 2L * Float.BYTES * parameters);
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String name = entry.getName();
                Long limit = limits.get(name);
                if (limit == null) {
                    throw reject("unexpected entry '" + (name.length() <= 40 ? name : name.substring(0, 40) + "...") + "'");
                }
                if (entries.containsKey(name)) {
                    throw reject("entry " + name + " appears twice");
                }
                entries.put(name, new BoundedInputStream(zip, "network.dl4j/" + name, limit).readAllWithinLimit());
            }
        } catch (IOException e) {
            throw reject("unreadable zip (" + e.getMessage() + ")");
        }
        return entries;
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
     * Dense layers then one output layer, of exactly the expected widths, each with Adam, and a
     * parameter count (as DL4J computes it from the configuration) equal to the architecture's.
     *
     * @return the length of the updater's state the configuration calls for
     */
    private static long requireArchitecture(MultiLayerConfiguration conf, long[] widths, long parameters) {
        List<NeuralNetConfiguration> layers = conf.getConfs();
        if (layers.size() != widths.length - 1) {
            throw reject("it has " + layers.size() + " layers, the model's configuration " + (widths.length - 1));
        }
        if (conf.getInputPreProcessors() != null && !conf.getInputPreProcessors().isEmpty()) {
            throw reject("it has input preprocessors");
        }
        long counted = 0;
        long state = 0;
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i).getLayer();
            Class<?> expected = i + 1 < layers.size() ? DenseLayer.class : OutputLayer.class;
            if (layer == null || layer.getClass() != expected) {
                throw reject("layer " + i + " is " + (layer == null ? "missing" : layer.getClass().getSimpleName())
                        + ", not a " + expected.getSimpleName());
            }
            FeedForwardLayer dense = (FeedForwardLayer) layer;
            if (dense.getNIn() != widths[i] || dense.getNOut() != widths[i + 1]) {
                throw reject("layer " + i + " maps " + dense.getNIn() + " to " + dense.getNOut() + ", expected "
                        + widths[i] + " to " + widths[i + 1]);
            }
            BaseLayer base = (BaseLayer) layer;
            if (!(base.getIUpdater() instanceof Adam) || base.getBiasUpdater() != null) {
                throw reject("layer " + i + " is not trained with Adam");
            }
            long layerParameters = layer.initializer().numParams(layers.get(i));
            counted += layerParameters;
            state += base.getIUpdater().stateSize(layerParameters);
            if (counted > parameters) {
                break;
            }
        }
        if (counted != parameters) {
            throw reject("its configuration has " + counted + " parameters, the architecture " + parameters);
        }
        return state;
    }

    private static INDArray read(byte[] checked) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(checked))) {
            return Nd4j.read(in);
        } catch (IOException e) {
            throw reject("unreadable array (" + e.getMessage() + ")");
        }
    }

    private static TributaryException reject(String why) {
        return new TributaryException("not a model artifact: network entry: " + why);
    }
}
