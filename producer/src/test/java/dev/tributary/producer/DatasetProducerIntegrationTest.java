package dev.tributary.producer;

import dev.tributary.common.provenance.ProduceResult;
import dev.tributary.broker.test.TopicFixtures;

import dev.tributary.common.ProgressListener;
import dev.tributary.common.config.DatasetSpec;
import dev.tributary.common.config.MissingValuePolicy;
import dev.tributary.common.config.RateConfig;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.config.ScenarioFiles;
import dev.tributary.common.config.SplitConfig;
import dev.tributary.common.config.TopicsConfig;
import dev.tributary.common.data.ExampleCodec;
import dev.tributary.kafka.DeadLetter;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.kafka.TopicAdmin;
import dev.tributary.broker.test.SharedKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("integration")
class DatasetProducerIntegrationTest {

    private final KafkaConnection kafka = SharedKafka.connection();

    @Test
    void breastCancerImputedSplitsSixtyFortyWithExactCountsInKafka() {
        DatasetSpec dataset = DatasetSpec.BREAST_CANCER.withName(SharedKafka.unique("bc-impute"));
        TopicsConfig topics = TopicsConfig.forDataset(dataset.name());
        ProduceResult result = produce(dataset, SplitConfig.DEFAULT, topics, 7);

        assertEquals(699, result.read());
        assertEquals(419, result.trainRecords(), "round(0.6 * 699)");
        assertEquals(280, result.testRecords());
        assertEquals(0, result.deadLettered());
        assertEquals(16, result.imputedValues(), "16 rows miss bare_nuclei");
        try (TopicAdmin admin = new TopicAdmin(kafka)) {
            assertEquals(419, admin.recordCount(topics.train()));
            assertEquals(280, admin.recordCount(topics.test()));
            assertEquals(0, admin.recordCount(topics.deadLetter()));
            assertEquals(1, admin.describe(topics.train()).partitions().size());
            assertEquals(2, admin.describe(topics.test()).partitions().size());
        }
        // Every written record decodes as an example of the schema: nothing missing is left.
        ExampleCodec codec = new ExampleCodec(9, 2);
        long[] perClass = new long[2];
        TopicFixtures.read(kafka, topics.train(), r -> perClass[codec.decode(r.key(), r.value()).label()]++);
        TopicFixtures.read(kafka, topics.test(), r -> perClass[codec.decode(r.key(), r.value()).label()]++);
        assertEquals(458, perClass[0], "benign rows");
        assertEquals(241, perClass[1], "malignant rows");
    }

    @Test
    void dropPolicyDeadLettersTheSixteenIncompleteRowsWithTheirReason() {
        DatasetSpec dataset = DatasetSpec.BREAST_CANCER.withName(SharedKafka.unique("bc-drop"));
        TopicsConfig topics = TopicsConfig.forDataset(dataset.name());
        ProduceResult result = produce(dataset, new SplitConfig(0.6, MissingValuePolicy.DROP, true), topics, 7);

        assertEquals(699, result.read());
        assertEquals(16, result.deadLettered());
        assertEquals(683, result.trainRecords() + result.testRecords());
        assertEquals(Map.of("missing-value", 16L), result.rejections());
        List<ConsumerRecord<byte[], byte[]>> dead = readAll(topics.deadLetter());
        assertEquals(16, dead.size());
        for (ConsumerRecord<byte[], byte[]> r : dead) {
            String line = new String(r.value(), StandardCharsets.UTF_8);
            assertTrue(line.contains(",?,"), "the original line travels unchanged: " + line);
            assertTrue(DeadLetter.header(r.headers(), DeadLetter.REASON_HEADER).contains("missing"));
            assertTrue(DeadLetter.header(r.headers(), DeadLetter.SOURCE_HEADER).matches(".*breast-cancer-wisconsin\\.data:\\d+"));
        }
    }

