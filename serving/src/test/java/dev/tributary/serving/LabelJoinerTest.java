package dev.tributary.serving;

import dev.tributary.common.data.ExampleCodec;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LabelJoinerTest {

    @Test
    void eachLabelIsJoinedToItsEventWithinTheWindowAndWrittenKeyedByClass(@TempDir Path dir) {
        LabelJoiner.Settings settings = new LabelJoiner.Settings("join-test", "events", "labels", "labelled",
                Duration.ofSeconds(10), dir);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "join-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
        try (TopologyTestDriver driver = new TopologyTestDriver(LabelJoiner.topology(settings), config)) {
            TestInputTopic<byte[], byte[]> events = driver.createInputTopic("events", new ByteArraySerializer(),
                    new ByteArraySerializer());
            TestInputTopic<byte[], byte[]> labels = driver.createInputTopic("labels", new ByteArraySerializer(),
                    new ByteArraySerializer());
            TestOutputTopic<byte[], byte[]> labelled = driver.createOutputTopic("labelled", new ByteArrayDeserializer(),
                    new ByteArrayDeserializer());
            Instant t0 = Instant.parse("2026-12-01T00:00:00Z");
            for (int i = 0; i < 5; i++) {
                events.pipeInput(ExampleCodec.encodeEventId(i), ExampleCodec.encodeValue(new double[] {i, -i}),
                        t0.plusSeconds(i));
            }
            // Labels of events 0 and 1 come 3 s after them; event 2's 12 s after, past the 10 s window.
            labels.pipeInput(ExampleCodec.encodeEventId(0), ExampleCodec.encodeKey(1), t0.plusSeconds(3));
            labels.pipeInput(ExampleCodec.encodeEventId(1), ExampleCodec.encodeKey(0), t0.plusSeconds(4));
            events.pipeInput(ExampleCodec.encodeEventId(5), ExampleCodec.encodeValue(new double[] {5, -5}),
                    t0.plusSeconds(13));
            labels.pipeInput(ExampleCodec.encodeEventId(2), ExampleCodec.encodeKey(1), t0.plusSeconds(14));

            List<TestRecord<byte[], byte[]>> out = labelled.readRecordsToList();
            assertEquals(2, out.size(), "a label past the window finds no event");
            assertEquals("1", new String(out.get(0).key(), StandardCharsets.UTF_8), "keyed by the class");
            assertArrayEquals(ExampleCodec.encodeValue(new double[] {0, 0}), out.get(0).value());
            assertEquals(t0.plusSeconds(3), out.get(0).getRecordTime(), "stamped with the label's time");
            assertEquals("0", new String(out.get(1).key(), StandardCharsets.UTF_8));
            assertArrayEquals(ExampleCodec.encodeValue(new double[] {1, -1}), out.get(1).value());
        }
    }
}
