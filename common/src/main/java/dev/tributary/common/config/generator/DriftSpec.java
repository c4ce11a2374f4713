package dev.tributary.common.config.generator;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.tributary.common.config.ConfigException;

import java.util.ArrayList;
import java.util.List;

/**
 * How the concepts of a stream change. Events are numbered from 0; every position, width and
 * period is a number of events. In a scenario file, keys that do not apply to the kind are left
 * out: {@code {kind: abrupt, positions: [5000]}}, {@code {kind: gradual, positions: [5000],
 * width: 1000}}, {@code {kind: recurring, period: 10000}}.
 *
 * <ul>
 *   <li>{@link DriftKind#ABRUPT}: concept {@code i + 1} replaces concept {@code i} at event
 *       {@code positions[i]}, so a stream of {@code k} concepts has {@code k - 1} positions.</li>
 *   <li>{@link DriftKind#GRADUAL}: as MOA's {@code ConceptDriftStream} (Bifet et al., "MOA:
 *       Massive Online Analysis", JMLR 11, 2010), event {@code t} comes from concept {@code i + 1}
 *       or a later one with probability {@code 1 / (1 + exp(-4 (t - p) / w))}, {@code p =
 *       positions[i]}, {@code w = width}: half-way at {@code p}, and 1/(1 + e^2) ≈ 12 % and 88 %
 *       at {@code p ∓ w/2}.</li>
 *   <li>{@link DriftKind#RECURRING}: with {@code k} concepts, concept {@code i mod k} holds during
 *       {@code [i·period, (i+1)·period)}; a positive {@code width} blends each switch by the same
 *       sigmoid, centred on the switch.</li>
 * </ul>
 *
 * @param kind      how the concepts change
 * @param positions ABRUPT and GRADUAL: the events at which each change is centred, positive and
 *                  strictly increasing; empty (or left out) for RECURRING
 * @param width     GRADUAL: the sigmoid's width, positive; RECURRING: 0 (abrupt switches) or a
 *                  width of at most half the period, so that one switch is 98 % complete before
 *                  the next begins; ABRUPT: 0
 * @param period    RECURRING: how long each concept holds, positive; otherwise 0
 */
public record DriftSpec(DriftKind kind, List<Long> positions,
                        // Read as 0 when left out, even by a mapper that rejects missing numbers:
                        // each applies to some kinds only, and a scenario names just those.
                        @JsonSetter(nulls = Nulls.AS_EMPTY) long width,
                        @JsonSetter(nulls = Nulls.AS_EMPTY) long period) {

    /**
     * @throws ConfigException naming the first field that does not fit the kind
     */
    public DriftSpec {
        ConfigException.require(kind != null, "drift.kind", null, "abrupt, gradual or recurring");
        positions = positions == null ? List.of() : List.copyOf(checkedPositions(positions));
        switch (kind) {
            case ABRUPT -> {
                ConfigException.require(width == 0, "drift.width", width,
                        "0 for abrupt drift (kind gradual blends concepts over a width)");
                ConfigException.require(period == 0, "drift.period", period, "0 (a period is for recurring drift)");
            }
            case GRADUAL -> {
                ConfigException.require(width > 0, "drift.width", width,
                        "a positive number of events for gradual drift");
                ConfigException.require(period == 0, "drift.period", period, "0 (a period is for recurring drift)");
            }
            case RECURRING -> {
                ConfigException.require(positions.isEmpty(), "drift.positions", positions,
                        "none for recurring drift (the period places the switches)");
                ConfigException.require(period > 0, "drift.period", period,
                        "a positive number of events each concept holds");
                ConfigException.require(width >= 0 && width <= period / 2, "drift.width", width,
                        "0 (abrupt switches) to " + period / 2 + " events (half the period)");
            }
            default -> throw new IllegalStateException("unhandled drift kind " + kind);
        }
    }

    /**
     * @param position the event at which the single change is centred
     * @return an abrupt change from the first concept to the second at that event
     * @throws ConfigException if the position is not positive
     */
    public static DriftSpec abrupt(long position) {
        return new DriftSpec(DriftKind.ABRUPT, List.of(position), 0, 0);
    }

    /**
     * @param position the event at which the single change is centred
     * @param width    the sigmoid's width, in events
     * @return a gradual change from the first concept to the second
     * @throws ConfigException if the position or width is not positive
     */
    public static DriftSpec gradual(long position, long width) {
        return new DriftSpec(DriftKind.GRADUAL, List.of(position), width, 0);
    }

    /**
     * @param period how long each concept holds, in events
     * @param width  0 for abrupt switches, or the sigmoid's width at each switch
     * @return concepts taking turns cyclically
     * @throws ConfigException if the period is not positive or the width not in [0, period/2]
     */
    public static DriftSpec recurring(long period, long width) {
        return new DriftSpec(DriftKind.RECURRING, List.of(), width, period);
    }

    /**
     * The centre of every change before event {@code events}, for reports to mark; a recurring
     * drift's switches at {@code period, 2·period, ...}.
     *
     * @param events the stream's length
     * @return the positions below {@code events}, increasing
     * @throws IllegalArgumentException if {@code events} is negative
     */
    public List<Long> changesBefore(long events) {
        if (events < 0) {
            throw new IllegalArgumentException("events must be >= 0, was " + events);
        }
        if (kind != DriftKind.RECURRING) {
            return positions.stream().filter(p -> p < events).toList();
        }
        List<Long> switches = new ArrayList<>();
        for (long p = period; p < events; p += period) {
            switches.add(p);
        }
        return List.copyOf(switches);
    }

    /** @return one short line, such as {@code abrupt at 25000} */
    public String describe() {
        return switch (kind) {
            case ABRUPT -> "abrupt drift at " + positionList();
            case GRADUAL -> "gradual drift at " + positionList() + " (sigmoid width " + width + ")";
            case RECURRING -> "recurring every " + period + " events"
                    + (width == 0 ? "" : " (sigmoid width " + width + ")");
        };
    }

    private String positionList() {
        return positions.size() == 1 ? positions.get(0).toString() : positions.toString();
    }

    private static List<Long> checkedPositions(List<Long> positions) {
        long previous = 0;
        for (Long p : positions) {
            ConfigException.require(p != null && p > previous, "drift.positions", positions,
                    "positive, strictly increasing event positions");
            previous = p;
        }
        return positions;
    }
}
