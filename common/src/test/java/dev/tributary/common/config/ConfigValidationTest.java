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
    void seedsDeriveDeterministically() {
        assertEquals(Seeds.derive(42), Seeds.derive(42));
        Seeds seeds = Seeds.derive(42);
        assertTrue(seeds.split() != seeds.model() && seeds.model() != seeds.shuffle());
        assertEquals(42, seeds.master());
    }
}
