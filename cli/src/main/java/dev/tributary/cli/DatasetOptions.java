package dev.tributary.cli;

import dev.tributary.common.config.ConfigException;
import dev.tributary.common.config.DatasetSpec;
import dev.tributary.common.config.TopicsConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which data set a command works on: a built-in one by name, or a user's CSV file. The data
 * set's name also names its topics ({@code <name>-train}, {@code <name>-test}, {@code <name>-dlq}).
 */
final class DatasetOptions {

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "A built-in data set: ${COMPLETION-CANDIDATES}. Ignored with --csv.")
    BuiltIn dataset = BuiltIn.BREAST_CANCER;

    @Option(names = "--csv", paramLabel = "FILE", description = "A CSV data set instead of a built-in one.")
    Path csv;

    @Option(names = "--label-column", paramLabel = "NAME|INDEX",
            description = "With --csv: the label column, by name or 0-based index (default: the last column).")
    String labelColumn;

    @Option(names = "--no-header", description = "With --csv: the file has no header row (columns are c0, c1, ...).")
    boolean noHeader;

    @Option(names = "--ignore-column", paramLabel = "NAME|INDEX", split = ",",
            description = "With --csv: columns that are neither features nor label (an id). Repeatable.")
    List<String> ignoredColumns = new ArrayList<>();

    @Option(names = "--missing-marker", paramLabel = "TEXT",
            description = "With --csv: the text that marks a missing value (an empty field always does).")
    String missingMarker;

    @Option(names = "--classes", paramLabel = "VALUE", split = ",",
            description = "With --csv: the label values in class-index order (default: the distinct values, sorted).")
    List<String> classes = new ArrayList<>();

    @Option(names = "--dataset-name", paramLabel = "NAME",
            description = "Name the data set (and so its topics) differently, e.g. for a second run on one cluster.")
    String name;

    /** The data sets shipped with Tributary. */
    enum BuiltIn {
        BREAST_CANCER(DatasetSpec.BREAST_CANCER);

        final DatasetSpec spec;

        BuiltIn(DatasetSpec spec) {
            this.spec = spec;
        }

        @Override
        public String toString() {
            return spec.name();
        }
    }

    /** @return the data set described by the options */
    DatasetSpec spec() {
        DatasetSpec spec;
        if (csv == null) {
            if (labelColumn != null || noHeader || !ignoredColumns.isEmpty() || missingMarker != null || !classes.isEmpty()) {
                throw new ConfigException("--label-column/--no-header/--ignore-column/--missing-marker/--classes",
                        "given without --csv", "these options only with --csv FILE");
            }
            spec = dataset.spec;
        } else {
            String fileName = csv.getFileName().toString().replaceFirst("\\.[^.]*$", "").replaceAll("[^A-Za-z0-9._-]", "-");
            spec = new DatasetSpec(fileName, csv.toString(), !noHeader, List.of(),
                    labelColumn == null ? "-1" : labelColumn, ignoredColumns, missingMarker, classes, List.of(), "");
        }
        return name == null ? spec : spec.withName(name);
    }

    /** @return the data set's topics */
    TopicsConfig topics() {
        return TopicsConfig.forDataset(spec().name());
    }
}
