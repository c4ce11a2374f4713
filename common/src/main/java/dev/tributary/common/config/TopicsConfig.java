package dev.tributary.common.config;

/**
 * The topics of one scenario, named after it.
 *
 * @param train             the training records (key = label, value = CSV features)
 * @param test              the held-out records, same format
 * @param deadLetter        rejected input: the raw bytes, with the reason in a header
 * @param trainPartitions   partitions of the train topic (1 in the tutorial, so that the stream
 *                          trainer sees one total order)
 * @param testPartitions    partitions of the test topic (2 in the tutorial)
 * @param replicationFactor replication factor of created topics (1 on the embedded broker)
 */
public record TopicsConfig(String train, String test, String deadLetter,
                           int trainPartitions, int testPartitions, short replicationFactor) {

    /**
     * @throws ConfigException naming the field, if a name is not a topic name or a count is not positive
     */
    public TopicsConfig {
        for (String[] topic : new String[][] {{"topics.train", train}, {"topics.test", test}, {"topics.dead-letter", deadLetter}}) {
            ConfigException.require(topic[1] != null && topic[1].matches("[A-Za-z0-9._-]{1,249}"), topic[0], topic[1],
                    "a legal Kafka topic name");
        }
        ConfigException.require(trainPartitions > 0, "kafka.train-partitions", trainPartitions, "a positive count");
        ConfigException.require(testPartitions > 0, "kafka.test-partitions", testPartitions, "a positive count");
        ConfigException.require(replicationFactor > 0, "kafka.replication-factor", replicationFactor, "a positive count");
    }

    /**
     * @param names the scenario's (or data set's) names
     * @param kafka partitions and replication
     * @return {@code <prefix>-train}, {@code <prefix>-test}, {@code <prefix>-dlq} (1 partition)
     */
    public static TopicsConfig of(TopicNames names, KafkaSettings kafka) {
        return new TopicsConfig(names.train(), names.test(), names.producerDeadLetter(), kafka.trainPartitions(),
                kafka.testPartitions(), kafka.replicationFactor());
    }

    /**
     * @param topic             the one topic a stream is written to (a measured run's)
     * @param partitions        its partitions
     * @param replicationFactor its replication factor
     * @return a layout whose train topic is that topic, its (unused) test and dead-letter topics
     *         named after it by {@link TopicNames}
     */
    public static TopicsConfig stream(String topic, int partitions, short replicationFactor) {
        TopicNames names = new TopicNames(topic);
        return new TopicsConfig(topic, names.test(), names.producerDeadLetter(), partitions, 1, replicationFactor);
    }

    /** @return every topic of the layout, for deleting them */
    public java.util.List<String> all() {
        return java.util.List.of(train, test, deadLetter);
    }

    /**
     * @return the name the topics are named after: the train topic without its {@code -train} or
     *         {@code -events} suffix (the whole name if it has neither)
     */
    public String prefix() {
        for (String suffix : new String[] {"-train", "-events"}) {
            if (train.endsWith(suffix)) {
                return train.substring(0, train.length() - suffix.length());
            }
        }
        return train;
    }

    /**
     * @param dataset the data set's name
     * @return the tutorial's layout: {@code <dataset>-train} (1 partition), {@code <dataset>-test}
     *         (2 partitions), {@code <dataset>-dlq} (1 partition), replication factor 1
     */
    public static TopicsConfig forDataset(String dataset) {
        return of(new TopicNames(dataset), KafkaSettings.DEFAULT);
    }
}
