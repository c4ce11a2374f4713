package dev.tributary.cli;

import dev.tributary.broker.EmbeddedKafkaBroker;
import dev.tributary.kafka.KafkaConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a command reaches Kafka: an external cluster given by {@code --bootstrap-servers} and/or
 * {@code --kafka-config}, or, where the command allows it, an embedded broker started for the
 * life of the process.
 */
final class KafkaOptions {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaOptions.class);

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "An external Kafka cluster. Without it (and without bootstrap.servers in --kafka-config), "
                    + "`run` starts an embedded single-node broker.")
    String bootstrapServers;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Kafka client properties file (security.protocol, sasl.*, ssl.*, ...), "
                    + "passed to every producer, consumer and admin client.")
    Path configFile;

    @Option(names = {"-X", "--kafka-property"}, paramLabel = "KEY=VALUE",
            description = "A Kafka client property; overrides --kafka-config and --bootstrap-servers. Repeatable.")
    Map<String, String> overrides = new LinkedHashMap<>();

    /** @return whether an external cluster was named */
    boolean external() {
        return KafkaConnection.isConfigured(bootstrapServers, configFile, overrides);
    }

    /**
     * @return the external cluster
     * @throws dev.tributary.common.config.ConfigException if none was named
     */
    KafkaConnection connection() {
        return KafkaConnection.load(bootstrapServers, configFile, overrides);
    }

    /**
     * The cluster a command works against, and the broker it started if it started one.
     *
     * @param connection the cluster
     * @param embedded   the embedded broker, or {@code null} for an external cluster
     */
    record Session(KafkaConnection connection, EmbeddedKafkaBroker embedded) implements AutoCloseable {
        @Override
        public void close() {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /** @return the external cluster if one was named, else a freshly started embedded broker */
    Session openOrEmbed() {
        if (external()) {
            KafkaConnection connection = connection();
            LOG.info("Using the Kafka cluster at {}", connection.bootstrapServers());
            return new Session(connection, null);
        }
        LOG.info("No --bootstrap-servers given: starting an embedded Kafka broker");
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
        return new Session(broker.connection(), broker);
    }
}
