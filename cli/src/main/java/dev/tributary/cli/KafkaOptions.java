package dev.tributary.cli;

import dev.tributary.broker.EmbeddedKafkaBroker;
import dev.tributary.common.config.ConfigException;
import dev.tributary.kafka.ClusterProbe;
import dev.tributary.kafka.KafkaConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
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
                    + "run, bench, soak, serve-bench and suite start an embedded single-node broker for the life of the "
                    + "process; the stage commands need a cluster that outlives them.")
    String bootstrapServers;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Kafka client properties file (security.protocol, sasl.*, ssl.*, ...), "
                    + "passed to every producer, consumer and admin client.")
    Path configFile;

    @Option(names = {"-X", "--kafka-property"}, paramLabel = "KEY=VALUE",
            description = "A Kafka client property; overrides --kafka-config and --bootstrap-servers. Repeatable.",
            showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--connect-timeout", paramLabel = "SECONDS",
            description = "How long to wait for an external cluster to answer before giving up.")
    long connectTimeoutSeconds = 15;

    /** @return whether an external cluster was named */
    boolean external() {
        return KafkaConnection.isConfigured(bootstrapServers, configFile, overrides);
    }

    /**
     * @return the external cluster
     * @throws dev.tributary.common.config.ConfigException if none was named
     */
    KafkaConnection connection() {
        if (connectTimeoutSeconds < 1) {
            throw new ConfigException("--connect-timeout", connectTimeoutSeconds, "at least 1 second");
        }
        KafkaConnection connection = KafkaConnection.load(bootstrapServers, configFile, overrides);
        LOG.info("Connecting to the Kafka cluster at {}", connection.bootstrapServers());
        int brokers = ClusterProbe.await(connection, Duration.ofSeconds(connectTimeoutSeconds));
        LOG.info("Connected: {} broker(s) answered", brokers);
        return connection;
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
            return new Session(connection(), null);
        }
        LOG.info("No --bootstrap-servers given: starting an embedded Kafka broker");
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
        return new Session(broker.connection(), broker);
    }
}
