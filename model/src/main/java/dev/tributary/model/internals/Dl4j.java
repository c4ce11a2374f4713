package dev.tributary.model.internals;

import dev.tributary.common.config.ModelConfig;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds the network and converts arrays. Not part of the public API.
 */
public final class Dl4j {

    /** System property that sets ND4J's thread count when {@code OMP_NUM_THREADS} is not set. */
    public static final String THREADS_PROPERTY = "tributary.nd4j.threads";

    /**
     * JavaCPP's system property for its physical-memory check; {@code 0} turns the check off.
     */
    public static final String MAX_PHYSICAL_BYTES_PROPERTY = "org.bytedeco.javacpp.maxPhysicalBytes";

    static {
        // JavaCPP reads /proc for the process's physical memory on every pointer it allocates, and
        // ND4J allocates several per op. Turning the check off cut the CPU time of a gradient step
        // from 1,951 to 1,672 µs and of a 256-row inference from 707 to 524 µs (medians of three
        // JVM pairs, README "Performance"). Native memory stays bounded without it: ND4J frees
        // buffers as the Java heap's collections clear their references, and these workloads
        // allocate on the Java heap with every call. Set before ND4J loads JavaCPP, which reads it
        // once; a value the user set is kept.
        if (System.getProperty(MAX_PHYSICAL_BYTES_PROPERTY) == null) {
            System.setProperty(MAX_PHYSICAL_BYTES_PROPERTY, "0");
        }
        // ND4J sizes its OpenMP pool to the cores. On a 2-core machine that was measured 2-2.5x
        // slower for these small networks than one thread (README, "ND4J threads"), so one
        // thread is the default; OMP_NUM_THREADS, when set, is left to OpenMP itself.
        if (System.getenv("OMP_NUM_THREADS") == null) {
            int threads = Integer.getInteger(THREADS_PROPERTY, 1);
            Nd4j.getEnvironment().setMaxThreads(threads);
            Nd4j.getEnvironment().setMaxMasterThreads(threads);
        }
    }

    private Dl4j() {
    }

    /** Applies the settings above; call before anything else touches ND4J. */
    public static void init() {
        // The work is in the static initialiser; calling this runs it.
    }

    /** @return the number of threads ND4J's native ops may use */
    public static int maxThreads() {
        return Nd4j.getEnvironment().maxThreads();
    }

    /**
     * The multi-layer perceptron: dense ReLU hidden layers (Glorot-uniform initialisation, as
     * Keras' default), then one sigmoid unit with binary cross-entropy for two classes or a
     * softmax with multi-class cross-entropy for more. Both losses take probabilities, which is
     * what the output activations produce (a loss on logits would be wrong here).
     *
     * @param config      widths and learning rate
     * @param numFeatures inputs
     * @param numClasses  classes (2 means one sigmoid output)
     * @param seed        weight initialisation seed
     * @return an initialised network
     */
    public static MultiLayerNetwork network(ModelConfig config, int numFeatures, int numClasses, long seed) {
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .updater(new Adam(config.learningRate()))
                .list();
        int in = numFeatures;
        for (int width : config.hiddenLayers()) {
            layers.layer(new DenseLayer.Builder().nIn(in).nOut(width).activation(Activation.RELU).build());
            in = width;
        }
        boolean binary = numClasses == 2;
        layers.layer(new OutputLayer.Builder(binary ? LossFunctions.LossFunction.XENT : LossFunctions.LossFunction.MCXENT)
                .nIn(in)
                .nOut(binary ? 1 : numClasses)
                .activation(binary ? Activation.SIGMOID : Activation.SOFTMAX)
                .build());
        MultiLayerConfiguration conf = layers.build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return network;
    }

    /** @return the rows as a float matrix */
    public static INDArray matrix(double[][] rows, int columns) {
        return matrix(rows, columns, rows.length, 0);
    }

    /** @return the rows as a float matrix of as many rows */
    private static INDArray matrix(double[][] rows, int columns, int height, int offset) {
        float[] flat = new float[height * columns];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < columns; j++) {
                flat[(offset + i) * columns + j] = (float) rows[i][j];
            }
        }
        return Nd4j.create(flat, new long[] {height, columns}, DataType.FLOAT);
    }

    /**
     * @param rows    the rows
     * @param columns their width
     * @param height  the matrix's row count, at least {@code offset + rows.length}: the other rows are zeros
     * @param offset  the matrix row of the first input row
     * @return the rows as a float matrix of {@code height} rows, zero-padded around them
     */
    public static INDArray padded(double[][] rows, int columns, int height, int offset) {
        if (offset < 0 || offset + rows.length > height) {
            throw new IllegalArgumentException(rows.length + " rows at " + offset + " do not fit in " + height);
        }
        return matrix(rows, columns, height, offset);
    }

    /** @return labels as the output layer expects them: a 0/1 column for two classes, else one-hot rows */
    public static INDArray labels(int[] labels, int numClasses) {
        int width = numClasses == 2 ? 1 : numClasses;
        float[] flat = new float[labels.length * width];
        for (int i = 0; i < labels.length; i++) {
            if (numClasses == 2) {
                flat[i] = labels[i];
            } else {
                flat[i * width + labels[i]] = 1f;
            }
        }
        return Nd4j.create(flat, new long[] {labels.length, width}, DataType.FLOAT);
    }

    /** @return class probabilities, one row per input row (two columns for a sigmoid output) */
    public static double[][] probabilities(INDArray output, int numClasses) {
        return probabilities(output, numClasses, 0, (int) output.rows());
    }

    /** @return class probabilities of the {@code rows} rows of the output from row {@code offset} */
    public static double[][] probabilities(INDArray output, int numClasses, int offset, int rows) {
        double[][] out = new double[rows][numClasses];
        if (numClasses == 2) {
            for (int i = 0; i < rows; i++) {
                double p = output.getDouble(offset + i, 0);
                out[i][0] = 1 - p;
                out[i][1] = p;
            }
        } else {
            for (int i = 0; i < rows; i++) {
                for (int k = 0; k < numClasses; k++) {
                    out[i][k] = output.getDouble(offset + i, k);
                }
            }
        }
        return out;
    }
}
