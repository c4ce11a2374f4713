package dev.tributary.cli;

import dev.tributary.common.config.ConfigException;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.config.Strategy;
import dev.tributary.kafka.KafkaConnection;

import java.nio.file.Path;

/**
 * What the single-stage commands share.
 */
final class StageCommands {

    /** Where commands keep results and models unless told otherwise. */
    static final Path DEFAULT_OUTPUT = Path.of("tributary-output");

    private StageCommands() {
    }

    /**
     * A stage on its own needs a cluster that outlives it: an embedded broker would vanish with
     * the process, and the next stage would find nothing.
     *
     * @return the cluster, with the scenario's client properties underneath the command line's
     */
    static KafkaConnection cluster(KafkaOptions kafka, String command, ScenarioConfig scenario) {
        if (!kafka.external()) {
            throw new ConfigException("--bootstrap-servers", "(none)", "HOST:PORT of a running cluster: `" + command
                    + "` runs one stage against a cluster (use `tributary run` for everything on an embedded broker)");
        }
        return kafka.connection().withDefaults(scenario.kafka().properties());
    }

    /** @return the model file of a strategy under an output directory */
    static Path modelFile(Path output, Strategy strategy) {
        return output.resolve("models").resolve(strategy.key() + ".model");
    }
}
