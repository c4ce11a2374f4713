package dev.tributary.batch;

import dev.tributary.common.config.LearnerConfig;
import dev.tributary.common.config.PeriodicRetrainConfig;
import dev.tributary.common.config.Strategy;
import dev.tributary.model.learn.HistoryLearner;
import dev.tributary.model.learn.ModelLearner;
import dev.tributary.model.ModelArtifact;
import dev.tributary.common.provenance.ModelMetadata;
import dev.tributary.model.StandardizedNetwork;

/**
 * The nightly-job pattern, as {@code train-periodic} deploys it and as the experiment's
 * {@code periodic-retrain} strategy runs it: after every {@link PeriodicRetrainConfig#every()}
 * events a new model is trained from scratch, as the batch baseline is, on the last
 * {@link PeriodicRetrainConfig#window()} events, and replaces the serving one; between retrains
 * the serving model is frozen. Retrains fall on fixed stream positions (the end of the history,
 * then every {@code every} events), whatever the polls.
 *
 * <p>Memory: the window, a fixed-size ring of row references.
 */
public final class PeriodicRetrainLearner implements HistoryLearner, ModelLearner {

    private final BatchLearner trainer;
    private final long every;
    private final double[][] windowRows;
    private final int[] windowLabels;
    private StandardizedNetwork serving;
    private long seen;
    private long sinceRetrain;
    private long incorporated;
    private long retrains;

    /**
     * @param config the learners' configuration: the schedule, and each retrain's network, epochs,
     *               batch size and seeds (the batch baseline's)
     */
    public PeriodicRetrainLearner(LearnerConfig config) {
        this.trainer = new BatchLearner(config);
        this.every = config.periodic().every();
        this.windowRows = new double[config.periodic().window()][];
        this.windowLabels = new int[config.periodic().window()];
        this.serving = trainer.network();
    }

    @Override
    public Strategy strategy() {
        return Strategy.PERIODIC_RETRAIN;
    }

    /** The first model: a retrain at the end of the history, on its last {@code window} events. */
    @Override
    public void learnHistory(double[][] features, int[] labels) {
        for (int i = 0; i < features.length; i++) {
            remember(features[i], labels[i]);
        }
        retrain();
    }

    /**
     * Takes one event of the history, for a caller that reads the history record by record (the
     * {@code train-periodic} stage); {@link #endHistory()} then trains the first model. The pair does
     * exactly what {@link #learnHistory} does, without holding the history twice.
     */
    public void learnHistoryEvent(double[] features, int label) {
        remember(features, label);
    }

    /** The history is complete: the first model, as {@link #learnHistory} trains it. */
    public void endHistory() {
        retrain();
    }

    @Override
    public void learn(double[] features, int label) {
        remember(features, label);
        if (++sinceRetrain >= every) {
            retrain();
        }
    }

    @Override
    public int eventsUntilUpdate() {
        return (int) Math.min(NEVER, every - sinceRetrain);
    }

    private void remember(double[] features, int label) {
        int slot = (int) (seen % windowRows.length);
        windowRows[slot] = features;
        windowLabels[slot] = label;
        seen++;
    }

    private void retrain() {
        int size = (int) Math.min(seen, windowRows.length);
        double[][] rows = new double[size][];
        int[] labels = new int[size];
        for (int i = 0; i < size; i++) {
            int slot = (int) ((seen - size + i) % windowRows.length);
            rows[i] = windowRows[slot];
            labels[i] = windowLabels[slot];
        }
        serving = trainer.fit(rows, labels, seen, fitted -> { });
        incorporated = seen;
        sinceRetrain = 0;
        retrains++;
    }

    /** @return models trained so far (each one a new version for the models topic) */
    public long retrains() {
        return retrains;
    }

    @Override
    public double[][] predict(double[][] raw) {
        return serving.predictProbabilities(raw);
    }

    @Override
    public long incorporated() {
        return incorporated;
    }

    @Override
    public long gradientSteps() {
        return trainer.gradientSteps();
    }

    @Override
    public ModelArtifact artifact(ModelMetadata metadata) {
        return serving.toArtifact(metadata);
    }
}
