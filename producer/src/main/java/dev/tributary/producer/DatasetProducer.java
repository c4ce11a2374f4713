package dev.tributary.producer;

import dev.tributary.common.provenance.ProduceResult;
import dev.tributary.common.ProgressListener;
import dev.tributary.common.TributaryException;
import dev.tributary.common.config.DatasetSpec;
import dev.tributary.common.config.MissingValuePolicy;
import dev.tributary.common.config.SplitConfig;
import dev.tributary.common.config.TopicsConfig;
import dev.tributary.common.data.Example;
import dev.tributary.common.data.MalformedRecordException;
import dev.tributary.common.data.Schema;
import dev.tributary.kafka.DeadLetter;
import dev.tributary.kafka.KafkaConnection;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

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
 * <p>The classes are the declared ones or, when none are, the labels of the accepted rows
 * ({@link Classes}): a rejected row's label is no class. A class of fewer than
 * {@value Classes#RARE_BELOW} accepted rows is logged as a warning.
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
        try (TopicWriter writer = new TopicWriter(new KafkaProducer<>(connection.producerConfig()), pacing, progress)) {
            DatasetScan scan = DatasetScan.read(dataset, layout, split.missingValues(), true);
            for (RejectedRow row : scan.rejected()) {
                writer.deadLetter(topics.deadLetter(), new DeadLetter(null, row.bytes(), row.reason(), row.source(), STAGE));
            }
            Classes classes = scan.classes(dataset, layout);
            classes.rare(scan.acceptedLabels()).forEach((label, rows) -> LOG.warn(
                    "{}: class '{}' has only {} accepted row(s)", dataset.location(), label, rows));
            List<ParsedRow> accepted = new ArrayList<>(scan.accepted());
            if (split.shuffled()) {
                Collections.shuffle(accepted, new Random(splitSeed));
            }
            int trainSize = (int) Math.round(accepted.size() * trainShare);
            List<ParsedRow> train = accepted.subList(0, trainSize);
            List<ParsedRow> test = accepted.subList(trainSize, accepted.size());
            long imputed = impute(train, test);
            progress.start("producing " + dataset.name(), scan.read());
            for (ParsedRow row : train) {
                writer.send(topics.train(), new Example(row.features(), classes.indexOf(row.label())));
            }
            for (ParsedRow row : test) {
                writer.send(topics.test(), new Example(row.features(), classes.indexOf(row.label())));
            }
            writer.flush();
            progress.finish();
            long deadLettered = scan.rejected().size();
            ProduceResult result = new ProduceResult(topics.prefix(), scan.read(), train.size(), test.size(), deadLettered,
                    imputed, scan.rejections(), List.of(), topics.train(), topics.test(), topics.deadLetter(),
                    (System.nanoTime() - startNanos) / 1_000_000);
            LOG.info("Produced {}: {} rows read, {} train, {} test, {} dead-lettered {}, {} values imputed, classes {}",
                    dataset.name(), scan.read(), train.size(), test.size(), deadLettered, scan.rejections(), imputed,
                    classes);
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
        DatasetScan scan = DatasetScan.read(dataset, CsvLayout.resolve(dataset), split.missingValues(), false);
        return Math.round(scan.acceptedRows() * trainShare);
    }

    /**
     * @param dataset the data set
     * @param policy  what a row with a missing value becomes (a dropped row's label is no class)
     * @return its schema: the feature columns, and the declared classes or else those of the
     *         accepted rows (the file is read once for them)
     */
    static Schema schema(DatasetSpec dataset, MissingValuePolicy policy) {
        CsvLayout layout = CsvLayout.resolve(dataset);
        List<String> classes = dataset.classes().isEmpty()
                ? DatasetScan.read(dataset, layout, policy, false).classes(dataset, layout).values() : dataset.classes();
        return new Schema(layout.featureNames(), dataset.classNames().isEmpty() ? classes : dataset.classNames());
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
