package dev.tributary.reports.gate;

import dev.tributary.common.config.ConfigException;

/**
 * One quality gate: for a scenario under a protocol, a strategy's metric must reach a minimum
 * and may fall at most {@code maxDrop} below its baseline value.
 *
 * @param scenario the scenario's name
 * @param protocol {@code holdout} or {@code prequential}
 * @param strategy the strategy
 * @param metric   a metric key ({@code accuracy}, {@code kappa}, ...); higher must be better,
 *                 except {@code log_loss}, where lower is better and the bounds turn round
 * @param min      the floor (for {@code log_loss}: the ceiling); {@code null} for none
 * @param maxDrop  the largest allowed worsening against the baseline; {@code null} for none
 */
public record Gate(String scenario, String protocol, String strategy, String metric, Double min, Double maxDrop) {

    /**
     * @throws ConfigException naming the field, if the gate is incomplete
     */
    public Gate {
        ConfigException.require(scenario != null && protocol != null && strategy != null && metric != null,
                "gates[].scenario/protocol/strategy/metric", scenario + "/" + protocol + "/" + strategy + "/" + metric,
                "all four set");
        ConfigException.require(min != null || maxDrop != null, "gates[].min/max-drop", "neither",
                "a minimum, an allowed drop, or both");
        ConfigException.require(maxDrop == null || maxDrop >= 0, "gates[].max-drop", maxDrop, "0 or more");
    }

    /** @return whether lower values are better for this metric */
    public boolean lowerIsBetter() {
        return metric.equals("log_loss");
    }

    /** @return the key the baseline stores this gate's value under */
    public String key() {
        return scenario + "/" + protocol + "/" + strategy + "/" + metric;
    }
}
