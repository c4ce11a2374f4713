package dev.tributary.broker.test;

import dev.tributary.common.test.SyntheticData;
import dev.tributary.common.data.Example;
import dev.tributary.common.data.ExampleCodec;
import dev.tributary.common.data.MalformedRecordException.Kind;
import dev.tributary.kafka.DeadLetter;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.kafka.TopicAdmin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A seeded mix of valid and malformed Kafka records in the wire format of
 * {@link SyntheticData#SCHEMA} (4 features, 2 classes), each knowing by construction whether it
 * is valid and, if not, which {@link Kind} and reason a stage must give it. The faults: missing
 * key or value, labels that are not class indices (out of range, negative, text, empty, bytes that
 * are not UTF-8), too few or too many features, truncated values, stray delimiters, NaN and
 * Infinity, numbers too large for a double or too large to learn from, empty values, quotes and
 * bytes that are not UTF-8 inside a feature.
 */
public final class BadRecords {

    /** Tokens that are not finite numbers, as {@link ExampleCodec} reads a feature. */
    private static final List<byte[]> NOT_NUMBERS = List.of(bytes("NaN"), bytes("Infinity"), bytes("-Infinity"),
            bytes("1e400"), bytes("9".repeat(400)), bytes("-" + "9".repeat(10_000)), bytes(""), bytes("abc"),
            bytes("1.2.3"), bytes("\"1.5\""), bytes("--1"), bytes("1 2"), bytes("\u0000"),
            new byte[] {'1', (byte) 0xff}, new byte[] {(byte) 0xc3, '5'}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80});
    /** Keys that are not a class index of a 2-class schema. */
    private static final List<byte[]> BAD_LABELS = List.of(bytes("2"), bytes("-1"), bytes("x"), bytes(""), bytes("0.0"),
            bytes("99999999999999999999"), new byte[] {(byte) 0xff});

    private BadRecords() {
    }

    /**
     * One record and its verdict.
     *
     * @param key      the key bytes, or {@code null}
     * @param value    the value bytes, or {@code null}
     * @param example  the example it decodes to, or {@code null} if it is malformed
     * @param kind     why it is malformed, or {@code null} if it is valid
     * @param reason   the start of the reason a stage must give, or {@code null} if it is valid
     */
    public record Case(byte[] key, byte[] value, Example example, Kind kind, String reason) {
        /** @return whether the record is a valid example */
        public boolean valid() {
            return kind == null;
        }
    }

    /**
     * @param n        how many records
     * @param badShare the probability of each record being malformed
     * @param seed     the seed
     * @return the records, valid ones drawn from {@link SyntheticData#blobs}
     */
    public static List<Case> mix(int n, double badShare, long seed) {
        Random random = new Random(seed);
        List<Example> examples = SyntheticData.blobs(n, seed);
        List<Case> cases = new ArrayList<>(n);
        for (Example e : examples) {
            cases.add(random.nextDouble() < badShare ? malformed(e, random) : valid(e));
        }
        return cases;
    }

    private static Case valid(Example e) {
        return new Case(ExampleCodec.encodeKey(e.label()), ExampleCodec.encodeValue(e.features()), e, null, null);
    }

    private static Case malformed(Example e, Random random) {
        byte[] key = ExampleCodec.encodeKey(e.label());
        List<byte[]> fields = new ArrayList<>();
        for (double v : e.features()) {
            fields.add(bytes(ExampleCodec.encodeFeatures(new double[] {v})));
        }
        switch (random.nextInt(10)) {
            case 0:
                return new Case(null, join(fields), null, Kind.MALFORMED, "missing key");
            case 1:
                return new Case(key, null, null, Kind.MALFORMED, "missing value");
            case 2:
                return new Case(pick(BAD_LABELS, random), join(fields), null, Kind.UNKNOWN_LABEL, "key ");
            case 3: {
                // Too few features: whole fields cut off the end, as a truncated write would leave them.
                int keep = random.nextInt(fields.size());
                return new Case(key, join(fields.subList(0, keep)), null, keep == 0 ? Kind.NOT_A_NUMBER : Kind.WRONG_ARITY,
                        keep == 0 ? "feature 0: '' is not" : "expected 4 features, found " + keep);
            }
            case 4: {
                // Too many: extra numbers, or a stray delimiter at the end (an empty fifth field).
                List<byte[]> more = new ArrayList<>(fields);
                int extra = 1 + random.nextInt(3);
                for (int i = 0; i < extra; i++) {
                    more.add(random.nextBoolean() ? bytes("") : bytes(Integer.toString(random.nextInt(100))));
                }
                return new Case(key, join(more), null, Kind.WRONG_ARITY, "expected 4 features, found " + more.size());
            }
            case 5: {
                // A stray delimiter inside the line: an empty field where a number should be.
                int at = 1 + random.nextInt(fields.size() - 1);
                List<byte[]> split = new ArrayList<>(fields);
                split.add(at, bytes(""));
                return new Case(key, join(split), null, Kind.NOT_A_NUMBER, "feature " + at + ": '' is not");
            }
            case 6: {
                // A value truncated inside its last number, down to a sign or an exponent marker.
                List<byte[]> cut = new ArrayList<>(fields);
                cut.set(3, bytes(random.nextBoolean() ? "-" : "5e"));
                return new Case(key, join(cut), null, Kind.NOT_A_NUMBER, "feature 3: ");
            }
            case 8: {
                // Finite, but too large to learn from: both signs, so that, accepted, they would turn
                // the standardisation's mean into NaN.
                int at = random.nextInt(fields.size());
                List<byte[]> huge = new ArrayList<>(fields);
                huge.set(at, bytes((random.nextBoolean() ? "-" : "") + (random.nextBoolean() ? "1.7e308" : "1e101")));
                return new Case(key, join(huge), null, Kind.OUT_OF_RANGE, "feature " + at + ": ");
            }
            case 7: {
                // An empty value, or nothing but delimiters.
                boolean empty = random.nextBoolean();
                return new Case(key, bytes(empty ? "" : ",,,"), null, Kind.NOT_A_NUMBER, "feature 0: '' is not");
            }
            default: {
                int at = random.nextInt(fields.size());
                List<byte[]> bad = new ArrayList<>(fields);
                bad.set(at, pick(NOT_NUMBERS, random));
                return new Case(key, join(bad), null, Kind.NOT_A_NUMBER, "feature " + at + ": ");
            }
        }
    }

    /**
     * Creates the topic and writes the cases in order, all to one partition, with recent timestamps.
     *
     * @param kafka the cluster
     * @param topic the topic (one partition)
     * @param cases what to write
     * @return where each case was written: its offset, by position in {@code cases}
     */
    public static long[] write(KafkaConnection kafka, String topic, List<Case> cases) {
        try (TopicAdmin admin = new TopicAdmin(kafka)) {
            admin.ensureTopic(topic, 1, (short) 1, Map.of());
        }
        long[] offsets = new long[cases.size()];
        List<Future<RecordMetadata>> sent = new ArrayList<>(cases.size());
        long now = System.currentTimeMillis();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producerConfig())) {
            for (Case c : cases) {
                sent.add(producer.send(new ProducerRecord<>(topic, 0, now, c.key(), c.value())));
            }
            producer.flush();
            for (int i = 0; i < offsets.length; i++) {
                offsets[i] = sent.get(i).get().offset();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
        return offsets;
    }

    /**
     * Asserts that the dead letters are exactly the malformed cases: one each, with the original
     * key and value, the reason the case expects, its {@code topic-0@offset} and the stage.
     *
     * @param cases       what was written
     * @param offsets     where, from {@link #write}
     * @param topic       the topic they were written to
     * @param stage       the stage expected in each dead letter
     * @param deadLetters the dead-letter topic's records
     */
    public static void assertDeadLettered(List<Case> cases, long[] offsets, String topic, String stage,
                                          List<ConsumerRecord<byte[], byte[]>> deadLetters) {
        Map<String, ConsumerRecord<byte[], byte[]>> bySource = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : deadLetters) {
            String source = DeadLetter.header(r.headers(), DeadLetter.SOURCE_HEADER);
            assertNotNull(source, "a dead letter without its source");
            assertEquals(null, bySource.put(source, r), source + " dead-lettered twice");
        }
        long bad = cases.stream().filter(c -> !c.valid()).count();
        assertEquals(bad, deadLetters.size(), "one dead letter per malformed record, none for a valid one");
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            ConsumerRecord<byte[], byte[]> letter = bySource.get(topic + "-0@" + offsets[i]);
            if (c.valid()) {
                assertEquals(null, letter, "valid record " + i + " was dead-lettered");
                continue;
            }
            assertNotNull(letter, "malformed record " + i + " (" + c.kind() + ") is not in the dead-letter topic");
            String reason = DeadLetter.header(letter.headers(), DeadLetter.REASON_HEADER);
            assertTrue(reason != null && reason.startsWith(c.reason()),
                    "record " + i + ": reason '" + reason + "', expected it to start with '" + c.reason() + "'");
            assertEquals(stage, DeadLetter.header(letter.headers(), DeadLetter.STAGE_HEADER));
            assertArrayEquals(c.key(), letter.key(), "record " + i + ": the key, untouched");
            assertArrayEquals(c.value(), letter.value(), "record " + i + ": the value, untouched");
        }
    }

    private static byte[] join(List<byte[]> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(fields.get(i));
        }
        return out.toByteArray();
    }

    private static byte[] pick(List<byte[]> choices, Random random) {
        byte[] chosen = choices.get(random.nextInt(choices.size()));
        return Arrays.copyOf(chosen, chosen.length);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
