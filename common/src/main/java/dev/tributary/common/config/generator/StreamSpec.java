package dev.tributary.common.config.generator;

import dev.tributary.common.config.ConfigException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A synthetic stream: one or more concepts and how they change. In a scenario file:
 *
 * <pre>{@code
 * concepts:
 *   - {type: sea, function: 1, noise: 0.1}
 *   - {type: sea, function: 3, noise: 0.1}
 * drift: {kind: abrupt, positions: [5000]}
 * }</pre>
 *
 * <p>All concepts are of one generator type with the same number of features and classes, so
 * that the stream has one schema; two concepts may have identical parameters (each still gets
 * its own seed, hence its own random hyperplane or centroids).
 *
 * @param concepts the concepts, in the order they appear
 * @param drift    how they change; {@code null} (left out) for a single concept
 */
public record StreamSpec(List<GeneratorSpec> concepts, DriftSpec drift) {

    /**
     * @throws ConfigException if there is no concept, the concepts differ in type or shape, or
     *                         the drift does not fit their number
     */
    public StreamSpec {
        ConfigException.require(concepts != null && !concepts.isEmpty(), "concepts", concepts,
                "at least one generator");
        for (int i = 0; i < concepts.size(); i++) {
            ConfigException.require(concepts.get(i) != null, "concepts[" + i + "]", null, "a generator");
        }
        concepts = List.copyOf(concepts);
        GeneratorSpec first = concepts.get(0);
        for (int i = 1; i < concepts.size(); i++) {
            GeneratorSpec other = concepts.get(i);
            ConfigException.require(other.getClass() == first.getClass() && other.numFeatures() == first.numFeatures()
                            && other.numClasses() == first.numClasses(), "concepts[" + i + "]", other.describe(),
                    "the generator type, features (" + first.numFeatures() + ") and classes (" + first.numClasses()
                            + ") of concepts[0], " + first.describe());
        }
        int changes = concepts.size() - 1;
        if (drift == null) {
            ConfigException.require(changes == 0, "drift", null,
                    "a drift saying how the " + concepts.size() + " concepts change");
        } else if (drift.kind() == DriftKind.RECURRING) {
            ConfigException.require(changes >= 1, "concepts", concepts.size() + " concept",
                    "at least 2 concepts for recurring drift");
        } else {
            ConfigException.require(drift.positions().size() == changes, "drift.positions", drift.positions(),
                    changes + " position(s), one per change between the " + concepts.size() + " concepts");
        }
    }

    /**
     * @param concept the only concept
     * @return a stream without drift
     */
    public static StreamSpec of(GeneratorSpec concept) {
        return new StreamSpec(List.of(concept), null);
    }

    /** @return the number of classes, the same for every concept */
    public int numClasses() {
        return concepts.get(0).numClasses();
    }

    /**
     * The centre of every change within a stream of the given length, for reports to mark. A
     * gradual change is partly under way before its centre; a recurring drift changes at every
     * multiple of its period.
     *
     * @param events the stream's length
     * @return the positions below {@code events}, increasing; empty without drift
     * @throws IllegalArgumentException if {@code events} is negative
     */
    public List<Long> driftPositions(long events) {
        if (events < 0) {
            throw new IllegalArgumentException("events must be >= 0, was " + events);
        }
        return drift == null ? List.of() : drift.changesBefore(events);
    }

    /** @return one line, such as {@code SEA function 1, 10% noise -> SEA function 3, 10% noise, abrupt drift at 5000} */
    public String describe() {
        String joined = concepts.stream().map(GeneratorSpec::describe)
                .collect(Collectors.joining(drift != null && drift.kind() == DriftKind.RECURRING ? " <-> " : " -> "));
        return drift == null ? joined : joined + ", " + drift.describe();
    }
}
