package dev.tributary.kafka;

import dev.tributary.common.config.Secrets;
import dev.tributary.common.TributaryException;
import dev.tributary.common.config.ConfigException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * How to reach one Kafka cluster: its bootstrap servers and any client properties (security
 * settings included), passed through unchanged to every producer, consumer and admin client.
 *
 * <p>Precedence, highest first: explicit {@code key=value} overrides, then
 * {@code --bootstrap-servers}, then the properties file. The harness's own defaults per client
 * type (byte-array serdes; {@code acks=all} and idempotence for producers; manual commits and
 * {@code earliest} for consumers) apply only where the user set nothing.
 *
 * @param bootstrapServers  {@code host:port[,host:port...]}
 * @param clientProperties  every other client property, by its Kafka key
 */
public record KafkaConnection(String bootstrapServers, Map<String, String> clientProperties) {

    /** What a secret's value is replaced with wherever a configuration is shown or recorded. */
    public static final String MASK = Secrets.MASK;

    /**
     * @throws ConfigException if there are no bootstrap servers
     */
    public KafkaConnection {
        ConfigException.require(bootstrapServers != null && !bootstrapServers.isBlank(), "--bootstrap-servers",
                bootstrapServers, "host:port[,host:port...] (or bootstrap.servers in --kafka-config)");
        clientProperties = Map.copyOf(clientProperties);
    }

    /**
     * @param bootstrapServers {@code host:port[,host:port...]}
     * @return a connection with no other client properties
     */
    public static KafkaConnection to(String bootstrapServers) {
        return new KafkaConnection(bootstrapServers, Map.of());
    }

    /**
     * @param bootstrapServers the servers from the command line, or {@code null}
     * @param configFile       a client properties file, or {@code null}
     * @param overrides        {@code key=value} overrides (highest precedence)
     * @return the connection
     * @throws ConfigException    if no bootstrap servers are given anywhere
     * @throws TributaryException if the file cannot be read
     */
    public static KafkaConnection load(String bootstrapServers, Path configFile, Map<String, String> overrides) {
        Map<String, String> props = configFile == null ? new HashMap<>() : readProperties(configFile);
        if (bootstrapServers != null) {
            props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        }
        props.putAll(overrides);
        String servers = props.remove(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        return new KafkaConnection(servers, props);
    }

    /**
     * @return whether any of the sources {@link #load} reads names a bootstrap address; if none
     *         does, the caller starts an embedded broker
     */
    public static boolean isConfigured(String bootstrapServers, Path configFile, Map<String, String> overrides) {
        return bootstrapServers != null
                || overrides.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)
                || (configFile != null && readProperties(configFile).containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
    }

    private static Map<String, String> readProperties(Path configFile) {
        Properties file = new Properties();
        try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
            file.load(reader);
        } catch (IOException e) {
            throw new TributaryException("cannot read --kafka-config " + configFile + ": " + e, e);
        }
        Map<String, String> props = new HashMap<>();
        file.stringPropertyNames().forEach(k -> props.put(k, file.getProperty(k)));
        return props;
    }

    /**
     * @param defaults client properties (a scenario's) that apply where this connection sets nothing
     * @return a connection with them underneath its own
     */
    public KafkaConnection withDefaults(Map<String, String> defaults) {
        Map<String, String> merged = new HashMap<>(defaults);
        merged.remove(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        merged.putAll(clientProperties);
        return new KafkaConnection(bootstrapServers, merged);
    }

    /**
     * How long a producer rides out a broker outage before its send fails: 2 minutes, both
     * blocked in {@code send} ({@code max.block.ms}) and waiting for an acknowledgement
     * ({@code delivery.timeout.ms}). Either may be set with {@code -X}.
     */
    public static final int OUTAGE_TOLERANCE_MS = 120_000;

    /** @return producer settings: byte-array serdes, {@code acks=all}, idempotent, a 2-minute outage tolerance, then the user's properties */
    public Map<String, Object> producerConfig() {
        Map<String, Object> config = base();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // A send blocks (no metadata, a full buffer) for as long as a sent record may wait for its
        // broker: Kafka's defaults let the producer give up on an outage after 60 s of the 120 s.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, OUTAGE_TOLERANCE_MS);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, OUTAGE_TOLERANCE_MS);
        config.putAll(clientProperties);
        return config;
    }

    /**
     * @param groupId the consumer group, or {@code null} for a group-less (assign-only) consumer
     * @return consumer settings: byte-array serdes, manual commits, {@code earliest}, then the user's properties
     */
    public Map<String, Object> consumerConfig(String groupId) {
        Map<String, Object> config = base();
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.putAll(clientProperties);
        if (groupId != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        return config;
    }

    /** @return admin client settings: the user's properties */
    public Map<String, Object> adminConfig() {
        Map<String, Object> config = base();
        config.putAll(clientProperties);
        return config;
    }

    private Map<String, Object> base() {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.CLIENT_DNS_LOOKUP_CONFIG, "use_all_dns_ips");
        return config;
    }

    /**
     * @return the connection as it may be logged or recorded: every secret (passwords, JAAS
     *         configs, keys, tokens) replaced by {@value #MASK}
     */
    public Map<String, String> describe() {
        Map<String, String> shown = new TreeMap<>();
        shown.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        clientProperties.forEach((k, v) -> shown.put(k, Secrets.shown(k, v)));
        return shown;
    }

    /**
     * @param key a client property, possibly prefixed ({@code listener.name.x.}, {@code producer.})
     * @return whether its value must never be shown (see {@link Secrets})
     */
    public static boolean isSecret(String key) {
        return Secrets.isSecret(key);
    }

    @Override
    public String toString() {
        return "KafkaConnection" + describe();
    }
}
