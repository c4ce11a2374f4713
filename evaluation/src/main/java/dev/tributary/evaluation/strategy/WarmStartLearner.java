package dev.tributary.evaluation.strategy;

import dev.tributary.batch.BatchLearner;
import dev.tributary.common.config.LearnerConfig;
import dev.tributary.common.config.Strategy;
import dev.tributary.model.learn.HistoryLearner;
import dev.tributary.model.learn.ModelLearner;
import dev.tributary.model.ModelArtifact;
import dev.tributary.common.provenance.ModelMetadata;
import dev.tributary.stream.OnlineLearner;

/**
 * {@code warm-start}: the batch baseline's learner on the history ({@code train-batch}), then
 * the streaming learner continuing from that model ({@code train-stream} resumed from it): batch
 * quality from the first prediction, and it keeps learning.
 */
final class WarmStartLearner implements HistoryLearner, ModelLearner {

    private final LearnerConfig config;
    private final BatchLearner start;
    private OnlineLearner online;

    WarmStartLearner(LearnerConfig config) {
        this.config = config;
        this.start = new BatchLearner(config);
    }

    @Override
    public Strategy strategy() {
        return Strategy.WARM_START;
    }

    @Override
    public void learnHistory(double[][] features, int[] labels) {
        start.learnHistory(features, labels);
        online = new OnlineLearner(Strategy.WARM_START, start.network(), config.stream(), config.seeds().shuffle(),
                features.length);
    }

    private ModelLearner serving() {
        return online != null ? online : start;
    }

    @Override
    public double[][] predict(double[][] raw) {
        return serving().predict(raw);
    }

    @Override
    public void learn(double[] features, int label) {
        if (online == null) {
            throw new IllegalStateException("warm-start learns the history in batch first");
        }
        online.learn(features, label);
    }

    @Override
    public int eventsUntilUpdate() {
        return online == null ? NEVER : online.eventsUntilUpdate();
    }

    @Override
    public void finish() {
        if (online != null) {
            online.finish();
        }
    }

    @Override
    public long incorporated() {
        return serving().incorporated();
    }

    @Override
    public long gradientSteps() {
        return start.gradientSteps() + (online == null ? 0 : online.gradientSteps());
    }

    @Override
    public ModelArtifact artifact(ModelMetadata metadata) {
        return serving().artifact(metadata);
    }
}
