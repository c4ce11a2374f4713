package dev.tributary.producer;

import dev.tributary.common.data.Example;
import dev.tributary.common.data.Schema;
import dev.tributary.producer.generator.ExampleGenerator;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A source's events in the order its producer sends them: the train part first (under the
 * prequential protocol, every event: the events topic's sequence), then the test part. The
 * producer writes them to Kafka and the exporter to a file, so both see one sequence.
 *
 * <p>A generated stream's events are generated as they are taken, in constant memory; a data
 * set's were read, split and imputed when the sequence was opened, and its rejected rows are
 * known from the start. Counts reconcile: {@code read == events + rejected}.
 */
public final class EventSequence implements Iterator<Example> {

    private final Schema schema;
    private final Supplier<Example> source;
    private final long events;
    private final long trainEvents;
    private final long read;
    private final List<RejectedRow> rejected;
    private final long imputedValues;
    private final List<Long> driftPositions;
    private long position;

    private EventSequence(Schema schema, Supplier<Example> source, long events, long trainEvents, long read,
                          List<RejectedRow> rejected, long imputedValues, List<Long> driftPositions) {
        this.schema = schema;
        this.source = source;
        this.events = events;
        this.trainEvents = trainEvents;
        this.read = read;
        this.rejected = List.copyOf(rejected);
        this.imputedValues = imputedValues;
        this.driftPositions = List.copyOf(driftPositions);
    }

    /**
     * @param generator      the stream, at its start
     * @param events         how many events to take
     * @param trainEvents    how many of them lead as the train part
     * @param driftPositions where the concept changes
     * @return the generated events, each drawn when it is taken
     */
    static EventSequence generated(ExampleGenerator generator, long events, long trainEvents, List<Long> driftPositions) {
        return new EventSequence(generator.schema(), generator::next, events, trainEvents, events, List.of(), 0,
                driftPositions);
    }

    /**
     * @param schema        the data set's schema
     * @param train         the train part, in order
     * @param test          the test part, in order
     * @param read          rows read from the file
     * @param rejected      the rows rejected, in file order
     * @param imputedValues missing values replaced
     * @return the data set's events
     */
    static EventSequence ofRows(Schema schema, List<Example> train, List<Example> test, long read,
                                List<RejectedRow> rejected, long imputedValues) {
        Iterator<Example> trainPart = train.iterator();
        Iterator<Example> testPart = test.iterator();
        return new EventSequence(schema, () -> trainPart.hasNext() ? trainPart.next() : testPart.next(),
                train.size() + test.size(), train.size(), read, rejected, imputedValues, List.of());
    }

    @Override
    public boolean hasNext() {
        return position < events;
    }

    @Override
    public Example next() {
        if (position >= events) {
            throw new NoSuchElementException("the sequence has " + events + " events");
        }
        position++;
        return source.get();
    }

    /** @return the events' schema */
    public Schema schema() {
        return schema;
    }

    /** @return how many events the sequence holds */
    public long events() {
        return events;
    }

    /** @return how many of them, leading, are the train part (the test part is the rest) */
    public long trainEvents() {
        return trainEvents;
    }

    /** @return rows read from the file, or events generated */
    public long read() {
        return read;
    }

    /** @return the rows rejected, each with its reason, in file order */
    public List<RejectedRow> rejected() {
        return rejected;
    }

    /** @return rejected rows by reason ({@code MalformedRecordException.Kind#key()}) */
    public Map<String, Long> rejections() {
        Map<String, Long> byKind = new TreeMap<>();
        rejected.forEach(r -> byKind.merge(r.kind().key(), 1L, Long::sum));
        return byKind;
    }

    /** @return missing feature values replaced by the training split's median */
    public long imputedValues() {
        return imputedValues;
    }

    /** @return where a generated stream's concept changes (empty for a data set) */
    public List<Long> driftPositions() {
        return driftPositions;
    }
}
