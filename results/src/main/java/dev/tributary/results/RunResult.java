package dev.tributary.results;

import dev.tributary.common.config.Seeds;
import dev.tributary.common.provenance.ProduceResult;

import java.util.List;

/**
 * One repetition of a scenario.
 *
 * @param repetition      0-based
 * @param seeds           its seeds
 * @param produce         what the producer wrote (null when only evaluated)
 * @param strategies      one entry per strategy, in the scenario's order
 * @param wallTimeMs      the protocol's wall time, ms
 * @param eventsPerSecond events the protocol consumed per second of its wall time
 * @param peakHeapBytes   the highest memory in use right after any GC during the run (whole process,
 *                        embedded broker included; garbage the collector had not reached yet counts)
 * @param liveHeapBytes   the heap still in use after a full GC at the end of the run: what it retained
 */
public record RunResult(int repetition, Seeds seeds, ProduceResult produce, List<StrategyResult> strategies,
                        long wallTimeMs, double eventsPerSecond, long peakHeapBytes, long liveHeapBytes) {

    /**
     * Copies the strategies.
     */
    public RunResult {
        strategies = List.copyOf(strategies);
    }

    /**
     * @param strategy a strategy name
     * @return its result
     * @throws IllegalArgumentException if the run has no such strategy
     */
    public StrategyResult strategy(String strategy) {
        return strategies.stream().filter(s -> s.strategy().equals(strategy)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no strategy '" + strategy + "'; have "
                        + strategies.stream().map(StrategyResult::strategy).toList()));
    }
}
