package dev.tributary.evaluation;

import dev.tributary.common.ProgressListener;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.config.ScenarioFiles;
import dev.tributary.kafka.TopicAdmin;
import dev.tributary.broker.test.ReplicatedKafkaCluster;
import dev.tributary.results.ExperimentResults;
import dev.tributary.results.StrategyResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A whole run on a 3-broker cluster (replication factor 3, {@code min.insync.replicas=2}) while
 * the leader of the events topic is stopped a fifth of the way into the stream, which leaves
 * several seconds of the paced stream for its controlled shutdown to finish mid-run: the
 * producer, the prequential consumer and every strategy carry on through the leader change, and
 * the counts show nothing lost.
 */
@Tag("integration")
class BrokerLossIntegrationTest {

    private static final long EVENTS = 6_000;

    @Test
    void aRunCompletesWhileOneOfThreeBrokersIsStopped(@TempDir Path output) throws Exception {
        try (ReplicatedKafkaCluster cluster = ReplicatedKafkaCluster.start(3)) {
            ScenarioConfig scenario = ScenarioFiles.load("sea-abrupt", Map.of(
                    "name", "broker-loss",
                    "source.events", EVENTS,
                    "source.generator.drift.positions", List.of(EVENTS / 2),
                    "strategies", List.of("online", "majority"),
                    "model.hidden-layers", List.of(16),
                    "kafka.replication-factor", 3,
                    // One production of the stream, both strategies on it side by side, and no
                    // warm-up: the broker stops while that one topic is being written.
                    "evaluation.concurrent", true,
                    "evaluation.warm-up", false,
                    // Paced, so that the broker stops while events are still being produced and scored.
                    "rate.events-per-second", 1_000.0));
            String events = scenario.topics().train();
            AtomicInteger stopped = new AtomicInteger(-1);
            CompletableFuture<Void> stopping = new CompletableFuture<>();
            ProgressListener stopLeaderAtAFifth = new ProgressListener() {
                private long total;

                @Override
                public void start(String task, long steps) {
                    total = steps;
                }

                @Override
                public void advance(long done) {
                    // On its own thread: the producer must keep sending while the broker goes down.
                    if (total > 0 && done >= total / 5 && stopped.compareAndSet(-1, -2)) {
                        CompletableFuture.runAsync(() -> {
                            try {
                                int leader = cluster.leaderOf(events, 0);
                                stopped.set(leader);
                                cluster.stopBroker(leader);
                                stopping.complete(null);
                            } catch (Exception e) {
                                stopping.completeExceptionally(e);
                            }
                        });
                    }
                }

                @Override
                public void finish() {
                }
            };

            ExperimentResults results = new ExperimentRunner(cluster.connection(), false, scenario, output,
                    stopLeaderAtAFifth).run();

            assertTrue(stopping.isDone(), "the broker was down before the run ended");
            stopping.get();
            int lost = stopped.get();
            assertEquals(2, cluster.runningBrokers().size(), "one broker stopped during the run");
            assertFalse(cluster.runningBrokers().contains(lost));
            assertNotEquals(lost, cluster.leaderOf(events, 0), "leadership moved off the stopped broker");
            assertEquals(2, cluster.inSyncReplicas(events, 0).size(), "the two survivors are in sync");

            assertEquals(EVENTS, results.produce().read());
            assertEquals(EVENTS, results.produce().trainRecords(), "every event acknowledged");
            try (TopicAdmin admin = new TopicAdmin(cluster.connection())) {
                assertEquals(EVENTS, admin.recordCount(events), "and in the topic, once each");
            }
            long history = Math.round(EVENTS * scenario.evaluation().historyFraction());
            for (StrategyResult strategy : results.strategies()) {
                assertEquals(EVENTS - history, strategy.prequential().events(),
                        strategy.strategy() + " scored every event after the history");
                assertEquals(EVENTS - history, java.util.Arrays.stream(strategy.prequential().confusionMatrix())
                        .flatMapToLong(java.util.Arrays::stream).sum(), strategy.strategy());
            }
            assertEquals(EVENTS, results.strategy("online").training().recordsTrained(), "online learned every event");
            assertTrue(results.strategy("online").metrics().get("accuracy")
                    > results.strategy("majority").metrics().get("accuracy"), "and still learned something");
        }
    }
}
