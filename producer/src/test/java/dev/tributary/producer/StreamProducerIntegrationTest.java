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
import dev.tributary.common.data.LabelSchedule;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.kafka.TopicAdmin;
import dev.tributary.broker.test.SharedKafka;
import dev.tributary.producer.generator.ExampleGenerator;
import dev.tributary.producer.generator.Generators;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void progressSpansTheSendsOnly() {
        // The benchmark times the producer from its progress's start to its finish, as Kafka's
        // ProducerPerformance times itself: the topics exist before the start, and every record
        // is acknowledged by the finish.
        TopicsConfig topics = TopicsConfig.of(new dev.tributary.common.config.TopicNames(SharedKafka.unique("span")),
                dev.tributary.common.config.KafkaSettings.DEFAULT);
        List<String> heard = new ArrayList<>();
        ProgressListener progress = new ProgressListener() {
            @Override
            public void start(String task, long total) {
                try (TopicAdmin admin = new TopicAdmin(kafka)) {
                    heard.add("start: topics " + admin.exists(topics.train()) + ", records " + admin.recordCount(topics.train()));
                }
            }

            @Override
            public void advance(long done) {
            }

            @Override
            public void finish() {
                try (TopicAdmin admin = new TopicAdmin(kafka)) {
                    heard.add("finish: records " + admin.recordCount(topics.train()));
                }
            }
        };
        new SourceProducer(kafka, new GeneratedSource(SEA_1_TO_3, 5_000, 1.0, 5), topics,
                Pacing.atRate(RateConfig.UNLIMITED), progress).produce();
        assertEquals(List.of("start: topics true, records 0", "finish: records 5000"), heard);
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

    @Test
    void lateLabelsGoToTheirOwnTopicWhenTheyFallDue() {
        TopicsConfig topics = TopicsConfig.of(new dev.tributary.common.config.TopicNames(SharedKafka.unique("late")),
                dev.tributary.common.config.KafkaSettings.DEFAULT);
        String labelsTopic = topics.prefix() + "-labels";
        LabelSchedule schedule = new LabelSchedule(160, 50);
        ProduceResult result = new SourceProducer(kafka, new GeneratedSource(SEA_1_TO_3, 1_000, 0.8, 5), topics,
                Pacing.atRate(new RateConfig(1_000)), ProgressListener.NONE).withLateLabels(labelsTopic, schedule).produce();
        assertEquals(800, result.labels());
        assertEquals(labelsTopic, result.labelsTopic());

        ExampleGenerator expected = Generators.create(SEA_1_TO_3, 5);
        List<Example> stream = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            stream.add(expected.next());
        }
        // Events without labels, keyed by their id; their features are the generator's.
        List<ConsumerRecord<byte[], byte[]>> events = new ArrayList<>();
        TopicFixtures.read(kafka, topics.train(), events::add);
        assertEquals(800, events.size());
        ExampleCodec codec = new ExampleCodec(3, 2);
        long start = events.get(0).timestamp();
        for (int i = 0; i < events.size(); i++) {
            assertEquals(i, ExampleCodec.decodeEventId(events.get(i).key()));
            assertArrayEquals(stream.get(i).features(), codec.decodeFeatures(new String(events.get(i).value(),
                    StandardCharsets.UTF_8)), "event " + i);
            assertEquals(start + i, events.get(i).timestamp(), "event " + i + " on the 1 ms schedule");
        }
        // Each label keyed by its event's id, in id order, stamped with the time it fell due: with
        // its event in the history, 50 events later after it (the last ones past the train part's end).
        List<ConsumerRecord<byte[], byte[]>> labels = new ArrayList<>();
        TopicFixtures.read(kafka, labelsTopic, labels::add);
        assertEquals(800, labels.size());
        for (int i = 0; i < labels.size(); i++) {
            assertEquals(i, ExampleCodec.decodeEventId(labels.get(i).key()));
            assertEquals(stream.get(i).label(), codec.decodeLabel(labels.get(i).value()), "label " + i);
            assertEquals(start + schedule.dueAt(i), labels.get(i).timestamp(), "label " + i + " when due");
        }
        // The test part keeps its labels, and follows the last label on the schedule.
        List<ConsumerRecord<byte[], byte[]>> test = new ArrayList<>();
        TopicFixtures.read(kafka, topics.test(), test::add);
        assertEquals(200, test.size());
        assertEquals(start + 850, test.stream().mapToLong(ConsumerRecord::timestamp).min().orElseThrow());
        assertTrue(test.stream().allMatch(r -> codec.decode(r.key(), r.value()) != null), "keyed by their labels");
    }
}
