package dev.tributary.evaluation;

import dev.tributary.common.data.Example;
import dev.tributary.common.data.ExampleBatch;
import dev.tributary.common.data.ExampleCodec;
import dev.tributary.common.data.MalformedRecordException;
import dev.tributary.common.data.Schema;
import dev.tributary.common.kafka.BoundedTopicReader;
import dev.tributary.common.kafka.KafkaConnection;
import dev.tributary.common.kafka.OffsetRange;
import dev.tributary.common.model.ModelArtifact;
import dev.tributary.evaluation.metrics.ClassificationEvaluation;
import dev.tributary.evaluation.metrics.ClassificationEvaluator;
import dev.tributary.evaluation.metrics.MetricId;
import dev.tributary.evaluation.results.HoldoutResult;

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

    static final int CHUNK_ROWS = 256;

    private final KafkaConnection connection;
    private final String topic;
    private final Schema schema;

    /**
     * @param connection the cluster
     * @param topic      the test topic
     * @param schema     the data set's schema
     */
    public HoldoutEvaluator(KafkaConnection connection, String topic, Schema schema) {
        this.connection = connection;
        this.topic = topic;
        this.schema = schema;
    }

    /**
     * @param models saved models to score, by strategy name
     * @return each model's result, by strategy name, in the same order
     * @throws IllegalArgumentException if a model does not fit the schema
     */
    public Map<String, HoldoutResult> evaluateModels(Map<String, ModelArtifact> models) {
        Map<String, Predictor> predictors = new LinkedHashMap<>();
        models.forEach((name, model) -> {
            if (model.metadata().numFeatures() != schema.numFeatures() || model.metadata().numClasses() != schema.numClasses()) {
                throw new IllegalArgumentException("model '" + name + "' takes " + model.metadata().numFeatures()
                        + " features and " + model.metadata().numClasses() + " classes; the test topic has "
                        + schema.numFeatures() + " and " + schema.numClasses());
            }
            predictors.put(name, model::predictProbabilities);
        });
        return evaluate(predictors);
    }

    /**
     * @param models the predictors to score, by strategy name
     * @return each one's result, by strategy name, in the same order
     */
    public Map<String, HoldoutResult> evaluate(Map<String, Predictor> models) {
        Map<String, Scorer> scorers = new LinkedHashMap<>();
        models.forEach((name, model) -> scorers.put(name, new Scorer(model, schema.numClasses())));
        ExampleCodec codec = ExampleCodec.forSchema(schema);
        ExampleBatch chunk = new ExampleBatch();
        long[] rejected = {0};
        List<OffsetRange> offsets = new BoundedTopicReader(connection).read(topic, record -> {
            Example example;
            try {
                example = codec.decode(record.key(), record.value());
            } catch (MalformedRecordException e) {
                rejected[0]++;
                return;
            }
            chunk.add(example);
            if (chunk.size() == CHUNK_ROWS) {
                scorers.values().forEach(s -> s.score(chunk));
                chunk.clear();
            }
        });
        if (!chunk.isEmpty()) {
            scorers.values().forEach(s -> s.score(chunk));
        }
        Map<String, HoldoutResult> results = new LinkedHashMap<>();
        scorers.forEach((name, scorer) -> results.put(name, scorer.result(topic, offsets, rejected[0])));
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
            Map<String, Double> metrics = StrategyDriver.metrics(evaluation);
            // Kappa-temporal compares with the previous example's class; a test topic's order is
            // not time (its records are keyed, so grouped, by class), so the measure is undefined here.
            metrics.put(MetricId.KAPPA_TEMPORAL.key(), Double.NaN);
            return new HoldoutResult(topic, offsets, evaluation.count(), rejected, metrics,
                    evaluation.confusionMatrix().toArray(), scoringNanos / 1_000_000);
        }
    }
}
