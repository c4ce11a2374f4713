package dev.tributary.serving;

import dev.tributary.model.ModelArtifact;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The model one scorer instance serves: replaced atomically by the models-topic reader while
 * the scoring threads read it, so a swap never pauses scoring and a micro-batch is always
 * scored by one version.
 */
public final class ServingModel {

    private final String strategy;
    private final AtomicReference<ModelArtifact> current = new AtomicReference<>();
    private final AtomicLong swaps = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    /**
     * @param strategy whose models to serve (the models topic's key)
     */
    public ServingModel(String strategy) {
        this.strategy = strategy;
    }

    /** @return the strategy served */
    public String strategy() {
        return strategy;
    }

    /** @return the model now serving, or {@code null} before the first one arrives */
    public ModelArtifact current() {
        return current.get();
    }

    /** Replaces the serving model. */
    void swap(ModelArtifact model) {
        current.set(model);
        swaps.incrementAndGet();
    }

    /** Counts a models-topic record that was not a usable model. */
    void reject() {
        rejected.incrementAndGet();
    }

    /** @return models swapped in so far */
    public long swaps() {
        return swaps.get();
    }

    /** @return model records rejected so far */
    public long rejected() {
        return rejected.get();
    }
}
