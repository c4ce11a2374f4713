package dev.tributary.performance;

import dev.tributary.results.HeadlineRatio;
import dev.tributary.results.BenchSettings;
import dev.tributary.common.ProgressListener;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.config.ScenarioFiles;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.broker.test.SharedKafka;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every headline ratio measured for real on the embedded broker, at sizes small enough for a
 * test. The figures themselves are not asserted (performance lives in the benchmark's own
 * runs); what is asserted is that both sides of every ratio were measured, every repetition,
 * and that the run cleans up after itself.
 */
@Tag("integration")
class HeadlineBenchmarkIntegrationTest {

    @Test
    void measuresBothSidesOfEveryRatioAndDeletesItsTopics(@TempDir Path dir) throws Exception {
        KafkaConnection kafka = SharedKafka.connection();
        ScenarioConfig scenario = ScenarioFiles.load("sea-abrupt", Map.of());
        // One warm-up, which must not be recorded, then two repetitions.
        BenchSettings settings = new BenchSettings(EnumSet.allOf(BenchSettings.Measure.class), 1, 2, 3_000, 300,
                1_000, 64, 1, 1_000, 4_000);
        List<HeadlineRatio> ratios = new HeadlineBenchmark(kafka.withDefaults(scenario.kafka().properties()),
                scenario, settings, dir).run(ProgressListener.NONE);

        assertEquals(List.of("producer", "trainer", "scorer", "scorer-passthrough", "scorer-inference", "cost-time",
                "cost-heap"), ratios.stream().map(HeadlineRatio::id).toList());
        for (HeadlineRatio r : ratios) {
            assertEquals(2, r.ratios().size(), r.id() + ": the repetitions, not the warm-up");
            for (int i = 0; i < 2; i++) {
                double n = r.numerators().get(i);
                double d = r.denominators().get(i);
                assertTrue(n > 0 && Double.isFinite(n) && d > 0 && Double.isFinite(d), r.id() + ": " + n + " / " + d);
            }
        }
        // The scorer's goal is on the combined ceiling, which lies below each of its parts.
        HeadlineRatio scorer = ratios.get(2);
        assertEquals(0.7, scorer.goal());
        for (int i = 0; i < 2; i++) {
            double passthrough = ratios.get(3).denominators().get(i);
            double inference = ratios.get(4).denominators().get(i);
            assertEquals(1 / (1 / passthrough + 1 / inference), scorer.denominators().get(i), 1e-9 * passthrough);
            assertTrue(scorer.denominators().get(i) < Math.min(passthrough, inference));
            assertEquals(scorer.numerators().get(i), ratios.get(3).numerators().get(i), "one scorer measurement");
        }
        assertTrue(!ratios.get(3).hasGoal() && !ratios.get(4).hasGoal(), "context only");
        HeadlineRatio heap = ratios.get(6);
        assertTrue(heap.numerators().stream().allMatch(mb -> mb > 1), "a live heap of a few MB at least: " + heap);
        assertTrue(heap.goal() == 1.2 && !heap.atLeast());
        assertEquals(4.4, ratios.get(5).goal(), 1e-9, "time may grow 10 % more than the length");

        try (Admin admin = Admin.create(kafka.adminConfig())) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            Set<String> left;
            do {
                left = admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                        .filter(t -> t.startsWith("bench-")).collect(java.util.stream.Collectors.toSet());
            } while (!left.isEmpty() && System.nanoTime() < deadline && sleep());
            assertEquals(Set.of(), left, "the benchmark deletes the topics it made");
        }
    }

    private static boolean sleep() throws InterruptedException {
        Thread.sleep(200);
        return true;
    }
}
