package dev.tributary.cli;

import dev.tributary.common.config.ConfigException;
import dev.tributary.common.data.CsvLayout;
import dev.tributary.common.data.Schema;
import dev.tributary.common.kafka.KafkaConnection;

import java.nio.file.Path;

/**
 * What the single-stage commands share.
 */
final class StageCommands {

    /** Where stage commands keep models unless told otherwise. */
    static final Path DEFAULT_OUTPUT = Path.of("tributary-output");

    private StageCommands() {
    }

    /**
     * A stage on its own needs a cluster that outlives it: an embedded broker would vanish with
     * the process, and the next stage would find nothing.
     */
    static KafkaConnection cluster(KafkaOptions kafka, String command) {
        if (!kafka.external()) {
            throw new ConfigException("--bootstrap-servers", "nothing", "HOST:PORT of a running cluster: `" + command
                    + "` runs one stage against a cluster (use `tributary run` for everything on an embedded broker)");
        }
        return kafka.connection();
    }

    /** @return the schema of the command's data set */
    static Schema schema(DatasetOptions dataset) {
        return CsvLayout.resolve(dataset.spec()).schema();
    }

    /** @return the model file of a strategy under an output directory */
    static Path modelFile(Path output, String strategy) {
        return output.resolve("models").resolve(strategy + ".model");
    }
}
