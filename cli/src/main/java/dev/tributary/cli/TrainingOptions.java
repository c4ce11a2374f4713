package dev.tributary.cli;

import dev.tributary.common.config.BatchTrainingConfig;
import dev.tributary.common.config.MissingValuePolicy;
import dev.tributary.common.config.ModelConfig;
import dev.tributary.common.config.Seeds;
import dev.tributary.common.config.SplitConfig;
import dev.tributary.common.config.StreamTrainingConfig;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * The option groups that fill in the configuration records; each default is read from the
 * record's own default, so help and behaviour cannot drift apart.
 */
final class TrainingOptions {

    private TrainingOptions() {
    }

    /** {@link Seeds}: one master seed from which every component seed derives. */
    static final class SeedOption {
        @Option(names = "--seed", paramLabel = "N",
                description = "Master seed; the split, weight-initialisation and shuffle seeds derive from it "
                        + "and are recorded in results.json.")
        long seed = Seeds.DEFAULT_SEED;

        Seeds seeds() {
            return Seeds.derive(seed);
        }
    }

    /** {@link SplitConfig}. */
    static final class Split {
        @Option(names = "--train-fraction", paramLabel = "F", description = "Share of rows for the train topic, in (0, 1).")
        double trainFraction = SplitConfig.DEFAULT.trainFraction();

        @Option(names = "--missing-values", paramLabel = "POLICY",
                description = "Rows with a missing value: ${COMPLETION-CANDIDATES} (impute: the training split's "
                        + "median; drop: to the dead-letter topic).")
        MissingValuePolicy missingValues = SplitConfig.DEFAULT.missingValues();

        SplitConfig config() {
            return new SplitConfig(trainFraction, missingValues);
        }
    }

    /** {@link ModelConfig}. */
    static final class Model {
        @Option(names = "--hidden-layers", paramLabel = "WIDTH", split = ",",
                description = "Widths of the dense ReLU hidden layers.")
        List<Integer> hiddenLayers = new ArrayList<>(ModelConfig.DEFAULT.hiddenLayers());

        @Option(names = "--learning-rate", paramLabel = "RATE", description = "Adam's learning rate.")
        double learningRate = ModelConfig.DEFAULT.learningRate();

        ModelConfig config() {
            return new ModelConfig(hiddenLayers, learningRate);
        }
    }

    /** {@link BatchTrainingConfig}. */
    static final class Batch {
        @Option(names = "--epochs", paramLabel = "N", description = "Batch baseline: passes over the train topic.")
        int epochs = BatchTrainingConfig.DEFAULT.epochs();

        @Option(names = "--batch-size", paramLabel = "ROWS", description = "Batch baseline: rows per gradient step.")
        int batchSize = BatchTrainingConfig.DEFAULT.batchSize();

        BatchTrainingConfig config() {
            return new BatchTrainingConfig(epochs, batchSize);
        }
    }

    /** {@link StreamTrainingConfig}. */
    static final class Stream {
        private static final StreamTrainingConfig DEFAULTS = StreamTrainingConfig.defaults("unused");

        @Option(names = "--stream-batch-size", paramLabel = "ROWS", description = "Streaming: rows per gradient step.")
        int batchSize = DEFAULTS.batchSize();

        @Option(names = "--stream-epochs", paramLabel = "N", description = "Streaming: epochs over each poll's records.")
        int epochsPerPoll = DEFAULTS.epochsPerPoll();

        @Option(names = "--max-poll-records", paramLabel = "N",
                description = "Streaming: the consumer's max.poll.records, the largest increment learned at once.")
        int maxPollRecords = DEFAULTS.maxPollRecords();

        @Option(names = "--checkpoint-every", paramLabel = "RECORDS",
                description = "Streaming: records between checkpoints (offsets are committed at each).")
        long checkpointEvery = DEFAULTS.checkpointEvery();

        @Option(names = "--idle-timeout-ms", paramLabel = "MS",
                description = "Streaming: stop after this many milliseconds without a record; 0 runs until stopped.")
        long idleTimeoutMs = DEFAULTS.idleTimeoutMs();

        @Option(names = "--max-records", paramLabel = "N",
                description = "Streaming: stop after this many records in this run; 0 for no limit.")
        long maxRecords = DEFAULTS.maxRecords();

        @Option(names = "--group-id", paramLabel = "ID",
                description = "Streaming: the consumer group (default: <dataset>-stream-trainer).")
        String groupId;

        StreamTrainingConfig config(String dataset) {
            return new StreamTrainingConfig(batchSize, epochsPerPoll, maxPollRecords, checkpointEvery, idleTimeoutMs,
                    maxRecords, groupId == null ? dataset + "-stream-trainer" : groupId);
        }
    }
}
