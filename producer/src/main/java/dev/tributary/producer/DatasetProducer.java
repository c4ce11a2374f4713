package dev.tributary.producer;

import dev.tributary.common.TributaryException;
import dev.tributary.common.config.DatasetSpec;
import dev.tributary.common.config.MissingValuePolicy;
import dev.tributary.common.config.SplitConfig;
import dev.tributary.common.config.TopicsConfig;
import dev.tributary.common.data.CsvLayout;
import dev.tributary.common.data.DatasetFiles;
import dev.tributary.common.data.ExampleCodec;
import dev.tributary.common.data.MalformedRecordException;
import dev.tributary.common.kafka.DeadLetter;
import dev.tributary.common.kafka.KafkaConnection;
import dev.tributary.common.kafka.TopicAdmin;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes a CSV data set to Kafka the way the tutorial does: shuffled with a seed, split into a
 * train and a test topic, key = class index, value = the features as CSV.
 *
 * <p>The accepted rows are held in memory to be shuffled: this stage is meant for finite,
 * published data sets (tens of MB), not for unbounded streams. Rows are rejected one by one,
 * never the file: a row that cannot be parsed, or that has a missing value under
 * {@link MissingValuePolicy#DROP}, goes to the dead-letter topic with its reason and line.
 * Under {@link MissingValuePolicy#IMPUTE}, a missing value becomes the median of its feature
 * over the training split only, computed after the split so the test split leaks nothing.
 */
public final class DatasetProducer {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetProducer.class);
    static final String STAGE = "producer";

    private final KafkaConnection connection;
    private final DatasetSpec dataset;
    private final SplitConfig split;
    private final TopicsConfig topics;
    private final long splitSeed;

    /**
     * @param connection the cluster
     * @param dataset    the data set to read
     * @param split      the train fraction and the missing-value policy
     * @param topics     where to write
     * @param splitSeed  the seed of the shuffle before the split
     */
    public DatasetProducer(KafkaConnection connection, DatasetSpec dataset, SplitConfig split, TopicsConfig topics,
                           long splitSeed) {
        this.connection = connection;
        this.dataset = dataset;
        this.split = split;
        this.topics = topics;
        this.splitSeed = splitSeed;
    }

    /**
     * Creates the topics if needed, then writes every row to exactly one of them.
     *
     * @return the counts, which reconcile
     * @throws TributaryException if the file cannot be read or Kafka rejects a write
     */
    public ProduceResult produce() {
        CsvLayout layout = CsvLayout.resolve(dataset);
        try (TopicAdmin admin = new TopicAdmin(connection)) {
            admin.ensureTopic(topics.train(), topics.trainPartitions(), topics.replicationFactor(), Map.of());
            admin.ensureTopic(topics.test(), topics.testPartitions(), topics.replicationFactor(), Map.of());
            admin.ensureTopic(topics.deadLetter(), 1, topics.replicationFactor(), Map.of());
        }
        try (Producer<byte[], byte[]> producer = createProducer()) {
            return produce(layout, producer);
        }
    }

    /** Visible for testing: the seam where the Kafka producer is made. */
    Producer<byte[], byte[]> createProducer() {
        return new KafkaProducer<>(connection.producerConfig());
    }

    private ProduceResult produce(CsvLayout layout, Producer<byte[], byte[]> producer) {
        AtomicReference<Exception> sendFailure = new AtomicReference<>();
        Callback onFailure = (metadata, e) -> {
            if (e != null) {
                sendFailure.compareAndSet(null, e);
            }
        };
        Map<String, Long> rejections = new TreeMap<>();
        List<ParsedRow> accepted = new ArrayList<>();
        long rowsRead = 0;
        CsvRowParser parser = new CsvRowParser(layout, dataset.missingValueMarker());
        try (BufferedReader reader = DatasetFiles.open(dataset.location())) {
            int lineNumber = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                lineNumber++;
                if ((lineNumber == 1 && dataset.hasHeader()) || line.isBlank()) {
                    continue;
                }
                rowsRead++;
                String source = dataset.location() + ":" + lineNumber;
                try {
                    ParsedRow row = parser.parse(line, source);
                    if (row.missing() > 0 && split.missingValues() == MissingValuePolicy.DROP) {
                        throw new MalformedRecordException(MalformedRecordException.Kind.MISSING_VALUE,
                                row.missing() + " missing value(s) ('" + dataset.missingValueMarker()
                                        + "'), dropped by missing-values=drop");
                    }
                    accepted.add(row);
                } catch (MalformedRecordException e) {
                    rejections.merge(e.kind().key(), 1L, Long::sum);
                    producer.send(new DeadLetter(null, line.getBytes(StandardCharsets.UTF_8), e.getMessage(), source, STAGE)
                            .toRecord(topics.deadLetter()), onFailure);
                }
            }
        } catch (IOException e) {
            throw new TributaryException("cannot read data set " + dataset.location() + ": " + e, e);
        }

        Collections.shuffle(accepted, new Random(splitSeed));
        int trainSize = (int) Math.round(accepted.size() * split.trainFraction());
        List<ParsedRow> train = accepted.subList(0, trainSize);
        List<ParsedRow> test = accepted.subList(trainSize, accepted.size());
        long imputed = impute(train, test);
        for (ParsedRow row : train) {
            producer.send(toRecord(topics.train(), row), onFailure);
        }
        for (ParsedRow row : test) {
            producer.send(toRecord(topics.test(), row), onFailure);
        }
        producer.flush();
        if (sendFailure.get() != null) {
            throw new TributaryException("Kafka rejected a write to " + connection.bootstrapServers() + ": "
                    + sendFailure.get(), sendFailure.get());
        }
        long deadLettered = rejections.values().stream().mapToLong(Long::longValue).sum();
        ProduceResult result = new ProduceResult(dataset.name(), rowsRead, train.size(), test.size(), deadLettered,
                imputed, rejections, topics.train(), topics.test(), topics.deadLetter());
        LOG.info("Produced {}: {} rows read, {} train, {} test, {} dead-lettered {}, {} values imputed",
                dataset.name(), rowsRead, train.size(), test.size(), deadLettered, rejections, imputed);
        return result;
    }

    private static ProducerRecord<byte[], byte[]> toRecord(String topic, ParsedRow row) {
        return new ProducerRecord<>(topic, ExampleCodec.encodeKey(row.label()), ExampleCodec.encodeValue(row.features()));
    }

    /**
     * Replaces missing values (NaN) in both splits by the training split's per-feature median.
     *
     * @return the number of values replaced
     */
    static long impute(List<ParsedRow> train, List<ParsedRow> test) {
        if (train.stream().noneMatch(r -> r.missing() > 0) && test.stream().noneMatch(r -> r.missing() > 0)) {
            return 0;
        }
        int numFeatures = (train.isEmpty() ? test : train).get(0).features().length;
        double[] medians = new double[numFeatures];
        for (int j = 0; j < numFeatures; j++) {
            final int feature = j;
            double[] values = train.stream().mapToDouble(r -> r.features()[feature]).filter(v -> !Double.isNaN(v))
                    .sorted().toArray();
            medians[j] = median(values);
        }
        long imputed = 0;
        for (List<ParsedRow> rows : List.of(train, test)) {
            for (ParsedRow row : rows) {
                for (int j = 0; j < numFeatures; j++) {
                    if (Double.isNaN(row.features()[j])) {
                        if (Double.isNaN(medians[j])) {
                            throw new TributaryException("feature " + j + " has no value in the training split to impute from");
                        }
                        row.features()[j] = medians[j];
                        imputed++;
                    }
                }
            }
        }
        return imputed;
    }

    /** @return the median of sorted values, NaN if there are none */
    static double median(double[] sorted) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
