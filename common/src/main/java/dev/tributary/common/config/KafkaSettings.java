package dev.tributary.common.config;


import java.util.Map;
import java.util.TreeMap;

/**
 * A scenario's Kafka settings: topic layout and client properties. Which cluster to use is not
 * part of a scenario; it is chosen when the scenario is run.
 *
 * @param trainPartitions   partitions of the train topic
 * @param testPartitions    partitions of the test topic
 * @param replicationFactor replication factor of the topics a run creates
 * @param properties        Kafka client properties for every client (e.g. {@code acks},
 *                          {@code compression.type}); command-line settings override them. No
 *                          secrets: a scenario is recorded whole in results.json and printed by
 *                          {@code scenarios --show}, so passwords belong in {@code --kafka-config}
 */
public record KafkaSettings(int trainPartitions, int testPartitions, short replicationFactor,
                            Map<String, String> properties) {

    /** The tutorial's layout: 1 train partition, 2 test partitions, replication factor 1. */
    public static final KafkaSettings DEFAULT = new KafkaSettings(1, 2, (short) 1, Map.of());

    /**
     * @throws ConfigException naming the field, if a count is not positive or a property is a
     *                         secret ({@link Secrets#isSecret}); the secret is not quoted
     */
    public KafkaSettings {
        ConfigException.require(trainPartitions > 0, "kafka.train-partitions", trainPartitions, "a positive count");
        ConfigException.require(testPartitions > 0, "kafka.test-partitions", testPartitions, "a positive count");
        ConfigException.require(replicationFactor > 0, "kafka.replication-factor", replicationFactor, "a positive count");
        properties = properties == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(properties));
        for (String key : properties.keySet()) {
            ConfigException.require(!Secrets.isSecret(key) && !Secrets.hasCredentials(properties.get(key)),
                    "kafka.properties." + key, Secrets.MASK,
                    "no secret in a scenario, which results.json records whole: put it in --kafka-config");
        }
    }
}
