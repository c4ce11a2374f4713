package dev.tributary.common.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigValidationTest {

    @Test
    void topicsKnowTheNameTheyAreNamedAfter() {
        assertEquals("breast-cancer", TopicsConfig.forDataset("breast-cancer").prefix());
        assertEquals("sea-abrupt", new TopicsConfig("sea-abrupt-events", "sea-abrupt-test", "sea-abrupt-dlq", 1, 1,
                (short) 1).prefix());
        assertEquals("plain", new TopicsConfig("plain", "plain-test", "plain-dlq", 1, 1, (short) 1).prefix());
    }

    @Test
    void errorsNameTheFieldTheValueAndWhatIsAccepted() {
        ConfigException e = assertThrows(ConfigException.class, () -> new SplitConfig(1.0, MissingValuePolicy.IMPUTE, null));
        assertEquals("split.train-fraction", e.field());
        assertEquals("split.train-fraction: got 1.0, expected a fraction strictly between 0 and 1", e.getMessage());
        assertEquals("model.hidden-layers", assertThrows(ConfigException.class,
                () -> new ModelConfig(List.of(4, -1), 0.1)).field());
        assertEquals("stream.checkpoint-every", assertThrows(ConfigException.class,
                () -> new StreamTrainingConfig(100, 32, 3, 100, 0, 0, 0, "g")).field());
        assertEquals("stream.mini-batch", assertThrows(ConfigException.class,
                () -> new StreamTrainingConfig(0, 32, 3, 100, 100, 0, 0, "g")).field());
        assertEquals("topics.train", assertThrows(ConfigException.class,
                () -> new TopicsConfig("bad topic", "t", "d", 1, 1, (short) 1)).field());
    }

    @Test
    void aNetworkOverTheParameterCapIsRefusedBeforeAnythingRuns() {
        // Counted by hand: 9*128+128 + 128*256+256 + 256*128+128 + 128*1+1 for breast cancer's 9 features, 2 classes.
        assertEquals(1_280 + 33_024 + 32_896 + 129, ModelConfig.DEFAULT.parameters(9, 2));
        assertEquals(4 * 8 + 8 + 8 * 3 + 3, new ModelConfig(List.of(8), 0.1).parameters(4, 3), "softmax: one unit per class");
        ConfigException huge = assertThrows(ConfigException.class, () -> new ModelConfig(List.of(100_000, 100_000), 0.1));
        assertEquals("model.hidden-layers", huge.field());
        assertTrue(huge.problem().contains("at most 4,194,304 parameters; this one has at least 10,000,"), huge.problem());
        ModelConfig wide = new ModelConfig(List.of(2_100), 0.1);
        ConfigException forSchema = assertThrows(ConfigException.class, () -> wide.requireWithinCap(2_000, 2));
        assertTrue(forSchema.problem().contains("with 2000 features and 2 classes, 4,204,201"), forSchema.problem());
        wide.requireWithinCap(57, 2);
    }

    @Test
    void seedsDeriveDeterministically() {
        assertEquals(Seeds.derive(42), Seeds.derive(42));
        Seeds seeds = Seeds.derive(42);
        assertTrue(seeds.split() != seeds.model() && seeds.model() != seeds.shuffle());
        assertEquals(42, seeds.master());
    }
}
