package dev.tributary.producer;

import dev.tributary.common.provenance.ProduceResult;
import dev.tributary.common.ProgressListener;
import dev.tributary.common.TributaryException;
import dev.tributary.common.config.DatasetSpec;
import dev.tributary.common.config.MissingValuePolicy;
import dev.tributary.common.config.RateConfig;
import dev.tributary.common.config.SplitConfig;
import dev.tributary.common.config.TopicsConfig;
import dev.tributary.common.data.CsvLayout;
import dev.tributary.common.data.DatasetFiles;
import dev.tributary.common.data.Example;
import dev.tributary.common.data.MalformedRecordException;
import dev.tributary.kafka.DeadLetter;
import dev.tributary.kafka.KafkaConnection;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Writes a CSV data set to Kafka the way the tutorial does: shuffled with a seed (or kept in
 * file order when the split says so), split into a
 * train and a test topic, key = class index, value = the features as CSV.
 *
 * <p>The accepted rows are held in memory to be shuffled: this stage is meant for finite,
 * published data sets (tens of MB), not for unbounded streams. Rows are rejected one by one,
 * never the file: a row that cannot be parsed, or that has a missing value under
 * {@link MissingValuePolicy#DROP}, goes to the dead-letter topic with its reason and line.
 * Under {@link MissingValuePolicy#IMPUTE}, a missing value becomes the median of its feature
 * over the training split only, computed after the split so the test split leaks nothing.
 *
 * <p>Counts reconcile: every line that is neither the header nor blank is read, and is either
 * sent (train or test) or dead-lettered, with its {@link MalformedRecordException.Kind} counted in
 * {@link ProduceResult#rejections()}. A dead letter's value is the line's bytes exactly as in the
 * file (bytes that are not UTF-8 included); its headers hold the reason, {@code location:line}
 * and the stage {@value #STAGE}.
 */
public final class DatasetProducer implements SourceProducer {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetProducer.class);
    static final String STAGE = "producer";

    private final KafkaConnection connection;
    private final DatasetSpec dataset;
    private final SplitConfig split;
    private final double trainShare;
    private final TopicsConfig topics;
    private final Pacing pacing;
    private final long splitSeed;
    private final ProgressListener progress;

    /**
     * @param connection the cluster
     * @param dataset    the data set to read
     * @param split      shuffling and the missing-value policy
     * @param trainShare the share of rows for the train topic: the split's fraction, or 1 for a
     *                   single topic (the prequential protocol's events topic)
     * @param topics     where to write
     * @param pacing     the pace of the sends
     * @param splitSeed  the seed of the shuffle before the split
     * @param progress   hears how many rows have been sent
     */
    public DatasetProducer(KafkaConnection connection, DatasetSpec dataset, SplitConfig split, double trainShare,
                           TopicsConfig topics, Pacing pacing, long splitSeed, ProgressListener progress) {
        this.connection = connection;
        this.dataset = dataset;
        this.split = split;
        this.trainShare = trainShare;
        this.topics = topics;
        this.pacing = pacing;
        this.splitSeed = splitSeed;
        this.progress = progress;
    }

    @Override
    public ProduceResult produce() {
        long startNanos = System.nanoTime();
        CsvLayout layout = CsvLayout.resolve(dataset);
        SourceProducer.createTopics(connection, topics);
        try (TopicWriter writer = new TopicWriter(createProducer(), pacing, progress)) {
            Map<String, Long> rejections = new TreeMap<>();
            List<ParsedRow> accepted = new ArrayList<>();
            long read = readRows(layout, letter -> writer.deadLetter(topics.deadLetter(), letter), accepted, rejections);
            if (split.shuffled()) {
                Collections.shuffle(accepted, new Random(splitSeed));
            }
            int trainSize = (int) Math.round(accepted.size() * trainShare);
            List<ParsedRow> train = accepted.subList(0, trainSize);
            List<ParsedRow> test = accepted.subList(trainSize, accepted.size());
            long imputed = impute(train, test);
            progress.start("producing " + dataset.name(), read);
            for (ParsedRow row : train) {
                writer.send(topics.train(), new Example(row.features(), row.label()));
            }
            for (ParsedRow row : test) {
                writer.send(topics.test(), new Example(row.features(), row.label()));
            }
            writer.flush();
            progress.finish();
            long deadLettered = rejections.values().stream().mapToLong(Long::longValue).sum();
            ProduceResult result = new ProduceResult(topics.prefix(), read, train.size(), test.size(), deadLettered,
                    imputed, rejections, List.of(), topics.train(), topics.test(), topics.deadLetter(),
                    (System.nanoTime() - startNanos) / 1_000_000);
            LOG.info("Produced {}: {} rows read, {} train, {} test, {} dead-lettered {}, {} values imputed",
                    dataset.name(), read, train.size(), test.size(), deadLettered, rejections, imputed);
            return result;
        }
    }

    /**
     * Reads the file without writing anything: how many rows {@link #produce} will write to the
     * train topic, known before it starts (what a prequential run that consumes the topic while
     * it is produced needs to know where the history ends and the stream stops).
     *
     * @return the rows of the train split
     * @throws TributaryException if the file cannot be read
     */
    public long trainRows() {
        List<ParsedRow> accepted = new ArrayList<>();
        readRows(CsvLayout.resolve(dataset), letter -> { }, accepted, new TreeMap<>());
        return Math.round(accepted.size() * trainShare);
    }

    /** Visible for testing: the seam where the Kafka producer is made. */
    Producer<byte[], byte[]> createProducer() {
        return new KafkaProducer<>(connection.producerConfig());
    }

    /**
     * Parses every row; rejected ones go to the dead-letter topic at once, accepted ones are kept
     * to be split (a finite data set, held in memory by design).
     *
     * @return the number of rows read
     */
    private long readRows(CsvLayout layout, java.util.function.Consumer<DeadLetter> rejected, List<ParsedRow> accepted,
                          Map<String, Long> rejections) {
        long read = 0;
        CsvRowParser parser = new CsvRowParser(layout, dataset.missingValueMarker());
        try (LineReader reader = new LineReader(DatasetFiles.openStream(dataset.location()))) {
            int lineNumber = 0;
            for (LineReader.Line raw; (raw = reader.next()) != null; ) {
                lineNumber++;
                String line = raw.text();
                if ((lineNumber == 1 && dataset.hasHeader()) || line.isBlank()) {
                    continue;
                }
                read++;
                String source = dataset.location() + ":" + lineNumber;
                try {
                    ParsedRow row = parser.parse(line, source);
                    if (row.missing() > 0 && split.missingValues() == MissingValuePolicy.DROP) {
                        throw new MalformedRecordException(MalformedRecordException.Kind.MISSING_VALUE,
                                row.missing() + " missing value(s), dropped by missing-values=drop");
                    }
                    accepted.add(row);
                } catch (MalformedRecordException e) {
                    rejections.merge(e.kind().key(), 1L, Long::sum);
                    rejected.accept(new DeadLetter(null, raw.bytes(), e.getMessage(), source, STAGE));
                }
            }
        } catch (IOException e) {
            throw new TributaryException("cannot read data set " + dataset.location() + ": " + e, e);
        }
        return read;
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
