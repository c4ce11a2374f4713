package dev.tributary.kafka;

import dev.tributary.common.data.Example;
import dev.tributary.common.data.ExampleCodec;
import dev.tributary.common.data.MalformedRecordException;
import dev.tributary.common.data.Schema;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one poison-record policy of every stage that reads examples from a topic: a record is
 * decoded, or else it goes, untouched, to the stage's dead-letter topic with its reason
 * ({@link DeadLetterWriter}) and is counted, so that records read = decoded + rejected.
 */
public final class ExampleReader {

    private static final Logger LOG = LoggerFactory.getLogger(ExampleReader.class);

    private final ExampleCodec codec;
    private final DeadLetterWriter deadLetters;
    private long decoded;
    private long rejected;

    /**
     * @param schema      the topic's schema
     * @param deadLetters where rejected records go; {@code null} only for a re-read of a topic whose
     *                    rejections were already written (they are then counted, not written again)
     */
    public ExampleReader(Schema schema, DeadLetterWriter deadLetters) {
        this.codec = ExampleCodec.forSchema(schema);
        this.deadLetters = deadLetters;
    }

    /**
     * @param record a consumed record
     * @return its example, or {@code null} if it was rejected
     */
    public Example read(ConsumerRecord<byte[], byte[]> record) {
        try {
            Example example = codec.decode(record.key(), record.value());
            decoded++;
            return example;
        } catch (MalformedRecordException e) {
            reject(record, e);
            return null;
        }
    }

    private void reject(ConsumerRecord<byte[], byte[]> record, MalformedRecordException e) {
        rejected++;
        if (deadLetters != null) {
            deadLetters.reject(record, e);
        }
        LOG.debug("Rejected {}: {}", DeadLetter.source(record.topic(), record.partition(), record.offset()),
                e.getMessage());
    }

    /** An event of a stream whose labels come late ({@link LabelFeed}): its id and its features. */
    public record Unlabelled(long id, double[] features) {
    }

    /**
     * @param record a consumed record of a stream whose labels come late: key = the event's id
     * @return its id and features, or {@code null} if it was rejected
     */
    public Unlabelled readUnlabelled(ConsumerRecord<byte[], byte[]> record) {
        try {
            long id = ExampleCodec.decodeEventId(record.key());
            if (record.value() == null) {
                throw new MalformedRecordException(MalformedRecordException.Kind.MALFORMED, "missing value: the value must be the features");
            }
            Unlabelled event = new Unlabelled(id, codec.decodeFeatures(new String(record.value(),
                    java.nio.charset.StandardCharsets.UTF_8)));
            decoded++;
            return event;
        } catch (MalformedRecordException e) {
            reject(record, e);
            return null;
        }
    }

    /** @return records decoded so far */
    public long decoded() {
        return decoded;
    }

    /** @return records rejected so far */
    public long rejected() {
        return rejected;
    }

    /**
     * Waits until every dead letter so far is written: before committing offsets past them.
     */
    public void flush() {
        if (deadLetters != null) {
            deadLetters.flush();
        }
    }
}
