package dev.tributary.evaluation;

import dev.tributary.batch.BatchTrainer;
import dev.tributary.common.ProgressListener;
import dev.tributary.common.TributaryException;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.config.TopicsConfig;
import dev.tributary.common.data.Schema;
import dev.tributary.common.kafka.KafkaConnection;
import dev.tributary.common.kafka.TopicAdmin;
import dev.tributary.common.model.ModelArtifact;
import dev.tributary.common.model.ModelCodec;
import dev.tributary.common.model.TrainingSummary;
import dev.tributary.common.provenance.EnvironmentInfo;
import dev.tributary.evaluation.results.ExperimentResults;
import dev.tributary.evaluation.results.HoldoutResult;
import dev.tributary.evaluation.results.KafkaInfo;
import dev.tributary.evaluation.results.ResultsFile;
import dev.tributary.evaluation.results.StrategyResult;
import dev.tributary.producer.ProduceResult;
import dev.tributary.producer.SourceProducer;
import dev.tributary.stream.StreamTrainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a scenario in this process, through Kafka at every step: the producer writes the
 * topics, the batch baseline reads the train topic to its end, the streaming learner consumes
 * it as a consumer-group member, and every model is scored on the test topic.
 *
 * <p>Output, under the output directory: {@value #RESULTS_FILE}, and one model per strategy
 * under {@code models/} ({@code batch.model}; {@code online.model}, the stream trainer's checkpoint).
 */
public final class ExperimentRunner {

    /** The results file's name in the output directory. */
    public static final String RESULTS_FILE = "results.json";
    private static final Logger LOG = LoggerFactory.getLogger(ExperimentRunner.class);

    private final KafkaConnection connection;
    private final boolean embedded;
    private final ScenarioConfig scenario;
    private final Path outputDir;
    private final ProgressListener progress;

    /**
     * @param connection the cluster
     * @param embedded   whether it is the in-process broker (recorded with the results)
     * @param scenario   the run
     * @param outputDir  where results.json and the models go
     * @param progress   hears how far the producer has come
     */
    public ExperimentRunner(KafkaConnection connection, boolean embedded, ScenarioConfig scenario, Path outputDir,
                            ProgressListener progress) {
        this.connection = connection.withDefaults(scenario.kafka().properties());
        this.embedded = embedded;
        this.scenario = scenario;
        this.outputDir = outputDir;
        this.progress = progress;
    }

    /** One trained model and how it was trained. */
    private record Trained(ModelArtifact artifact, TrainingSummary summary) {
    }

    /**
     * @return the results, also written to {@code <output>/results.json}
     * @throws TributaryException if the topics already hold data, or a stage fails
     */
    public ExperimentResults run() {
        Instant started = Instant.now();
        String runId = scenario.name() + "-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(ZoneOffset.UTC).format(started);
        TopicsConfig topics = scenario.topics();
        requireFreshTopics(topics);
        int steps = scenario.strategies().size() + 2;
        int step = 1;

        LOG.info("[{}/{}] Producing {} to {} and {}", step++, steps, scenario.source().describe(), topics.train(),
                topics.test());
        ProduceResult produced = SourceProducer.forScenario(connection, scenario, progress).produce();
        Schema schema = SourceProducer.schema(scenario);

        Map<String, Trained> trained = new LinkedHashMap<>();
        for (String strategy : scenario.strategies()) {
            LOG.info("[{}/{}] Training {} on {}", step++, steps, strategy, topics.train());
            trained.put(strategy, train(strategy, schema, produced));
        }

        LOG.info("[{}/{}] Scoring {} on {}", step, steps, scenario.strategies(), topics.test());
        Map<String, ModelArtifact> models = new LinkedHashMap<>();
        trained.forEach((strategy, t) -> models.put(strategy, t.artifact()));
        Map<String, HoldoutResult> holdout = new HoldoutEvaluator(connection, topics.test(), schema).evaluate(models);

        List<StrategyResult> strategies = new ArrayList<>();
        trained.forEach((strategy, t) -> strategies.add(new StrategyResult(strategy, t.artifact().metadata(),
                t.summary(), holdout.get(strategy))));
        ExperimentResults results = new ExperimentResults(ExperimentResults.SCHEMA_VERSION, runId, started.toString(),
                Instant.now().toString(), scenario, schema, new KafkaInfo(embedded, connection.describe()),
                EnvironmentInfo.capture(), produced, strategies);
        ResultsFile.write(results, outputDir.resolve(RESULTS_FILE));
        LOG.info("Results written to {}", outputDir.resolve(RESULTS_FILE));
        return results;
    }

    private Trained train(String strategy, Schema schema, ProduceResult produced) {
        Path modelFile = outputDir.resolve("models").resolve(strategy + ".model");
        switch (strategy) {
            case ScenarioConfig.BATCH -> {
                BatchTrainer.Result r = new BatchTrainer(connection, scenario.topics().train(), schema, scenario.model(),
                        scenario.batch(), scenario.seeds().model(), scenario.seeds().shuffle()).train();
                ModelCodec.write(r.artifact(), modelFile);
                return new Trained(r.artifact(), r.summary());
            }
            case ScenarioConfig.ONLINE -> {
                deleteStale(modelFile);
                // The train topic is complete: stop when every record has been learned from.
                StreamTrainer.Result r = new StreamTrainer(connection, scenario.topics().train(), schema,
                        scenario.model(), scenario.stream().withMaxRecords(produced.trainRecords()), modelFile,
                        scenario.seeds().model(), scenario.seeds().shuffle()).run();
                return new Trained(r.artifact(), r.summary());
            }
            default -> throw new IllegalStateException("no trainer for strategy " + strategy);
        }
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
                            + "needs empty topics: delete them, or rename the scenario with --name");
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
