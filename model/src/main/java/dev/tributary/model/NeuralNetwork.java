package dev.tributary.model;

import dev.tributary.common.TributaryException;
import dev.tributary.common.config.ModelConfig;
import dev.tributary.model.internals.Dl4j;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import dev.tributary.model.internals.Dl4jArchive;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The multi-layer perceptron every strategy trains (see {@link ModelConfig}), on standardised
 * inputs. One {@link #fit} call is one gradient step on one mini-batch; epochs and shuffling
 * belong to {@link MiniBatchFitter}.
 *
 * <p>Not thread-safe: a network is trained and queried by one thread at a time.
 */
public final class NeuralNetwork {

    static {
        // Reading a saved model is ND4J's first use in some processes (evaluate, score).
        Dl4j.init();
    }

    private final MultiLayerNetwork network;
    private final int numFeatures;
    private final int numClasses;

    private NeuralNetwork(MultiLayerNetwork network, int numFeatures, int numClasses) {
        this.network = network;
        this.numFeatures = numFeatures;
        this.numClasses = numClasses;
    }

    /**
     * @param config      the architecture and learning rate
     * @param numFeatures the input width
     * @param numClasses  the number of classes, 2 or more
     * @param seed        the weight-initialisation seed
     * @return a freshly initialised network
     */
    public static NeuralNetwork create(ModelConfig config, int numFeatures, int numClasses, long seed) {
        if (numFeatures < 1 || numClasses < 2) {
            throw new IllegalArgumentException("a network needs >= 1 feature and >= 2 classes, got "
                    + numFeatures + " and " + numClasses);
        }
        return new NeuralNetwork(Dl4j.network(config, numFeatures, numClasses, seed), numFeatures, numClasses);
    }

    /**
     * One gradient step (Adam) on one mini-batch.
     *
     * @param features standardised rows, {@code numFeatures} wide
     * @param labels   class indices, one per row
     */
    public void fit(double[][] features, int[] labels) {
        if (features.length != labels.length) {
            throw new IllegalArgumentException(features.length + " rows but " + labels.length + " labels");
        }
        if (features.length == 0) {
            return;
        }
        network.fit(new DataSet(Dl4j.matrix(features, numFeatures), Dl4j.labels(labels, numClasses)));
    }

    /**
     * Rows per block of an inference call. The CPU backend's matrix product computes rows in
     * groups (4 on one machine's AVX2 kernels, 16 at most on wider ones) and the rows left over
     * in a group of their own, whose last bits can differ: measured, 27 of 300 rows changed when
     * predicted one at a time, none when every call had a multiple of 4 rows. A call is padded to a
     * multiple of this with zero rows.
     */
    static final int ROW_BLOCK = 16;
    /**
     * Zero rows before and after the input rows of an inference call. On an AVX-512 machine (AMD
     * EPYC) the first 8 and the last 8 rows of every call were computed apart from the rest, and
     * about one row in twelve came out different in its last bits there: the same row matched
     * itself at every position of calls of 48 to 320 rows except those 8 at each end. Twice that
     * margin on each side keeps every input row in the middle.
     */
    static final int ROW_MARGIN = 16;
    /**
     * The most rows in one call, margins and padding included. Above it the same machine split a
     * call's rows into two halves, each with ends of its own (at 336 rows, 16 rows about the middle
     * differed; at 320 and below, none): OpenBLAS's matrix product cuts the rows into blocks of at
     * most its {@code SGEMM_DEFAULT_P}, 320 on that machine's kernels and at least that on the
     * other x86-64 ones. Longer inputs are predicted in several calls.
     */
    static final int MAX_CALL_ROWS = 320;
    /** Input rows per call: a default micro-batch of 256 rows is one call. */
    static final int ROWS_PER_CALL = MAX_CALL_ROWS - 2 * ROW_MARGIN;

    /**
     * Predicts the rows in calls of at most {@link #ROWS_PER_CALL}, each row between
     * {@link #ROW_MARGIN} zero rows on each side and each call padded to a multiple of
     * {@link #ROW_BLOCK}, so that a row's probabilities do not depend on how many rows were
     * predicted with it, nor where among them, and quality figures do not depend on how events
     * were batched ({@code NeuralNetworkBatchInvarianceTest}).
     *
     * @param features standardised rows
     * @return one row of class probabilities per input row, {@code numClasses} wide; the same for a
     *         row whatever other rows are predicted in the same call
     */
    public double[][] predictProbabilities(double[][] features) {
        if (features.length <= ROWS_PER_CALL) {
            return predictInOneCall(features);
        }
        double[][] out = new double[features.length][];
        for (int from = 0; from < features.length; from += ROWS_PER_CALL) {
            int to = Math.min(features.length, from + ROWS_PER_CALL);
            double[][] part = predictInOneCall(java.util.Arrays.copyOfRange(features, from, to));
            System.arraycopy(part, 0, out, from, part.length);
        }
        return out;
    }

    private double[][] predictInOneCall(double[][] features) {
        if (features.length == 0) {
            return new double[0][];
        }
        int height = (features.length + 2 * ROW_MARGIN + ROW_BLOCK - 1) / ROW_BLOCK * ROW_BLOCK;
        INDArray output = network.output(Dl4j.padded(features, numFeatures, height, ROW_MARGIN), false);
        return Dl4j.probabilities(output, numClasses, ROW_MARGIN, features.length);
    }

    /** @return the input width */
    public int numFeatures() {
        return numFeatures;
    }

    /** @return the number of classes */
    public int numClasses() {
        return numClasses;
    }

    /** @return the number of threads the numerical backend (ND4J) uses, as recorded with every result */
    public static int backendThreads() {
        return Dl4j.maxThreads();
    }

    /** @return the number of trainable parameters */
    public long parameterCount() {
        return network.numParams();
    }

    /**
     * @return a copy of every trainable parameter, in DL4J's flattened order: what two models
     *         must share, value for value, to be the same model
     */
    public float[] parameters() {
        return network.params().toFloatVector();
    }

    /**
     * @param withUpdater whether to include the optimiser's state (Adam's moments), which a
     *                    checkpoint needs to resume training exactly where it stopped
     * @return Deeplearning4j's serialised form
     */
    public byte[] toBytes(boolean withUpdater) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ModelSerializer.writeModel(network, out, withUpdater);
        } catch (IOException e) {
            throw new TributaryException("cannot serialise the network: " + e, e);
        }
        return out.toByteArray();
    }

    /**
     * Restores a network from untrusted bytes: they must hold a network {@link #create} could
     * have made for this input width and number of classes (dense layers of any widths, trained
     * with Adam), of at most {@link ModelCodec#MAX_PARAMETERS} parameters, and nothing is
     * allocated for an array before its declared length is known to match the configuration and
     * the bytes present.
     *
     * @param bytes       the output of {@link #toBytes}
     * @param numFeatures the expected input width
     * @param numClasses  the expected number of classes
     * @return the network, with its optimiser state when it was saved
     * @throws TributaryException if the bytes are not a network of that shape and size
     */
    public static NeuralNetwork fromBytes(byte[] bytes, int numFeatures, int numClasses) {
        if (numFeatures < 1 || numClasses < 2) {
            throw new TributaryException("a network needs >= 1 feature and >= 2 classes, got "
                    + numFeatures + " and " + numClasses);
        }
        return read(new ByteArrayInputStream(bytes), numFeatures, numClasses);
    }

    /**
     * {@link #fromBytes} from a stream: the artifact's network entry, read in place.
     *
     * @param in the output of {@link #toBytes}, read but not closed
     */
    static NeuralNetwork read(InputStream in, int numFeatures, int numClasses) {
        MultiLayerNetwork network;
        try {
            network = Dl4jArchive.restore(in, numFeatures, numClasses == 2 ? 1 : numClasses, ModelCodec.MAX_PARAMETERS);
        } catch (TributaryException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TributaryException("not a readable network: " + e, e);
        }
        return new NeuralNetwork(network, numFeatures, numClasses);
    }
}
