package dev.tributary.producer.generator;

import dev.tributary.common.data.Example;
import dev.tributary.common.data.Schema;

/**
 * An endless, seeded source of labelled examples. The same spec and seed give the same
 * examples in the same order. Memory stays constant however many examples are drawn.
 * Implementations are not thread-safe.
 */
public interface ExampleGenerator {

    /** @return the feature and class names every example follows */
    Schema schema();

    /** @return the next example; never {@code null}, never the end */
    Example next();
}
