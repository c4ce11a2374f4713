package dev.tributary.broker.test;

import dev.tributary.broker.EmbeddedKafkaBroker;
import dev.tributary.kafka.KafkaConnection;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real embedded broker per test JVM, started on first use and stopped when the JVM exits.
 * Tests isolate themselves by topic and group names from {@link #unique(String)}, not by
 * brokers, since a broker takes seconds to start.
 */
public final class SharedKafka {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedKafkaBroker broker;

    private SharedKafka() {
    }

    /** @return a connection to the shared broker, starting it if needed */
    public static synchronized KafkaConnection connection() {
        if (broker == null) {
            broker = EmbeddedKafkaBroker.start();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "shared-kafka-shutdown"));
        }
        return broker.connection();
    }

    /**
     * @param prefix a readable prefix
     * @return a name no other test in this JVM uses
     */
    public static String unique(String prefix) {
        return prefix + "-" + COUNTER.incrementAndGet() + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
    }
}
