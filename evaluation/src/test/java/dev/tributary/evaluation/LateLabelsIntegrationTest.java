package dev.tributary.evaluation;

import dev.tributary.broker.test.SharedKafka;
import dev.tributary.common.ProgressListener;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.config.ScenarioFiles;
import dev.tributary.results.ExperimentResults;
import dev.tributary.results.StrategyResult;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;
import dev.tributary.common.config.BatchTrainingConfig;
import dev.tributary.common.config.EvaluationConfig;
import dev.tributary.common.config.LearnerConfig;
import dev.tributary.common.config.ModelConfig;
import dev.tributary.common.config.PeriodicRetrainConfig;
import dev.tributary.common.config.Seeds;
import dev.tributary.common.config.StageTopics;
import dev.tributary.common.config.Strategy;
import dev.tributary.common.config.StreamTrainingConfig;
import dev.tributary.common.data.ExampleCodec;
import dev.tributary.common.data.LabelSchedule;
import dev.tributary.common.data.Schema;
import dev.tributary.evaluation.strategy.Learners;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.kafka.TopicAdmin;
import dev.tributary.model.learn.Learner;
import dev.tributary.results.LabelsResult;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Late labels' promise, checked through Kafka: a learner learns an event only once the event its
 * label is due after has been predicted, with the label and features of that very event, and
 * every count reconciles. The witness knows each event by its first feature (its position) and
 * fails on a label that comes early, on a wrong join, or on an event learned twice.
 */
@Tag("integration")
class LateLabelsIntegrationTest {

    private static final int EVENTS = 800;
    private static final long HISTORY = 200;
    private static final long DELAY = 150;
    private static final Schema SCHEMA = new Schema(List.of("position", "x"), List.of("a", "b"));
    private final KafkaConnection kafka = SharedKafka.connection();

    private static int labelOf(long position) {
        return (int) ((position / 3) % 2);
    }

    private static double featureOf(long position) {
        return (position * 7919) % 13;
    }

    /** Fails on a label learned before it is due, on a wrong join, and on an event learned twice or out of order. */
    static final class LateLabelWitness implements Learner {
        final LabelSchedule schedule;
        long predicted;
        long learned;
        long last = -1;

        LateLabelWitness(LabelSchedule schedule) {
            this.schedule = schedule;
        }

        @Override
        public Strategy strategy() {
            return Strategy.NO_CHANGE;
        }

        @Override
        public double[][] predict(double[][] features) {
            double[][] out = new double[features.length][];
            for (int i = 0; i < features.length; i++) {
                long position = (long) features[i][0];
                if (position != schedule.known() + predicted) {
                    throw new AssertionError("event " + position + " predicted out of order");
                }
                predicted++;
                out[i] = new double[] {0.5, 0.5};
            }
            return out;
        }

        @Override
        public void learn(double[] features, int label) {
            long position = (long) features[0];
            if (position <= last) {
                throw new AssertionError("event " + position + " learned after event " + last);
            }
            last = position;
            // A label due after the stream's last event comes once every event is predicted.
            long dueAfter = Math.min(schedule.dueAt(position), EVENTS - 1);
            if (position >= schedule.known() && schedule.known() + predicted <= dueAfter) {
                throw new AssertionError("label of event " + position + " learned before event " + dueAfter
                        + " was predicted (" + predicted + " predicted)");
            }
            if (label != labelOf(position) || features[1] != featureOf(position)) {
                throw new AssertionError("event " + position + " joined to the wrong label or features");
            }
            learned++;
        }

        @Override
        public int eventsUntilUpdate() {
            // A model that changes after every 7th label: the driver must predict up to there first.
            return (int) (7 - learned % 7);
        }

        @Override
        public long incorporated() {
            return learned - learned % 7;
        }

        @Override
        public long gradientSteps() {
            return 0;
        }
    }

