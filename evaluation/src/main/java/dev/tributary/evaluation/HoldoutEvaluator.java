package dev.tributary.evaluation;

import dev.tributary.common.ProgressListener;
import dev.tributary.common.TributaryException;
import dev.tributary.common.config.StageTopics;
import dev.tributary.common.data.Example;
import dev.tributary.common.data.ExampleBatch;
import dev.tributary.common.data.Schema;
import dev.tributary.kafka.DeadLetterWriter;
import dev.tributary.kafka.ExampleReader;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.kafka.TopicAdmin;
import dev.tributary.kafka.TopicFeed;
import dev.tributary.common.provenance.OffsetRange;
import dev.tributary.model.ModelArtifact;
import dev.tributary.evaluation.metrics.ClassificationEvaluation;
import dev.tributary.evaluation.metrics.ClassificationEvaluator;
import dev.tributary.common.metrics.MetricId;
import dev.tributary.results.HoldoutResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tutorial's protocol: final models scored on the test topic. All models are scored in
 * one pass over the topic, on exactly the same records, with the same metrics: whatever
 * trained a model, it is judged like the others.
 *
 * <p>Records are scored in chunks of {@value #CHUNK_ROWS} rows (one network call per chunk,
 * since DL4J's per-call overhead dwarfs the per-row cost); the metrics keep one score per
 * example for ROC AUC and nothing else per example.
 */
public final class HoldoutEvaluator {

    /** The stage named in the evaluator's dead letters. */
    public static final String STAGE = "evaluator";
    static final int CHUNK_ROWS = 256;

    private final KafkaConnection connection;
    private final StageTopics topics;
    private final Schema schema;
    private final int maxPollRecords;

    /**
     * @param connection     the cluster
     * @param topics         the test topic, and where its undecodable records go (or {@code null}
     *                       in the dead-letter name: the records are counted only, for a re-read
     *                       of a topic whose rejections were already written)
     * @param schema         the data set's schema
     * @param maxPollRecords records per poll (speed only)
     */
    public HoldoutEvaluator(KafkaConnection connection, StageTopics topics, Schema schema, int maxPollRecords) {
        this.connection = connection;
        this.topics = topics;
        this.schema = schema;
        this.maxPollRecords = maxPollRecords;
    }

    /**
     * @param models saved models to score, by strategy name
     * @return each model's result, by strategy name, in the same order
     * @throws TributaryException if a model does not fit the schema (an operational error: the
     *                            wrong model for this data)
     */
    public Map<String, HoldoutResult> evaluateModels(Map<String, ModelArtifact> models) {
        return evaluateModels(models, ProgressListener.NONE);
    }

    /**
     * @param models   saved models to score, by strategy name
     * @param progress hears how many of the topic's records have been scored
     * @return each model's result, by strategy name, in the same order
     * @throws TributaryException if a model does not fit the schema
     */
    public Map<String, HoldoutResult> evaluateModels(Map<String, ModelArtifact> models, ProgressListener progress) {
        Map<String, Predictor> predictors = new LinkedHashMap<>();
        models.forEach((name, model) -> {
            model.metadata().requireFits(schema, "model '" + name + "'");
            predictors.put(name, model::predictProbabilities);
        });
        long records;
        try (TopicAdmin admin = new TopicAdmin(connection)) {
            records = progress == ProgressListener.NONE ? -1 : admin.recordCount(topics.input());
        }
        return evaluate(predictors, true, progress, records);
    }

    /**
     * @param models         the predictors to score, by strategy name
     * @param deadLetter     whether undecodable records are dead-lettered (the first read of the
     *                       topic) or only counted (a re-read, such as a learning-curve point)
     * @return each one's result, by strategy name, in the same order
     */
    public Map<String, HoldoutResult> evaluate(Map<String, Predictor> models, boolean deadLetter) {
        return evaluate(models, deadLetter, ProgressListener.NONE, -1);
    }

    /**
     * @param models     the predictors to score, by strategy name
     * @param deadLetter as for {@link #evaluate(Map, boolean)}
     * @param progress   hears how many records have been scored
     * @param expected   the records the topic holds, or -1 if unknown
     * @return each one's result, by strategy name, in the same order
     */
    public Map<String, HoldoutResult> evaluate(Map<String, Predictor> models, boolean deadLetter,
                                               ProgressListener progress, long expected) {
        progress.start("scoring " + String.join(", ", models.keySet()) + " on " + topics.input(), expected);
        long[] read = {0};
        Map<String, Scorer> scorers = new LinkedHashMap<>();
        models.forEach((name, model) -> scorers.put(name, new Scorer(model, schema.numClasses())));
        ExampleBatch chunk = new ExampleBatch();
        List<OffsetRange> offsets;
        long rejected;
        try (DeadLetterWriter deadLetters = deadLetter
                ? DeadLetterWriter.open(connection, topics.deadLetter(), STAGE, (short) -1) : null;
             TopicFeed feed = TopicFeed.fromBeginning(connection, topics.input(), TopicFeed.Settings.toEnd(maxPollRecords))) {
            ExampleReader reader = new ExampleReader(schema, deadLetters);
            feed.run(record -> {
                Example example = reader.read(record);
                if (example != null) {
                    chunk.add(example);
                    if (chunk.size() == CHUNK_ROWS) {
                        scorers.values().forEach(s -> s.score(chunk));
                        chunk.clear();
                    }
                }
                if (++read[0] % CHUNK_ROWS == 0) {
                    progress.advance(read[0]);
                }
                return true;
            });
            offsets = feed.offsetsRead();
            rejected = reader.rejected();
        }
        if (!chunk.isEmpty()) {
            scorers.values().forEach(s -> s.score(chunk));
        }
        progress.advance(read[0]);
        progress.finish();
        Map<String, HoldoutResult> results = new LinkedHashMap<>();
        scorers.forEach((name, scorer) -> results.put(name, scorer.result(topics.input(), offsets, rejected)));
        return results;
    }
    /** One model's running evaluation. */
    private static final class Scorer {
        private final Predictor model;
        private final ClassificationEvaluator evaluator;
        private long scoringNanos;

        Scorer(Predictor model, int numClasses) {
            this.model = model;
            this.evaluator = new ClassificationEvaluator(numClasses);
        }

        void score(ExampleBatch chunk) {
            long start = System.nanoTime();
            double[][] probabilities = model.predict(chunk.features());
            scoringNanos += System.nanoTime() - start;
            int[] labels = chunk.labels();
            for (int i = 0; i < labels.length; i++) {
                evaluator.add(labels[i], probabilities[i]);
            }
        }

        HoldoutResult result(String topic, List<OffsetRange> offsets, long rejected) {
            ClassificationEvaluation evaluation = evaluator.evaluate();
            Map<String, Double> metrics = evaluation.byKey();
            // Kappa-temporal compares with the previous example's class; a test topic's order is
            // not time (its records are keyed, so grouped, by class), so the measure is undefined here.
            metrics.put(MetricId.KAPPA_TEMPORAL.key(), Double.NaN);
            return new HoldoutResult(topic, offsets, evaluation.count(), rejected, metrics,
                    evaluation.confusionMatrix().toArray(), scoringNanos / 1_000_000);
        }
    }
}