    @Test
    void malformedRowsLandInTheDeadLetterTopicAndTheRunCompletes(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("mixed.csv");
        Files.writeString(csv, String.join("\n",
                "a,b,label",
                "1.5,2,yes",
                "oops,2,no",          // not a number
                "1,2",                // too few columns
                "3,4,maybe",          // unknown label
                "",                   // blank: not a row
                "5,6,no",
                "7,Infinity,yes",     // not finite
                "8,9,no,extra",       // too many columns
                "10,11,yes") + "\n");
        // Classes are given: inferred ones would take the bad row's 'maybe' for a class.
        DatasetSpec dataset = new DatasetSpec(SharedKafka.unique("mixed"), csv.toString(), true, List.of(), "label",
                List.of(), List.of(), null, List.of("no", "yes"), List.of(), "");
        TopicsConfig topics = TopicsConfig.forDataset(dataset.name());
        ProduceResult result = produce(dataset, new SplitConfig(0.5, MissingValuePolicy.IMPUTE, true), topics, 1);

        assertEquals(8, result.read());
        assertEquals(5, result.deadLettered());
        assertEquals(3, result.trainRecords() + result.testRecords());
        assertEquals(Map.of("not-a-number", 2L, "wrong-arity", 2L, "unknown-label", 1L), result.rejections());
        List<String> reasons = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : readAll(topics.deadLetter())) {
            reasons.add(DeadLetter.header(r.headers(), DeadLetter.REASON_HEADER));
            sources.add(DeadLetter.header(r.headers(), DeadLetter.SOURCE_HEADER));
            assertEquals("producer", DeadLetter.header(r.headers(), DeadLetter.STAGE_HEADER));
        }
        assertEquals(List.of(
                "column 'a': 'oops' is not a number",
                "expected 3 columns, found 2",
                "column 'label': unknown label 'maybe', expected one of [no, yes]",
                "column 'b': 'Infinity' is not a finite number",
                "expected 3 columns, found 4"), reasons);
        assertEquals(List.of(csv + ":3", csv + ":4", csv + ":5", csv + ":8", csv + ":9"), sources);
    }

    @Test
    void arffRowsThatCannotBeUsedAreDeadLetteredOneByOne(@TempDir Path dir) throws Exception {
        Path arff = dir.resolve("weather.arff");
        Files.writeString(arff, String.join("\n",
                "@relation weather",
                "@attribute outlook {sunny, rainy}",
                "@attribute temperature numeric",
                "@attribute play {yes, no}",
                "@data",
                "sunny,85,no",
                "{0 sunny, 2 no}",      // sparse: not supported
                "foggy,70,yes",         // not a declared value
                "rainy,'70,yes",        // a quote that never closes
                "% a comment: not a row",
                "rainy,65,maybe",       // not a class
                "?,71,yes",             // missing: imputed
                "rainy,68,yes") + "\n");
        String name = SharedKafka.unique("arff");
        ScenarioConfig scenario = ScenarioFiles.load("breast-cancer", Map.of("name", name,
                "source", Map.of("arff", Map.of("location", arff.toString())), "split.shuffle", false));
        TopicsConfig topics = scenario.topics();
        ProduceResult result = SourceProducer.forScenario(kafka, scenario, ProgressListener.NONE).produce();

        assertEquals(7, result.read());
        assertEquals(4, result.deadLettered());
        assertEquals(3, result.trainRecords() + result.testRecords());
        assertEquals(Map.of("malformed", 3L, "unknown-label", 1L), result.rejections());
        assertEquals(2, result.imputedValues(), "the two outlook features of the row with '?'");
        List<String> reasons = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : readAll(topics.deadLetter())) {
            reasons.add(DeadLetter.header(r.headers(), DeadLetter.REASON_HEADER));
            lines.add(DeadLetter.header(r.headers(), DeadLetter.SOURCE_HEADER) + " " + new String(r.value(), StandardCharsets.UTF_8));
        }
        assertEquals(List.of(
                "sparse ARFF row ({index value, ...}): not supported, write every value of the row",
                "attribute 'outlook': 'foggy' is not one of its values [sunny, rainy]",
                "malformed ARFF: a quote opened at character 7 is not closed on its line",
                "attribute 'play': unknown label 'maybe', expected one of [yes, no]"), reasons);
        assertEquals(List.of(arff + ":7 {0 sunny, 2 no}", arff + ":8 foggy,70,yes", arff + ":9 rainy,'70,yes",
                arff + ":11 rainy,65,maybe"), lines);
    }

    @Test
    void theTopicsHoldTheSequenceTheExporterWrites(@TempDir Path dir) throws Exception {
        ScenarioConfig scenario = ScenarioFiles.load("breast-cancer", Map.of("name", SharedKafka.unique("bc-export")));
        SourceProducer.forScenario(kafka, scenario, ProgressListener.NONE).produce();
        Path file = dir.resolve("bc.csv");
        EventExporter.export(scenario, ExportFormat.CSV, file);
        List<String> exported = Files.readAllLines(file).subList(1, 700);
        List<String> train = exported.stream().filter(l -> l.startsWith("train,")).map(l -> l.substring(6)).toList();
        List<String> test = new ArrayList<>(exported.stream().filter(l -> l.startsWith("test,")).map(l -> l.substring(5)).toList());
        List<String> trainTopic = readAll(scenario.topics().train()).stream().map(DatasetProducerIntegrationTest::asRow).toList();
        List<String> testTopic = new ArrayList<>(readAll(scenario.topics().test()).stream().map(DatasetProducerIntegrationTest::asRow).toList());
        assertEquals(train, trainTopic, "one partition: the train part in the exported order");
        test.sort(null);
        testTopic.sort(null);
        assertEquals(test, testTopic, "two partitions: the same records, each partition in its own order");
    }

    private static String asRow(ConsumerRecord<byte[], byte[]> r) {
        return new String(r.value(), StandardCharsets.UTF_8) + "," + new String(r.key(), StandardCharsets.UTF_8);
    }

    @Test
    void theSplitSeedDecidesWhichRowsAreHeldOut() {
        List<String> first = trainValues(3);
        assertEquals(first, trainValues(3), "same seed, same train topic");
        assertNotEquals(first, trainValues(4), "another seed, another split");
    }

    private List<String> trainValues(long seed) {
        DatasetSpec dataset = DatasetSpec.BREAST_CANCER.withName(SharedKafka.unique("bc-seed"));
        TopicsConfig topics = TopicsConfig.forDataset(dataset.name());
        produce(dataset, SplitConfig.DEFAULT, topics, seed);
        return readAll(topics.train()).stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
    }

    private ProduceResult produce(DatasetSpec dataset, SplitConfig split, TopicsConfig topics, long seed) {
        return new SourceProducer(kafka, new DatasetSource(new DatasetFile.Csv(dataset), split, split.trainFraction(), seed),
                topics, Pacing.atRate(RateConfig.UNLIMITED), ProgressListener.NONE).produce();
    }

    private List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        TopicFixtures.read(kafka, topic, records::add);
        return records;
    }
}
