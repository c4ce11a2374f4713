package dev.tributary.performance;

import dev.tributary.common.config.RateConfig;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.config.TopicsConfig;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.kafka.TopicAdmin;

/**
 * Cost growth with stream length: a short and a long {@link Soak} (produce and consume, as
 * fast as possible), compared in time and peak live heap. Linear cost makes the time ratio the
 * length ratio; constant memory makes the heap ratio 1. Each soak's topics are deleted after
 * it, so that disk use does not grow with the repetitions.
 */
final class CostGrowth {

    /** What one pair of soaks measured. */
    record Pair(Soak.Result shortRun, Soak.Result longRun) {
    }

    private final KafkaConnection connection;
    private final ScenarioConfig scenario;
    private final long shortEvents;
    private final long longEvents;

    CostGrowth(KafkaConnection connection, ScenarioConfig scenario, long shortEvents, long longEvents) {
        this.connection = connection;
        this.scenario = scenario;
        this.shortEvents = shortEvents;
        this.longEvents = longEvents;
    }

    Soak.Result soak(String topic, boolean longRun) {
        TopicsConfig topics = TopicsConfig.stream(topic, scenario.kafka().trainPartitions(),
                scenario.kafka().replicationFactor());
        try {
            return Soak.run(connection, scenario.source().generator(), longRun ? longEvents : shortEvents, topics,
                    RateConfig.UNLIMITED, scenario.seeds().split());
        } finally {
            try (TopicAdmin admin = new TopicAdmin(connection)) {
                admin.delete(topics.train(), topics.test(), topics.deadLetter());
            }
        }
    }
}
