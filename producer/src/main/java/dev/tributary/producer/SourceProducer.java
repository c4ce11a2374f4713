package dev.tributary.producer;

import dev.tributary.common.provenance.ProduceResult;
import dev.tributary.common.ProgressListener;
import dev.tributary.common.config.Protocol;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.data.Schema;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.kafka.TopicAdmin;

import dev.tributary.producer.generator.Generators;

import java.util.Map;

/**
 * Writes a scenario's source to its train and test topics: a data set read from a file
 * ({@link DatasetProducer}) or a generated stream ({@link StreamProducer}).
 */
public interface SourceProducer {

    /**
     * Creates the topics if needed and writes every event to exactly one of them.
     *
     * @return the counts, which reconcile
     * @throws dev.tributary.common.TributaryException if the source cannot be read or Kafka rejects a write
     */
    ProduceResult produce();

    /**
     * @param connection the cluster (with the scenario's client properties already applied)
     * @param scenario   the run
     * @param progress   hears how far it has come
     * @return the producer for the scenario's source
     */
    static SourceProducer forScenario(KafkaConnection connection, ScenarioConfig scenario, ProgressListener progress) {
        return forScenario(connection, scenario, progress, Pacing.atRate(scenario.rate()));
    }

    /**
     * @param connection the cluster (with the scenario's client properties already applied)
     * @param scenario   the run
     * @param progress   hears how far it has come
     * @param pacing     when each event is sent (the scenario's rate, after a past sent at once)
     * @return the producer for the scenario's source
     */
    static SourceProducer forScenario(KafkaConnection connection, ScenarioConfig scenario, ProgressListener progress,
                                      Pacing pacing) {
        // Prequential: one time-ordered events topic holds everything.
        double trainShare = scenario.protocol() == Protocol.PREQUENTIAL ? 1.0 : scenario.split().trainFraction();
        if (scenario.source().generated()) {
            return new StreamProducer(connection, scenario.source().generator(), scenario.source().events(),
                    trainShare, scenario.topics(), pacing, scenario.seeds().split(), progress);
        }
        return new DatasetProducer(connection, scenario.source().datasetSpec(), scenario.split(), trainShare,
                scenario.topics(), pacing, scenario.seeds().split(), progress);
    }

    /**
     * @param connection the cluster
     * @param scenario   a run
     * @return how many events its producer will write to the train (prequential: events) topic,
     *         known before it starts: a generated stream's length, or a data set's rows in the
     *         train split (the file is read once for it)
     */
    static long trainEvents(KafkaConnection connection, ScenarioConfig scenario) {
        if (scenario.source().generated()) {
            double trainShare = scenario.protocol() == Protocol.PREQUENTIAL ? 1.0 : scenario.split().trainFraction();
            return Math.round(scenario.source().events() * trainShare);
        }
        return ((DatasetProducer) forScenario(connection, scenario, ProgressListener.NONE)).trainRows();
    }

    /**
     * @param scenario a run
     * @return the schema of its source: a data set's resolved columns, or a generator's features
     */
    static Schema schema(ScenarioConfig scenario) {
        return scenario.source().generated()
                ? Generators.create(scenario.source().generator(), scenario.seeds().split()).schema()
                : DatasetProducer.schema(scenario.source().datasetSpec(), scenario.split().missingValues());
    }

    /** Creates the train, test and dead-letter topics, or checks the existing ones' partitions. */
    static void createTopics(KafkaConnection connection, dev.tributary.common.config.TopicsConfig topics) {
        try (TopicAdmin admin = new TopicAdmin(connection)) {
            admin.ensureTopic(topics.train(), topics.trainPartitions(), topics.replicationFactor(), Map.of());
            admin.ensureTopic(topics.test(), topics.testPartitions(), topics.replicationFactor(), Map.of());
            admin.ensureTopic(topics.deadLetter(), 1, topics.replicationFactor(), Map.of());
        }
    }
}
