package dev.tributary.evaluation;

import dev.tributary.batch.BatchTrainer;
import dev.tributary.common.TributaryException;
import dev.tributary.common.config.ExperimentConfig;
import dev.tributary.common.config.TopicsConfig;
import dev.tributary.common.data.CsvLayout;
import dev.tributary.common.data.Schema;
import dev.tributary.common.kafka.KafkaConnection;
import dev.tributary.common.kafka.TopicAdmin;
import dev.tributary.common.model.ModelArtifact;
import dev.tributary.common.model.ModelCodec;
import dev.tributary.common.provenance.EnvironmentInfo;
import dev.tributary.evaluation.results.ExperimentResults;
import dev.tributary.evaluation.results.HoldoutResult;
import dev.tributary.evaluation.results.KafkaInfo;
import dev.tributary.evaluation.results.ResultsFile;
import dev.tributary.evaluation.results.StrategyResult;
import dev.tributary.producer.DatasetProducer;
import dev.tributary.producer.ProduceResult;
import dev.tributary.stream.StreamTrainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the whole comparison in this process, through Kafka at every step: the producer writes
 * the topics, the batch baseline reads the train topic to its end, the streaming learner
 * consumes it as a consumer-group member, and both models are scored on the test topic.
 *
 * <p>Output, under the output directory: {@value #RESULTS_FILE}, and the two models under
 * {@code models/} ({@code batch.model}, and {@code online.model}, the stream trainer's
 * checkpoint).
 */
public final class ExperimentRunner {

    /** The results file's name in the output directory. */
    public static final String RESULTS_FILE = "results.json";
    private static final Logger LOG = LoggerFactory.getLogger(ExperimentRunner.class);

    private final KafkaConnection connection;
    private final boolean embedded;
    private final ExperimentConfig config;
    private final Path outputDir;

    /**
     * @param connection the cluster
     * @param embedded   whether it is the in-process broker (recorded with the results)
     * @param config     the run
     * @param outputDir  where results.json and the models go
     */
    public ExperimentRunner(KafkaConnection connection, boolean embedded, ExperimentConfig config, Path outputDir) {
        this.connection = connection;
        this.embedded = embedded;
        this.config = config;
        this.outputDir = outputDir;
    }

    /**
     * @return the results, also written to {@code <output>/results.json}
     * @throws TributaryException if the topics already hold data, or a stage fails
     */
    public ExperimentResults run() {
        Instant started = Instant.now();
        String runId = config.dataset().name() + "-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(ZoneOffset.UTC).format(started);
        TopicsConfig topics = config.topics();
        requireFreshTopics(topics);
        Path batchModel = outputDir.resolve("models").resolve("batch.model");
        Path onlineModel = outputDir.resolve("models").resolve("online.model");
        deleteStale(onlineModel);

        LOG.info("[1/4] Producing {} to {} and {}", config.dataset().name(), topics.train(), topics.test());
        ProduceResult produced = new DatasetProducer(connection, config.dataset(), config.split(), topics,
                config.seeds().split()).produce();
        Schema schema = CsvLayout.resolve(config.dataset()).schema();

        LOG.info("[2/4] Training the batch baseline on {} ({} epochs)", topics.train(), config.batch().epochs());
        BatchTrainer.Result batch = new BatchTrainer(connection, topics.train(), schema, config.model(), config.batch(),
                config.seeds().model(), config.seeds().shuffle()).train();
        ModelCodec.write(batch.artifact(), batchModel);

        LOG.info("[3/4] Training the streaming learner on {} as it is consumed", topics.train());
        StreamTrainer.Result online = new StreamTrainer(connection, topics.train(), schema, config.model(),
                config.stream().withMaxRecords(produced.trainRecords()), onlineModel,
                config.seeds().model(), config.seeds().shuffle()).run();

        LOG.info("[4/4] Scoring both models on {}", topics.test());
        Map<String, ModelArtifact> models = new LinkedHashMap<>();
        models.put(BatchTrainer.STRATEGY, batch.artifact());
        models.put(StreamTrainer.STRATEGY, online.artifact());
        Map<String, HoldoutResult> holdout = new HoldoutEvaluator(connection, topics.test(), schema).evaluate(models);

        ExperimentResults results = new ExperimentResults(ExperimentResults.SCHEMA_VERSION, runId, started.toString(),
                Instant.now().toString(), config, schema, new KafkaInfo(embedded, connection.describe()),
                EnvironmentInfo.capture(), produced, List.of(
                new StrategyResult(BatchTrainer.STRATEGY, batch.artifact().metadata(), batch.summary(),
                        holdout.get(BatchTrainer.STRATEGY)),
                new StrategyResult(StreamTrainer.STRATEGY, online.artifact().metadata(), online.summary(),
                        holdout.get(StreamTrainer.STRATEGY))));
        ResultsFile.write(results, outputDir.resolve(RESULTS_FILE));
        LOG.info("Results written to {}", outputDir.resolve(RESULTS_FILE));
        return results;
    }

    /**
     * A run counts records through Kafka exactly, so its topics must start empty; on an external
     * cluster, leftovers of an earlier run would be trained on twice.
     */
    private void requireFreshTopics(TopicsConfig topics) {
        try (TopicAdmin admin = new TopicAdmin(connection)) {
            for (String topic : List.of(topics.train(), topics.test(), topics.deadLetter())) {
                long records = admin.exists(topic) ? admin.recordCount(topic) : 0;
                if (records > 0) {
                    throw new TributaryException("topic " + topic + " already holds " + records + " records; a run "
                            + "needs empty topics: delete them, or give the data set another name with --dataset-name");
                }
            }
        }
    }

    private static void deleteStale(Path checkpoint) {
        try {
            Files.deleteIfExists(checkpoint);
        } catch (IOException e) {
            throw new TributaryException("cannot remove the previous run's checkpoint " + checkpoint + ": " + e, e);
        }
    }
}