    @Test
    void everyStrategyLearnsAnEventOnlyOnceItsLabelIsDue() {
        LabelSchedule schedule = new LabelSchedule(HISTORY, DELAY);
        String topic = SharedKafka.unique("late");
        writeStream(topic, schedule);

        LateLabelWitness witness = new LateLabelWitness(schedule);
        Map<Strategy, StrategyDriver.Outcome> outcomes = runEveryStrategy(topic, schedule, 100_000, witness);

        assertEquals(EVENTS - HISTORY, witness.predicted, "every event after the history was predicted");
        assertEquals(EVENTS, witness.learned, "and every event learned, the last ones' labels after the stream");
        for (StrategyDriver.Outcome o : outcomes.values()) {
            String key = o.learner().strategy().key();
            LabelsResult labels = o.labels();
            assertEquals(EVENTS, labels.events(), key);
            assertEquals(EVENTS, labels.learned() + labels.ignored() + labels.expired(), key + ": counts reconcile");
            assertEquals(0, labels.expired(), key);
            assertEquals(0, labels.late(), key);
            assertEquals(EVENTS - HISTORY, o.prequential().events(), key + ": every prediction scored once its label came");
            assertEquals(DELAY, labels.delayEvents(), key);
        }
        assertEquals(EVENTS - HISTORY, outcomes.get(Strategy.BATCH).labels().ignored(), "the frozen model learns none");
        assertEquals(EVENTS - HISTORY, outcomes.get(Strategy.BATCH).freshness().never());
        LabelsResult online = outcomes.get(Strategy.ONLINE).labels();
        assertEquals(EVENTS, online.learned());
        // Online's mini-batch is 64: an event reaches its model at most 64 labels after its own label falls due...
        assertTrue(online.freshnessEvents().max() <= 64, "from the label: " + online.freshnessEvents().max());
        // ...and, counted from the event itself, never sooner than the delay.
        assertTrue(outcomes.get(Strategy.ONLINE).freshness().events().decode().getMinNonZeroValue() > DELAY,
                "from the event: at least the delay");
    }

    @Test
    void anEventWaitingLongerThanTheHorizonIsDroppedAndCounted() {
        LabelSchedule schedule = new LabelSchedule(HISTORY, DELAY);
        String topic = SharedKafka.unique("late-horizon");
        writeStream(topic, schedule);

        // Labels come 150 events late, but no event waits more than 100: every event after the history expires.
        Map<Strategy, StrategyDriver.Outcome> outcomes = runEveryStrategy(topic, schedule, 100,
                new LateLabelWitness(schedule));

        for (StrategyDriver.Outcome o : outcomes.values()) {
            String key = o.learner().strategy().key();
            LabelsResult labels = o.labels();
            assertEquals(HISTORY, labels.learned(), key + ": the history's labels came with their events");
            assertEquals(EVENTS - HISTORY, labels.expired(), key);
            assertEquals(EVENTS - HISTORY, labels.late(), key + ": each of their labels came after its event was dropped");
            assertEquals(0, o.prequential().events(), key + ": a prediction without a label is never scored");
            assertEquals(EVENTS - HISTORY, o.freshness().never(), key);
        }
    }

    @Test
    void theWitnessCatchesALabelLearnedEarly() {
        LateLabelWitness witness = new LateLabelWitness(new LabelSchedule(0, DELAY));
        witness.predict(new double[][] {{0, featureOf(0)}});
        assertThrows(AssertionError.class, () -> witness.learn(new double[] {0, featureOf(0)}, labelOf(0)));
        LateLabelWitness joins = new LateLabelWitness(new LabelSchedule(5, 0));
        assertThrows(AssertionError.class, () -> joins.learn(new double[] {0, featureOf(0)}, 1 - labelOf(0)));
    }

    @Test
    void theJoinWithNoDelayGivesExactlyTheResultsOfLabelsWithTheirEvents(@TempDir Path dir) {
        ExperimentResults inline = run(dir, "inline", Map.of());
        ExperimentResults joined = run(dir, "joined", Map.of("labels.own-topic", true));
        ExperimentResults late = run(dir, "late", Map.of("labels.delay-events", 300));

        assertTrue(late.scenario().description().contains("labels 300 events late"), late.scenario().description());
        assertEquals(late.runs().get(0).produce().trainRecords(), late.runs().get(0).produce().labels());
        for (Strategy strategy : Strategy.ALL) {
            String key = strategy.key();
            StrategyResult a = inline.strategy(key);
            StrategyResult b = joined.strategy(key);
            assertEquals(a.prequential().cumulative(), b.prequential().cumulative(), key + ": bit for bit");
            assertArrayEquals(a.prequential().confusionMatrix(), b.prequential().confusionMatrix(), key);
            assertEquals(a.prequential().curve(), b.prequential().curve(), key);
            assertEquals(a.freshness().events().histogram(), b.freshness().events().histogram(), key);
            assertEquals(a.freshness().never(), b.freshness().never(), key);
            assertEquals(0, b.labels().delayEvents(), key);

            StrategyResult c = late.strategy(key);
            assertEquals(a.prequential().cumulative(), c.labels().withoutDelay(),
                    key + ": the pass without the delay is the run with labels on time");
            assertEquals(a.freshness().events().histogram(), c.labels().withoutDelayFreshnessEvents().histogram(), key);
            assertEquals(c.labels().events(), c.labels().learned() + c.labels().ignored() + c.labels().expired(), key);
            assertEquals(a.prequential().events(), c.prequential().events(), key + ": every event scored, late");
        }
        // Batch is frozen after the history, whose labels are on time: the delay cannot change what it predicts.
        assertEquals(inline.strategy("batch").prequential().cumulative(), late.strategy("batch").prequential().cumulative());
        // Online learns from labels 300 events old: after the drift at 1,000 it adapts later.
        double onTime = inline.strategy("online").prequential().cumulative().get("accuracy");
        double delayed = late.strategy("online").prequential().cumulative().get("accuracy");
        assertTrue(delayed < onTime, "online with late labels " + delayed + " vs on time " + onTime);
        assertTrue(late.strategy("online").freshness().events().p50() > 300, "freshness from the event includes the delay");
        assertTrue(late.strategy("online").labels().freshnessEvents().p50() <= 100,
                "freshness from the label: within online's mini-batch of 100");
    }

