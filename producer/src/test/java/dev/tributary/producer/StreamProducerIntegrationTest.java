package dev.tributary.producer;

import dev.tributary.common.provenance.ProduceResult;
import dev.tributary.broker.test.TopicFixtures;

import dev.tributary.common.ProgressListener;
import dev.tributary.common.config.RateConfig;
import dev.tributary.common.config.TopicsConfig;
import dev.tributary.common.config.generator.DriftSpec;
import dev.tributary.common.config.generator.SeaSpec;
import dev.tributary.common.config.generator.StreamSpec;
import dev.tributary.common.data.Example;
import dev.tributary.common.data.ExampleCodec;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.broker.test.SharedKafka;
import dev.tributary.producer.generator.ExampleGenerator;
import dev.tributary.producer.generator.Generators;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Tag("integration")
class StreamProducerIntegrationTest {

    private static final StreamSpec SEA_1_TO_3 = new StreamSpec(List.of(new SeaSpec(1, 0.1), new SeaSpec(3, 0.1)),
            DriftSpec.abrupt(600));
    private final KafkaConnection kafka = SharedKafka.connection();

    @Test
    void writesTheGeneratedStreamInTimeOrderSplitAtTheTrainFraction() {
        TopicsConfig topics = TopicsConfig.of(new dev.tributary.common.config.TopicNames(SharedKafka.unique("sea")), dev.tributary.common.config.KafkaSettings.DEFAULT);
        ProduceResult result = new SourceProducer(kafka, new GeneratedSource(SEA_1_TO_3, 1_000, 0.7, 5), topics,
                Pacing.atRate(RateConfig.UNLIMITED), ProgressListener.NONE).produce();

        assertEquals(1_000, result.read());
        assertEquals(700, result.trainRecords());
        assertEquals(300, result.testRecords());
        assertEquals(List.of(600L), result.driftPositions());

        // The train topic holds exactly the generator's first 700 events, in order.
        ExampleGenerator expected = Generators.create(SEA_1_TO_3, 5);
        ExampleCodec codec = new ExampleCodec(3, 2);
        List<Example> train = new ArrayList<>();
        TopicFixtures.read(kafka, topics.train(), r -> train.add(codec.decode(r.key(), r.value())));
        assertEquals(700, train.size());
        for (Example actual : train) {
            assertEquals(expected.next(), actual);
        }
        long[] test = {0};
        TopicFixtures.read(kafka, topics.test(), r -> test[0]++);
        assertEquals(300, test[0]);
    }

    @Test
    void pacedEventsCarryTheirIntendedSendTimeAsTimestamp() {
        TopicsConfig topics = TopicsConfig.of(new dev.tributary.common.config.TopicNames(SharedKafka.unique("paced")), dev.tributary.common.config.KafkaSettings.DEFAULT);
        new SourceProducer(kafka, new GeneratedSource(SEA_1_TO_3, 200, 0.5, 5), topics, Pacing.atRate(new RateConfig(1_000)),
                ProgressListener.NONE).produce();

        List<Long> timestamps = new ArrayList<>();
        TopicFixtures.read(kafka, topics.train(), (ConsumerRecord<byte[], byte[]> r) -> timestamps.add(r.timestamp()));
        assertEquals(100, timestamps.size());
        // At 1,000 events/s event i is due 1 ms after event i-1: the schedule, not the send, sets the time.
        for (int i = 1; i < timestamps.size(); i++) {
            assertEquals(timestamps.get(0) + i, (long) timestamps.get(i), "event " + i);
        }
    }
}
