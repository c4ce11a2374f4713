package dev.tributary.common.config;

/**
 * The one owner of every topic, consumer-group and application-id name derived from a
 * scenario's (or a benchmark's) name: nothing else builds such a name.
 *
 * @param prefix the name the others are named after
 */
public record TopicNames(String prefix) {

    /**
     * @throws ConfigException if the prefix is not topic-safe
     */
    public TopicNames {
        ConfigException.require(prefix != null && prefix.matches("[A-Za-z0-9._-]{1,200}"), "name", prefix,
                "a topic-safe name (letters, digits, '.', '_', '-')");
    }

    /** @return the holdout protocol's training records, {@code <prefix>-train} */
    public String train() {
        return prefix + "-train";
    }

    /** @return the holdout protocol's held-out records, {@code <prefix>-test} */
    public String test() {
        return prefix + "-test";
    }

    /** @return the prequential protocol's single time-ordered stream, {@code <prefix>-events} */
    public String events() {
        return prefix + "-events";
    }

    /**
     * @return the labels of a stream whose labels come late, keyed by their event's id, each
     *         written when it falls due, {@code <prefix>-labels}
     */
    public String labels() {
        return prefix + "-labels";
    }

    /**
     * @return late labels joined to their events by the label joiner of a deployment, keyed by
     *         the class as events are, in the order the labels came, {@code <prefix>-labelled}
     */
    public String labelled() {
        return prefix + "-labelled";
    }

    /** @return the label joiner's Kafka Streams application id, {@code <prefix>-label-joiner} */
    public String labelJoinerApplicationId() {
        return prefix + "-label-joiner";
    }

    /** @return the rows the producer rejected, {@code <prefix>-dlq} */
    public String producerDeadLetter() {
        return prefix + "-dlq";
    }

    /**
     * @param stage a consuming stage ({@code batch-trainer}, {@code stream-trainer}, {@code scorer}, ...)
     * @return its own dead-letter topic, {@code <prefix>-<stage>-dlq}, so that each topic's counts
     *         reconcile on their own
     */
    public String deadLetter(String stage) {
        return prefix + "-" + stage + "-dlq";
    }

    /** @return the compacted topic trainers publish model versions to, keyed by strategy, {@code <prefix>-models} */
    public String models() {
        return prefix + "-models";
    }

    /** @return the scorer's output, {@code <prefix>-predictions} */
    public String predictions() {
        return prefix + "-predictions";
    }

    /**
     * @param stage a stage that joins a consumer group
     * @return its default group, {@code <prefix>-<stage>}
     */
    public String group(String stage) {
        return prefix + "-" + stage;
    }

    /**
     * @param strategy the strategy whose model a scorer serves
     * @return the scorer's default Kafka Streams application id, {@code <prefix>-scorer-<strategy>}
     */
    public String scorerApplicationId(String strategy) {
        return prefix + "-scorer-" + strategy;
    }

    /**
     * @param part what the names are for (a benchmark's side, a warm-up)
     * @return the names of a part of this run, {@code <prefix>-<part>-...}
     */
    public TopicNames child(String part) {
        return new TopicNames(prefix + "-" + part);
    }

    /**
     * @param strategy a deployed strategy
     * @return the names of its deployment in the deployed mode, {@code <prefix>-deployed-<strategy>-...}
     */
    public TopicNames deployment(String strategy) {
        return child("deployed-" + strategy);
    }

    /**
     * @param r a repetition, 0-based
     * @return the names of that repetition's own topics, {@code <prefix>-r<r>-...}
     */
    public TopicNames repetition(int r) {
        return new TopicNames(prefix + "-r" + r);
    }
}