    @Test
    void underHoldoutTheFinalModelsLearnEveryLabelAndScoreAsOnTime(@TempDir Path dir) {
        Map<String, Object> holdout = Map.of("protocol", "holdout", "strategies", List.of("batch", "online",
                "periodic-retrain"));
        ExperimentResults onTime = run(dir, "holdout", holdout);
        Map<String, Object> late = new HashMap<>(holdout);
        late.put("labels.delay-events", 200);
        ExperimentResults delayed = run(dir, "holdout-late", late);
        for (String s : List.of("batch", "online", "periodic-retrain")) {
            StrategyResult result = delayed.strategy(s);
            assertEquals(onTime.strategy(s).holdout().metrics(), result.holdout().metrics(),
                    s + ": the same labels, learned in the same order, later");
            assertEquals(1_200, result.labels().events(), s + ": the train part's 60 %");
            assertEquals(1_200, result.labels().learned(), s);
            assertEquals(null, result.labels().withoutDelay(), s + ": no pass on time under holdout");
        }
    }

    private ExperimentResults run(Path dir, String name, Map<String, Object> labels) {
        Map<String, Object> overrides = new HashMap<>(Map.of("name", SharedKafka.unique(name), "source.events", 2_000,
                "source.generator.drift.positions", List.of(1_000), "model.hidden-layers", List.of(16), "rate.events-per-second", 0,
                "evaluation.warm-up", false));
        overrides.putAll(labels);
        ScenarioConfig scenario = ScenarioFiles.load("sea-abrupt", overrides);
        return new ExperimentRunner(kafka, true, scenario, dir.resolve(name), ProgressListener.NONE).run();
    }

    private Map<Strategy, StrategyDriver.Outcome> runEveryStrategy(String topic, LabelSchedule schedule, long horizon,
                                                                   LateLabelWitness witness) {
        LearnerConfig config = new LearnerConfig(new ModelConfig(List.of(8), 0.01), new BatchTrainingConfig(1, 32),
                new StreamTrainingConfig(64, 32, 1, 64, 100, 0, 0, "g"), new PeriodicRetrainConfig(150, 150), SCHEMA,
                new Seeds(0, 0, 1, 2));
        Map<Strategy, StrategyDriver.Outcome> outcomes = new LinkedHashMap<>();
        for (Strategy strategy : Strategy.ALL) {
            Learner learner = strategy == Strategy.NO_CHANGE ? witness : Learners.create(strategy, config);
            StrategyDriver.Run run = new StrategyDriver(kafka, new StageTopics(topic, topic + "-experiment-dlq", null),
                    SCHEMA, 37, new EvaluationConfig(HISTORY / (double) EVENTS, 100, 0.999, 100, 0, false, false), true,
                    new StrategyDriver.LateLabels(topic + "-labels", schedule, horizon))
                    .run(learner, HISTORY, EVENTS, null, l -> { });
            assertEquals(EVENTS, run.events(), strategy.key());
            outcomes.put(strategy, run.outcome());
        }
        return outcomes;
    }

    /** Events keyed by id without labels, and each label keyed by id once its event is due, as the producer writes them. */
    private void writeStream(String topic, LabelSchedule schedule) {
        try (TopicAdmin admin = new TopicAdmin(kafka)) {
            admin.ensureTopic(topic, 1, (short) 1, Map.of());
            admin.ensureTopic(topic + "-labels", 1, (short) 1, Map.of());
        }
        Map<String, Object> config = new HashMap<>(kafka.producerConfig());
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            long labelled = 0;
            for (long position = 0; labelled < EVENTS; position++) {
                if (position < EVENTS) {
                    producer.send(new ProducerRecord<>(topic, ExampleCodec.encodeEventId(position),
                            ExampleCodec.encodeValue(new double[] {position, featureOf(position)}))).get();
                }
                long id = schedule.dueAfter(position);
                if (id >= 0) {
                    producer.send(new ProducerRecord<>(topic + "-labels", ExampleCodec.encodeEventId(id),
                            ExampleCodec.encodeKey(labelOf(id)))).get();
                    labelled++;
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("fixture: " + e, e);
        }
    }
}
