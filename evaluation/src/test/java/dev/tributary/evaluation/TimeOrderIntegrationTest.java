package dev.tributary.evaluation;

import dev.tributary.broker.test.SharedKafka;
import dev.tributary.broker.test.TopicFixtures;
import dev.tributary.common.ProgressListener;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.config.ScenarioFiles;
import dev.tributary.common.config.Strategy;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.results.ExperimentResults;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A prequential CSV is a stream: its rows reach the topic in file order, and the no-change
 * classifier's accuracy is the fraction of consecutive equal labels in the file, computed here
 * from the file alone.
 */
@Tag("integration")
class TimeOrderIntegrationTest {

    private static final int ROWS = 400;
    private final KafkaConnection kafka = SharedKafka.connection();

    @Test
    void aPrequentialCsvIsReadInFileOrder(@TempDir Path dir) throws Exception {
        // Runs of equal labels (a persistent series), and a feature that is the row's position.
        Random random = new Random(5);
        List<Integer> labels = new ArrayList<>();
        StringBuilder csv = new StringBuilder("position,noise,label\n");
        int label = 0;
        for (int i = 0; i < ROWS; i++) {
            if (random.nextInt(5) == 0) {
                label = 1 - label;
            }
            labels.add(label);
            csv.append(i).append(',').append(random.nextDouble()).append(',').append(label).append('\n');
        }
        Path file = dir.resolve("series.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        String name = SharedKafka.unique("ordered");
        ScenarioConfig config = ScenarioFiles.load("breast-cancer", Map.of("name", name, "protocol", "prequential",
                "source", Map.of("csv", Map.of("location", file.toString(), "label-column", "label")),
                "strategies", List.of("no-change", "majority"), "evaluation.warm-up", false));
        assertFalse(config.split().shuffled(), "prequential keeps the file order by default");
        assertTrue(config.description().contains("in file order"), config.description());

        ExperimentResults results = new ExperimentRunner(kafka, true, config, dir.resolve("out"), ProgressListener.NONE)
                .run();

        List<Long> positions = new ArrayList<>();
        TopicFixtures.read(kafka, config.lane(Strategy.NO_CHANGE).topics().train(), record -> positions.add(
                (long) Double.parseDouble(new String(record.value(), StandardCharsets.UTF_8).split(",")[0])));
        List<Long> fileOrder = new ArrayList<>();
        for (long i = 0; i < ROWS; i++) {
            fileOrder.add(i);
        }
        assertEquals(fileOrder, positions, "the events reached the topic in file order");

        long history = Math.round(ROWS * config.evaluation().historyFraction());
        long same = 0;
        for (int i = (int) history; i < ROWS; i++) {
            same += labels.get(i).equals(labels.get(i - 1)) ? 1 : 0;
        }
        double expected = (double) same / (ROWS - history);
        assertEquals(expected, results.strategy("no-change").prequential().cumulative().get("accuracy"), 1e-12,
                "no-change scores the fraction of consecutive equal labels");
        assertEquals(0.0, results.strategy("no-change").prequential().cumulative().get("kappa_temporal"), 1e-12);
    }
}
