package dev.tributary.producer.generator;

import dev.tributary.common.config.generator.DriftKind;
import dev.tributary.common.config.generator.DriftSpec;
import dev.tributary.common.data.Example;
import dev.tributary.common.data.Schema;

import java.util.List;
import java.util.Random;

/**
 * Concepts composed by a {@link DriftSpec}, in the manner of MOA's {@code ConceptDriftStream}
 * (Bifet et al., "MOA: Massive Online Analysis", JMLR 11, 2010). Events are numbered from 0 by
 * this stream's own counter; event {@code t} is drawn from one concept, chosen as follows.
 *
 * <ul>
 *   <li>No drift: the only concept.</li>
 *   <li>Abrupt: the number of positions {@code ≤ t}.</li>
 *   <li>Gradual: one uniform draw {@code u} per event; the concept is the number of positions
 *       {@code p} with {@code u < σ(t, p) = 1 / (1 + exp(-4 (t - p) / w))}. So the probability of
 *       being at or past concept {@code i + 1} is exactly σ at position {@code i}, which is MOA's
 *       sigmoid; when changes do not overlap it is also what MOA's nested streams give.</li>
 *   <li>Recurring with {@code k} concepts: concept {@code ⌊t / period⌋ mod k}. With a width, the
 *       switch nearest to {@code t}, at {@code s = j·period}, is blended: concept {@code j mod k}
 *       with probability σ(t, s), else {@code (j - 1) mod k}.</li>
 * </ul>
 *
 * <p>Only the chosen concept advances, so a concept that drifts by itself (a rotating hyperplane,
 * moving centroids) is paused while another one is active. Memory is constant: the stream keeps
 * its concepts, one counter and one random source, however long it runs.
 */
public final class ConceptDriftStream implements ExampleGenerator {

    private final ExampleGenerator[] concepts;
    private final DriftSpec drift;
    private final long[] positions;
    private final Random chooser;
    private long event;

    /**
     * @param concepts    the concepts, in order; they must share one schema
     * @param drift       how they change, or {@code null} for a single concept
     * @param chooserSeed the seed of the random source that picks the concept during a gradual change
     * @throws IllegalArgumentException if the concepts differ in schema or do not fit the drift
     */
    public ConceptDriftStream(List<? extends ExampleGenerator> concepts, DriftSpec drift, long chooserSeed) {
        if (concepts.isEmpty()) {
            throw new IllegalArgumentException("a stream needs at least one concept");
        }
        Schema schema = concepts.get(0).schema();
        for (int i = 1; i < concepts.size(); i++) {
            if (!concepts.get(i).schema().equals(schema)) {
                throw new IllegalArgumentException("concept " + i + " has schema " + concepts.get(i).schema()
                        + ", concept 0 has " + schema);
            }
        }
        int changes = concepts.size() - 1;
        boolean fits = drift == null ? changes == 0
                : drift.kind() == DriftKind.RECURRING ? changes >= 1 : drift.positions().size() == changes;
        if (!fits) {
            throw new IllegalArgumentException(concepts.size() + " concepts do not fit the drift "
                    + (drift == null ? "(none)" : drift.describe()));
        }
        this.concepts = concepts.toArray(new ExampleGenerator[0]);
        this.drift = drift;
        this.positions = drift == null ? new long[0] : drift.positions().stream().mapToLong(Long::longValue).toArray();
        this.chooser = new Random(chooserSeed);
    }

    @Override
    public Schema schema() {
        return concepts[0].schema();
    }

    @Override
    public Example next() {
        Example example = concepts[conceptAt(event)].next();
        event++;
        return example;
    }

    /** @return how many examples this stream has produced */
    public long events() {
        return event;
    }

    /** Draws from the chooser only during a gradual change, so abrupt streams draw nothing. */
    private int conceptAt(long t) {
        if (drift == null) {
            return 0;
        }
        return switch (drift.kind()) {
            case ABRUPT -> passed(t);
            case GRADUAL -> blended(t);
            case RECURRING -> recurring(t);
        };
    }

    private int passed(long t) {
        int concept = 0;
        while (concept < positions.length && t >= positions[concept]) {
            concept++;
        }
        return concept;
    }

    private int blended(long t) {
        double u = chooser.nextDouble();
        int concept = 0;
        // The sigmoids decrease with the position, so the ones u falls below form a prefix.
        while (concept < positions.length && u < sigmoid(t, positions[concept], drift.width())) {
            concept++;
        }
        return concept;
    }

    private int recurring(long t) {
        long period = drift.period();
        int k = concepts.length;
        if (drift.width() == 0) {
            return (int) ((t / period) % k);
        }
        long nearest = (t + period / 2) / period;
        if (nearest == 0) {
            return 0;
        }
        boolean switched = chooser.nextDouble() < sigmoid(t, nearest * period, drift.width());
        return (int) ((switched ? nearest : nearest - 1) % k);
    }

    private static double sigmoid(long t, long position, long width) {
        return 1 / (1 + Math.exp(-4.0 * (t - position) / width));
    }
}
