package dev.tributary.common.config;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.List;

/**
 * The processing strategies the harness compares: the one owner of their names, which
 * scenarios, results, reports and the quality gate use.
 */
public enum Strategy {
    /** Trained on the history, then frozen. */
    BATCH("batch", false),
    /** Retrained from scratch on a sliding window every N events (the nightly-job pattern). */
    PERIODIC_RETRAIN("periodic-retrain", false),
    /** Test-then-train: each mini-batch is predicted, then learned. */
    ONLINE("online", false),
    /** Batch on the history, then online. */
    WARM_START("warm-start", false),
    /** Reference: the most frequent class so far. */
    MAJORITY("majority", true),
    /** Reference: the previous event's class. */
    NO_CHANGE("no-change", true);

    /** Every strategy, in the order reports list them. */
    public static final List<Strategy> ALL = List.of(values());

    private final String key;
    private final boolean reference;

    Strategy(String key, boolean reference) {
        this.key = key;
        this.reference = reference;
    }

    /** @return the name used in scenario files, results and reports, e.g. {@code periodic-retrain} */
    @JsonValue
    public String key() {
        return key;
    }

    /** @return whether this is a reference learner (no network, no model to save or publish) */
    public boolean reference() {
        return reference;
    }

    /**
     * @param key a strategy's name
     * @return the strategy
     * @throws IllegalArgumentException naming the key and the known ones
     */
    public static Strategy fromKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown strategy '" + key + "'; known: " + ALL));
    }

    @Override
    public String toString() {
        return key;
    }
}
