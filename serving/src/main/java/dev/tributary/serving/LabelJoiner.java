package dev.tributary.serving;

import dev.tributary.common.config.ConfigException;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.config.TopicNames;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.kafka.TopicAdmin;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.JoinWindows;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.StreamJoined;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * A deployment's label join, when labels come late: a Kafka Streams application that joins each
 * label ({@code <name>-labels}, key = the event's id) to its event ({@code <name>-events}, the
 * features, same key) within a window, and writes the labelled event to {@code <name>-labelled}
 * in the wire format of a labelled stream (key = the class, value = the features), stamped with
 * the label's time; the trainer stages read that topic as they read any labelled stream. It is
 * the deployed form of the join the in-process driver does itself.
 *
 * <p>The join's state is bounded by the window: an event whose label does not come within it is
 * dropped from the windowed store, never held forever. Records are joined as bytes: a malformed
 * event or label is left for the trainers' one poison-record policy, which dead-letters it.
 */
public final class LabelJoiner implements AutoCloseable {

    private final KafkaStreams streams;

    private LabelJoiner(KafkaStreams streams) {
        this.streams = streams;
    }

    /**
     * The joiner's settings.
     *
     * @param applicationId its Kafka Streams application id
     * @param events        the unlabelled events, keyed by id
     * @param labels        the labels, keyed by their event's id
     * @param labelled      written: the joined events, keyed by class
     * @param window        how long an event waits for its label (the horizon, on the stream's schedule)
     * @param stateDir      where Streams keeps its local state
     */
    public record Settings(String applicationId, String events, String labels, String labelled, Duration window,
                           Path stateDir) {

        /**
         * @param scenario a scenario whose labels come late, with a rate
         * @param stateDir where Streams keeps its local state
         * @return its joiner's settings: its events and labels topics into {@code <name>-labelled},
         *         within the horizon on the stream's schedule ({@code horizon-events} at the rate)
         * @throws dev.tributary.common.config.ConfigException if its labels come with their events or it has no rate
         */
        public static Settings of(ScenarioConfig scenario, Path stateDir) {
            ConfigException.require(scenario.labels().joined(), "labels.delay-events", scenario.labels().describe(),
                    "a delay (or labels.own-topic: true): labels that come with their events need no joiner");
            ConfigException.require(scenario.rate().limited(), "rate.events-per-second", 0,
                    "a rate: the joiner's window is the horizon on the stream's schedule");
            Duration window = Duration.ofMillis((long) Math.ceil(scenario.labels().horizonEvents() * 1000.0
                    / scenario.rate().eventsPerSecond()));
            TopicNames names = scenario.names();
            return new Settings(names.labelJoinerApplicationId(), scenario.eventsTopic(), scenario.labelsTopic(),
                    names.labelled(), window, stateDir);
        }
    }

    /**
     * Creates the labelled topic (as many partitions as the events topic) and starts joining.
     *
     * @param connection the cluster
     * @param settings   the joiner's settings
     * @return the running joiner
     */
    public static LabelJoiner start(KafkaConnection connection, Settings settings) {
        try (TopicAdmin admin = new TopicAdmin(connection)) {
            var events = admin.describe(settings.events());
            admin.ensureTopic(settings.labelled(), events.partitions().size(),
                    (short) events.partitions().get(0).replicas().size(), Map.of());
        }
        KafkaStreams streams = new KafkaStreams(topology(settings), config(connection, settings));
        streams.setUncaughtExceptionHandler(e -> {
            org.slf4j.LoggerFactory.getLogger(LabelJoiner.class).error("Label joiner thread failed", e);
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.start();
        return new LabelJoiner(streams);
    }

    /**
     * @param settings the topics and window
     * @return the join: labels within {@code window} after their event, written keyed by class
     */
    static Topology topology(Settings settings) {
        StreamsBuilder builder = new StreamsBuilder();
        Consumed<byte[], byte[]> bytes = Consumed.with(Serdes.ByteArray(), Serdes.ByteArray());
        KStream<byte[], byte[]> events = builder.stream(settings.events(), bytes);
        KStream<byte[], byte[]> labels = builder.stream(settings.labels(), bytes);
        // A label falls due after its event, never before: it joins an event of up to `window` earlier.
        JoinWindows window = JoinWindows.ofTimeDifferenceWithNoGrace(settings.window()).after(Duration.ZERO);
        labels.join(events, (label, features) -> new byte[][] {label, features}, window,
                        StreamJoined.with(Serdes.ByteArray(), Serdes.ByteArray(), Serdes.ByteArray()))
                .map((id, joined) -> KeyValue.pair(joined[0], joined[1]))
                .to(settings.labelled(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        return builder.build();
    }

    private static Properties config(KafkaConnection connection, Settings settings) {
        Properties p = StreamsApplications.config(connection, settings.applicationId(), settings.stateDir());
        // Records are processed as they come, not held back to interleave the two topics by time.
        p.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, 0);
        return StreamsApplications.withClientProperties(p, connection);
    }

    /**
     * @param timeout how long to wait
     * @return whether the joiner reached RUNNING in time
     */
    public boolean awaitRunning(Duration timeout) {
        return StreamsApplications.awaitRunning(streams, timeout, "label joiner");
    }

    /** @return the Streams state (a failed joiner is in ERROR or NOT_RUNNING) */
    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public void close() {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
    }
}
