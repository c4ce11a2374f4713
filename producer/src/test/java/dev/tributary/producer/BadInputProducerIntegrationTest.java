package dev.tributary.producer;

import dev.tributary.common.provenance.ProduceResult;
import dev.tributary.broker.test.TopicFixtures;

import dev.tributary.common.ProgressListener;
import dev.tributary.common.config.DatasetSpec;
import dev.tributary.common.config.MissingValuePolicy;
import dev.tributary.common.config.RateConfig;
import dev.tributary.common.config.SplitConfig;
import dev.tributary.common.config.TopicsConfig;
import dev.tributary.common.data.MalformedRecordException.Kind;
import dev.tributary.kafka.DeadLetter;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.broker.test.SharedKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Thousands of seeded bad rows ({@link BadCsv}) through the real producer path, CSV file →
 * {@link SourceProducer} → train, test and dead-letter topics on the embedded broker: nothing
 * crashes, every bad row is dead-lettered once with its reason and its exact bytes, every good row
 * arrives intact, and rows read = train + test + dead-lettered; with the classes declared, and
 * derived from the accepted rows.
 */
@Tag("integration")
class BadInputProducerIntegrationTest {

    private final KafkaConnection kafka = SharedKafka.connection();

    @ParameterizedTest
    @EnumSource(BadCsv.ClassList.class)
    void everyBadRowIsDeadLetteredWithItsReasonAndCountsReconcile(BadCsv.ClassList classes, @TempDir Path dir)
            throws Exception {
        BadCsv.File generated = BadCsv.generate(5_000, 0.5, 20_240_601, classes);
        Path csv = dir.resolve("bad.csv");
        Files.write(csv, generated.content());
        DatasetSpec dataset = new DatasetSpec(SharedKafka.unique("bad-csv"), csv.toString(), true, List.of(), "label",
                List.of(), List.of(), "?", classes == BadCsv.ClassList.DECLARED ? List.of("0", "1") : List.of(),
                List.of(), "");
        TopicsConfig topics = TopicsConfig.forDataset(dataset.name());

        DatasetSource source = new DatasetSource(new DatasetFile.Csv(dataset), new SplitConfig(0.6, MissingValuePolicy.DROP,
                true), 0.6, 3);
        ProduceResult result = new SourceProducer(kafka, source, topics, Pacing.atRate(RateConfig.UNLIMITED),
                ProgressListener.NONE).produce();

        List<BadCsv.Line> lines = generated.lines();
        long rows = lines.stream().filter(l -> !l.blank()).count();
        long valid = lines.stream().filter(BadCsv.Line::valid).count();
        Map<String, Long> expectedByKind = new TreeMap<>();
        lines.stream().filter(l -> l.kind() != null).forEach(l -> expectedByKind.merge(l.kind().key(), 1L, Long::sum));
        assertEquals(Kind.values().length, expectedByKind.size(), "the generator covers every kind: " + expectedByKind);
        assertTrue(rows - valid >= 2_000, "thousands of bad rows: " + (rows - valid));

        // Derived, the classes are the accepted rows' labels: no bad row's 'abc' or '99' among them.
        assertEquals(List.of("0", "1"), source.schema().classNames());
        assertEquals(rows, result.read(), "blank lines and the header are not rows");
        assertEquals(valid, result.trainRecords() + result.testRecords());
        assertEquals(rows - valid, result.deadLettered());
        assertEquals(result.read(), result.trainRecords() + result.testRecords() + result.deadLettered());
        assertDeadLetters(csv, lines, read(topics.deadLetter()));
        assertEquals(expectedByKind, result.rejections());
        List<String> written = new ArrayList<>();
        for (String topic : List.of(topics.train(), topics.test())) {
            read(topic).forEach(r -> written.add(new String(r.key(), StandardCharsets.UTF_8) + "|"
                    + new String(r.value(), StandardCharsets.UTF_8)));
        }
        List<String> expected = new ArrayList<>(lines.stream().filter(BadCsv.Line::valid).map(BadCsv::encoded).toList());
        expected.sort(null);
        written.sort(null);
        assertEquals(expected, written, "every valid row, exactly once, with its exact values");
    }

    private static void assertDeadLetters(Path csv, List<BadCsv.Line> lines, List<ConsumerRecord<byte[], byte[]>> dead) {
        Map<String, ConsumerRecord<byte[], byte[]>> bySource = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : dead) {
            String source = DeadLetter.header(r.headers(), DeadLetter.SOURCE_HEADER);
            assertNull(bySource.put(source, r), source + " dead-lettered twice");
            assertEquals(SourceProducer.STAGE, DeadLetter.header(r.headers(), DeadLetter.STAGE_HEADER));
        }
        for (int i = 0; i < lines.size(); i++) {
            BadCsv.Line line = lines.get(i);
            String source = csv + ":" + (i + 2);
            ConsumerRecord<byte[], byte[]> letter = bySource.remove(source);
            if (line.kind() == null) {
                assertNull(letter, source + " is " + (line.blank() ? "blank" : "valid") + " but was dead-lettered");
                continue;
            }
            assertNotNull(letter, source + " (" + line.kind() + ") is not in the dead-letter topic");
            String reason = DeadLetter.header(letter.headers(), DeadLetter.REASON_HEADER);
            assertTrue(reason.startsWith(line.reason()), source + ": reason '" + reason + "' should start with '"
                    + line.reason() + "'; line: " + new String(line.bytes(), StandardCharsets.UTF_8));
            assertArrayEquals(line.deadLettered(), letter.value(), source + ": the line's bytes, exactly");
        }
        assertEquals(Map.of(), bySource, "dead letters for lines that do not exist");
    }

    private List<ConsumerRecord<byte[], byte[]>> read(String topic) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        TopicFixtures.read(kafka, topic, records::add);
        return records;
    }
}
