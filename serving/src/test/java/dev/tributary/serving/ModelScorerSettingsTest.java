package dev.tributary.serving;

import dev.tributary.common.config.ConfigException;
import dev.tributary.kafka.KafkaConnection;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The scorer's commit interval: what bounds re-scoring after a crash at least once. */
class ModelScorerSettingsTest {

    private static final ScoringTopology.ScoringTopics TOPICS = new ScoringTopology.ScoringTopics("e", "m", "p", "d");

    private static Object commitInterval(ModelScorer.Settings settings) {
        return ModelScorer.config(KafkaConnection.to("localhost:9092"), settings).get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
    }

    @Test
    void atLeastOnceCommitsEverySecondAndExactlyOnceEveryTenthByDefault() {
        assertEquals(1_000L, commitInterval(new ModelScorer.Settings("a", "online", TOPICS, 64, 1, false, Path.of("s"))),
                "Streams' own 30 s would re-score up to 30 s of events after a crash");
        assertEquals(100L, commitInterval(new ModelScorer.Settings("a", "online", TOPICS, 64, 1, true, Path.of("s"))));
        assertEquals(250L, commitInterval(new ModelScorer.Settings("a", "online", TOPICS, 64, 1, false, Path.of("s"),
                false, 250)), "--commit-interval-ms");
        ConfigException zero = assertThrows(ConfigException.class,
                () -> new ModelScorer.Settings("a", "online", TOPICS, 64, 1, false, Path.of("s"), false, 0));
        assertEquals("--commit-interval-ms", zero.field());
    }
}
