package dev.tributary.producer;

import dev.tributary.common.config.generator.StreamSpec;
import dev.tributary.common.data.Schema;
import dev.tributary.producer.generator.Generators;

/**
 * A generated stream, in time order: the first {@code trainShare} of the events are the train
 * part, the rest the test part, each event generated when it is taken. Memory stays constant
 * whatever the length.
 *
 * @param stream     the generator and its drift
 * @param events     how many events to generate
 * @param trainShare the leading share of events in the train part
 * @param seed       the generator's seed
 */
public record GeneratedSource(StreamSpec stream, long events, double trainShare, long seed) implements EventSource {

    @Override
    public EventSequence open() {
        return EventSequence.generated(Generators.create(stream, seed), events, trainEvents(),
                stream.driftPositions(events));
    }

    @Override
    public Schema schema() {
        return Generators.create(stream, seed).schema();
    }

    @Override
    public long trainEvents() {
        return Math.round(events * trainShare);
    }

    @Override
    public String describe() {
        return stream.describe();
    }
}
