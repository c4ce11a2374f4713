package dev.tributary.serving;

import dev.tributary.common.TributaryException;
import dev.tributary.kafka.KafkaConnection;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/** What the scorer and the label joiner, both Kafka Streams applications, do alike. */
public final class StreamsApplications {

    private StreamsApplications() {
    }

    /**
     * The settings both share: the cluster, the id and state directory, a producer that sends at
     * once (Streams' lingers 100 ms by default, measured to add about 50 ms at the median), reading
     * from the earliest offset, and the cluster's default replication factor. The caller adds its
     * own, then the user's client properties ({@link #withClientProperties}).
     */
    static Properties config(KafkaConnection connection, String applicationId, Path stateDir) {
        Properties p = new Properties();
        p.putAll(connection.adminConfig());
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 0);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
        return p;
    }

    /** @return the settings with the user's client properties on top, as for every other client */
    static Properties withClientProperties(Properties p, KafkaConnection connection) {
        connection.clientProperties().forEach(p::put);
        return p;
    }

    /**
     * @param streams the application
     * @param timeout how long to wait
     * @param what    what it is, for the interruption's message
     * @return whether it reached RUNNING in time (false at once if it failed)
     */
    public static boolean awaitRunning(KafkaStreams streams, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline || !streams.state().isRunningOrRebalancing()
                    && streams.state() != KafkaStreams.State.CREATED) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TributaryException("interrupted while starting the " + what, e);
            }
        }
        return true;
    }
}
