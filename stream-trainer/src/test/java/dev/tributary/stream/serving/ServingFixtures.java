package dev.tributary.stream.serving;

import dev.tributary.common.config.ModelConfig;
import dev.tributary.common.data.Example;
import dev.tributary.common.model.ModelArtifact;
import dev.tributary.common.model.ModelMetadata;
import dev.tributary.common.model.StandardizedNetwork;
import dev.tributary.common.test.SyntheticData;

import java.util.List;
import java.util.Map;
import java.util.Random;

/** Real, small trained models for the serving tests. */
final class ServingFixtures {

    private ServingFixtures() {
    }

    /** @return a model trained on blobs for {@code epochs} epochs, as version {@code version} */
    static ModelArtifact model(long version, int epochs) {
        ModelConfig config = new ModelConfig(List.of(16), 0.01);
        StandardizedNetwork network = StandardizedNetwork.fresh(config, 4, 2, 7);
        List<Example> train = SyntheticData.blobs(500, 1);
        network.learn(train.stream().map(Example::features).toArray(double[][]::new),
                train.stream().mapToInt(Example::label).toArray(), epochs, 32, new Random(1));
        return network.toArtifact(new ModelMetadata("online", version, 500L * epochs, "t", Map.of(0, 500L), 1L,
                config, 4, 2, 7));
    }
}
