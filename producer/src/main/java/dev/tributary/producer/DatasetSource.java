package dev.tributary.producer;

import dev.tributary.common.TributaryException;
import dev.tributary.common.config.MissingValuePolicy;
import dev.tributary.common.config.SplitConfig;
import dev.tributary.common.data.Example;
import dev.tributary.common.data.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A data set read from a file (CSV or ARFF) the way the tutorial does it: shuffled with a seed
 * (or kept in file order when the split says so), then split into a train and a test part.
 *
 * <p>The accepted rows are held in memory to be shuffled: this source is meant for finite,
 * published data sets (tens of MB), not for unbounded streams. Rows are rejected one by one,
 * never the file: a row that cannot be parsed, or that has a missing value under
 * {@link MissingValuePolicy#DROP}, is rejected with its reason and line. Under
 * {@link MissingValuePolicy#IMPUTE}, a missing value becomes the median of its feature over the
 * training split only, computed after the split so the test split leaks nothing.
 *
 * <p>The classes are the declared ones or, when none are, the labels of the accepted rows
 * ({@link Classes}): a rejected row's label is no class. A class of fewer than
 * {@value Classes#RARE_BELOW} accepted rows is logged as a warning.
 */
final class DatasetSource implements EventSource {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetSource.class);

    private final DatasetFile file;
    private final SplitConfig split;
    private final double trainShare;
    private final long seed;

    /**
     * @param file       the data set
     * @param split      shuffling and the missing-value policy
     * @param trainShare the share of rows in the train part: the split's fraction, or 1 for the
     *                   prequential protocol's single events topic
     * @param seed       the seed of the shuffle before the split
     */
    DatasetSource(DatasetFile file, SplitConfig split, double trainShare, long seed) {
        this.file = file;
        this.split = split;
        this.trainShare = trainShare;
        this.seed = seed;
    }

    @Override
    public EventSequence open() {
        DatasetScan scan = DatasetScan.read(file, split.missingValues(), true);
        Classes classes = scan.classes();
        classes.rare(scan.acceptedLabels()).forEach((label, rows) -> LOG.warn(
                "{}: class '{}' (label column '{}') has only {} accepted row(s)", file.location(), label,
                scan.parser().labelName(), rows));
        List<ParsedRow> rows = new ArrayList<>(scan.accepted());
        if (split.shuffled()) {
            Collections.shuffle(rows, new Random(seed));
        }
        int trainSize = (int) Math.round(rows.size() * trainShare);
        List<ParsedRow> train = rows.subList(0, trainSize);
        List<ParsedRow> test = rows.subList(trainSize, rows.size());
        long imputed = impute(train, test);
        LOG.info("{}: {} rows read, {} accepted, {} rejected {}, classes {}", file.describe(), scan.read(), rows.size(),
                scan.rejected().size(), scan.rejections(), classes);
        return EventSequence.ofRows(scan.parser().schema(classes.values()), examples(train, classes),
                examples(test, classes), scan.read(), scan.rejected(), imputed);
    }

    @Override
    public Schema schema() {
        RowParser header = file.header();
        if (!header.declaredClasses().isEmpty()) {
            return header.schema(header.declaredClasses());
        }
        return header.schema(DatasetScan.read(file, split.missingValues(), false).classes().values());
    }

    @Override
    public long trainEvents() {
        return Math.round(DatasetScan.read(file, split.missingValues(), false).acceptedRows() * trainShare);
    }

    @Override
    public String describe() {
        return file.describe();
    }

    private static List<Example> examples(List<ParsedRow> rows, Classes classes) {
        List<Example> examples = new ArrayList<>(rows.size());
        for (ParsedRow row : rows) {
            examples.add(new Example(row.features(), classes.indexOf(row.label())));
        }
        return examples;
    }

    /**
     * Replaces missing values (NaN) in both splits by the training split's per-feature median.
     *
     * @return the number of values replaced
     * @throws TributaryException if a feature to impute has no value in the training split
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
