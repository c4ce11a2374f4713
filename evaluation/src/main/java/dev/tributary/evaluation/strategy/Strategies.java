package dev.tributary.evaluation.strategy;

import dev.tributary.common.config.ScenarioConfig;

/**
 * Makes strategies by name.
 */
public final class Strategies {

    private Strategies() {
    }

    /**
     * @param name    one of {@link ScenarioConfig#ALL_STRATEGIES}
     * @param context the settings they are built from
     * @return a fresh strategy
     * @throws IllegalArgumentException for an unknown name
     */
    public static Strategy create(String name, StrategyContext context) {
        return switch (name) {
            case ScenarioConfig.BATCH -> new BatchStrategy(context);
            case ScenarioConfig.PERIODIC -> new PeriodicRetrainStrategy(context);
            case ScenarioConfig.ONLINE -> new OnlineStrategy(context);
            case ScenarioConfig.WARM_START -> new WarmStartStrategy(context);
            case ScenarioConfig.MAJORITY -> new MajorityStrategy(context);
            case ScenarioConfig.NO_CHANGE -> new NoChangeStrategy(context);
            default -> throw new IllegalArgumentException("unknown strategy '" + name + "'; known: "
                    + ScenarioConfig.ALL_STRATEGIES);
        };
    }
}
