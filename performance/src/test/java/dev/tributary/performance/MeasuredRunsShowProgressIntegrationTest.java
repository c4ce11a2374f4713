package dev.tributary.performance;

import dev.tributary.broker.test.SharedKafka;
import dev.tributary.common.config.RateConfig;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.config.ScenarioFiles;
import dev.tributary.common.config.TopicsConfig;
import dev.tributary.common.test.RecordingProgress;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.results.ServingLoadResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The long measured runs, {@code soak} and {@code serve-bench}, show each phase's progress to its
 * end, and the progress does not change what they measure.
 */
@Tag("integration")
class MeasuredRunsShowProgressIntegrationTest {

    private final KafkaConnection kafka = SharedKafka.connection();

    @Test
    void aSoakShowsProducingThenConsuming() {
        String topic = SharedKafka.unique("soak-progress");
        ScenarioConfig scenario = ScenarioFiles.load("sea-abrupt", Map.of());
        RecordingProgress progress = new RecordingProgress();
        Soak.Result soak = Soak.run(kafka, scenario.source().generator(), 3_000, TopicsConfig.stream(topic, 1, (short) 1),
                RateConfig.UNLIMITED, 7, progress);

        assertEquals(3_000, soak.events());
        Map<String, RecordingProgress.Task> tasks = progress.tasks();
        assertEquals(2, tasks.size(), tasks.toString());
        tasks.forEach((task, t) -> assertEquals(new RecordingProgress.Task(3_000, "events", 3_000, true, false), t, task));
        assertEquals("consuming " + topic, List.copyOf(tasks.keySet()).get(1));
        assertEquals(10, soak.consumeSamples().size(), "the heap is still sampled at every tenth");
    }

    @Test
    void aServingBenchmarkShowsEachMeasurement(@TempDir Path dir) {
        ScenarioConfig scenario = ScenarioFiles.load("sea-abrupt", Map.of("name", SharedKafka.unique("serve-progress"),
                "source.events", 2_000L, "source.generator.drift.positions", List.of(1_000L)));
        RecordingProgress progress = new RecordingProgress();
        List<ServingLoadResult> results = new ServingBenchmark(kafka, scenario, dir, 64).run(List.of(400.0), 1, 1,
                progress);

        assertEquals(1, results.size(), "the warm-up is not recorded");
        assertEquals(400, results.get(0).scoredMicros().count(), "the recorded measurement read its own events only");
        assertEquals(List.of("warm-up: bare Kafka at 400/s", "warm-up: passthrough at 400/s", "warm-up: scorer at 400/s",
                        "bare Kafka at 400/s", "passthrough at 400/s", "scorer at 400/s"),
                List.copyOf(progress.tasks().keySet()));
        progress.tasks().forEach((task, t) ->
                assertEquals(new RecordingProgress.Task(400, "events", 400, true, false), t, task));
    }
}
