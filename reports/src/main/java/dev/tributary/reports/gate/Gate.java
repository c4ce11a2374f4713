package dev.tributary.reports.gate;

import dev.tributary.common.config.ConfigException;
import dev.tributary.common.metrics.MetricId;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * One quality gate: for a scenario under a protocol, a strategy's metric must stay on the right
 * side of a bound and may worsen by at most {@code maxDrop} against its baseline value. Which
 * side is right is the metric's own {@link MetricId#direction()}: a higher-is-better metric
 * (accuracy, AUC, kappa) takes a floor, {@code min}; a lower-is-better one (log loss) a ceiling,
 * {@code max}. A bound on the wrong side is rejected when the file is loaded, since it would
 * gate nothing, or everything.
 *
 * @param scenario the scenario's name
 * @param protocol {@code holdout}, {@code prequential}, or {@link #DEPLOYED}: the metric of what a
 *                 deployed-mode run served ({@code served_<metric>} in its summary), where
 *                 {@code prequential} gates the same run's ideal (test-then-train) value
 * @param strategy the strategy
 * @param metric   a {@link MetricId} key ({@code accuracy}, {@code kappa_m}, {@code log_loss}...)
 * @param min      the floor of a higher-is-better metric; {@code null} for none
 * @param max      the ceiling of a lower-is-better metric; {@code null} for none
 * @param maxDrop  the largest worsening allowed against the baseline, in the metric's direction
 *                 (for accuracy a fall, for log loss a rise), in the metric's unit; {@code null} for none
 */
public record Gate(String scenario, String protocol, String strategy, String metric, Double min, Double max,
                   Double maxDrop) {

    /** The protocol name of gates on served quality. */
    public static final String DEPLOYED = "deployed";

    /**
     * @throws ConfigException naming the field and the gate, if the gate is incomplete, names an
     *                         unknown metric or bounds it on the wrong side for its direction
     */
    public Gate {
        ConfigException.require(scenario != null && protocol != null && strategy != null && metric != null,
                "gates[].scenario/protocol/strategy/metric", scenario + "/" + protocol + "/" + strategy + "/" + metric,
                "all four set");
        String name = scenario + "/" + protocol + "/" + strategy + "/" + metric;
        MetricId id = metricId(name, metric);
        ConfigException.require(min != null || max != null || maxDrop != null, "gates[" + name + "].min/max/max-drop",
                "none", id.direction() == MetricId.Direction.HIGHER_IS_BETTER
                        ? "a minimum (min), an allowed drop (max-drop), or both"
                        : "a maximum (max), an allowed rise (max-drop), or both");
        if (min != null && id.direction() != MetricId.Direction.HIGHER_IS_BETTER) {
            throw new ConfigException("gates[" + name + "].min", "gate " + name + " sets a floor (min: " + min
                    + "), but " + metric + " is " + id.direction() + "; bound it with max, its ceiling");
        }
        if (max != null && id.direction() != MetricId.Direction.LOWER_IS_BETTER) {
            throw new ConfigException("gates[" + name + "].max", "gate " + name + " sets a ceiling (max: " + max
                    + "), but " + metric + " is " + id.direction() + "; bound it with min, its floor");
        }
        ConfigException.require(maxDrop == null || maxDrop >= 0, "gates[" + name + "].max-drop", maxDrop, "0 or more");
    }

    private static MetricId metricId(String name, String metric) {
        try {
            return MetricId.fromKey(metric);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("gates[" + name + "].metric", metric, "a metric key: "
                    + Arrays.stream(MetricId.values()).map(MetricId::key).collect(Collectors.joining(", ")));
        }
    }

    /** @return the metric gated */
    public MetricId metricId() {
        return MetricId.fromKey(metric);
    }

    /** @return which way the metric improves, and so which bound applies */
    public MetricId.Direction direction() {
        return metricId().direction();
    }

    /** @return the key the baseline stores this gate's value under */
    public String key() {
        return scenario + "/" + protocol + "/" + strategy + "/" + metric;
    }
}
