package dev.tributary.performance;

import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.config.ScenarioFiles;
import dev.tributary.common.config.TopicNames;
import dev.tributary.results.KeepingUp;
import dev.tributary.serving.ScoringTopology;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServingBenchmarkTest {

    /** A lag in stream order: {@code first} ms for the first half of the samples, {@code last} after. */
    private static List<KeepingUp.LagPoint> lag(long first, long last) {
        List<KeepingUp.LagPoint> points = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            points.add(new KeepingUp.LagPoint(i * 100L, i < 50 ? first : last));
        }
        return points;
    }

    @Test
    void aScorerThatFellSecondsBehindEarlyDidNotKeepUp() {
        // The run that showed the gap (serve-bench --rates 50000 --seconds 30): a lag that grew from
        // about 5 s to 9 s passes the lanes' rule, since it did not double...
        assertTrue(KeepingUp.bounded(lag(5_000, 9_000)));
        // ...but the scorer delivered 42,331 predictions/s where bare Kafka delivered 50,092.
        assertFalse(ServingBenchmark.keptUp(lag(5_000, 9_000), 42_331, 50_092));
    }

    @Test
    void aSteadyScorerDeliveringWhatKafkaDeliversKeptUp() {
        // A flat lag, and 98 % of what bare Kafka delivered.
        assertTrue(ServingBenchmark.keptUp(lag(20, 25), 19_544, 19_911));
        assertFalse(ServingBenchmark.keptUp(lag(20, 2_000), 19_544, 19_911), "a lag that grows is not kept up");
        assertFalse(ServingBenchmark.keptUp(lag(20, 25), 0.94 * 19_911, 19_911), "nor 94 % of bare's delivery");
    }

    @Test
    void everyMeasurementHasTopicsOfItsOwnAndNoneIsTheScenarios() {
        // A rate given twice (or its warm-up), and a second run on the same cluster, once read the
        // earlier events from the beginning of a shared topic and counted latencies of minutes.
        ScenarioConfig scenario = ScenarioFiles.load("sea-abrupt", Map.of());
        Set<String> topics = new HashSet<>();
        List<String> expected = new ArrayList<>();
        for (long start : new long[] {1_700_000_000_000L, 1_700_000_000_001L}) {
            TopicNames run = ServingBenchmark.runNames(scenario, start);
            expected.add(run.models());
            for (String id : new String[] {"w0", "0", "1"}) {
                TopicNames names = ServingBenchmark.measurementNames(run, id, 1_000);
                expected.add(names.events());
                expected.add(names.predictions());
                expected.addAll(ScoringTopology.ScoringTopics.of(names.child("passthrough")).all());
                expected.add(names.child("bare").events());
            }
        }
        topics.addAll(expected);
        assertEquals(expected.size(), topics.size(), "no two measurements share a topic: " + expected);
        ScoringTopology.ScoringTopics own = ScoringTopology.ScoringTopics.of(scenario.names());
        for (String topic : own.all()) {
            assertFalse(topics.contains(topic), topic + " is the scenario's own");
        }
        assertTrue(topics.stream().allMatch(t -> t.startsWith(scenario.name() + "-serve-bench-")), topics.toString());
    }
}
