package dev.tributary.common.config;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where a CSV data set is and how to read it.
 *
 * @param name               the data set's name (default: the file's name without extension)
 * @param location           a file path, or {@code classpath:/path} for a data set shipped as a resource
 * @param hasHeader          whether the first line holds the column names (in a scenario file,
 *                           {@code true} unless set, as with {@code --csv})
 * @param columnNames        the column names when there is no header (empty: {@code c0, c1, ...})
 * @param labelColumn        the label column, by name or by 0-based index (negative: from the end)
 * @param ignoredColumns     columns that are neither features nor label (an id), by name or index
 * @param features           the feature columns to use, by name or index (empty: every column
 *                           that is neither the label nor ignored)
 * @param missingValueMarker the text that marks a missing feature value, or {@code null} for none
 *                           (an empty field is always missing)
 * @param classes            the raw label values in class-index order (empty: the distinct labels
 *                           of the accepted rows, sorted)
 * @param classNames         display names of the classes (empty: the raw values)
 * @param attribution        the data set's source and licence, recorded with every result
 */
public record DatasetSpec(
        String name,
        String location,
        boolean hasHeader,
        List<String> columnNames,
        String labelColumn,
        List<String> ignoredColumns,
        List<String> features,
        String missingValueMarker,
        List<String> classes,
        List<String> classNames,
        String attribution) {

    /** The resource folder of the data sets Tributary ships. */
    public static final String DATASETS_RESOURCE = "classpath:/dev/tributary/common/datasets/";

    /**
     * The tutorial's data set: UCI Breast Cancer Wisconsin (Original), 699 rows, 9 integer
     * features, classes 2 (benign) and 4 (malignant) mapped to 0 and 1.
     */
    public static final DatasetSpec BREAST_CANCER = new DatasetSpec(
            "breast-cancer",
            DATASETS_RESOURCE + "breast-cancer-wisconsin.data",
            false,
            List.of("id", "clump_thickness", "cell_size_uniformity", "cell_shape_uniformity",
                    "marginal_adhesion", "single_epithelial_cell_size", "bare_nuclei",
                    "bland_chromatin", "normal_nucleoli", "mitoses", "class"),
            "class",
            List.of("id"),
            List.of(),
            "?",
            List.of("2", "4"),
            List.of("benign", "malignant"),
            "W. H. Wolberg and O. L. Mangasarian, PNAS 87 (1990) 9193-9196; "
                    + "UCI Machine Learning Repository, Breast Cancer Wisconsin (Original), CC BY 4.0");

    /** UCI Spambase: 4,601 e-mails, 57 word and character statistics, spam or not. */
    public static final DatasetSpec SPAMBASE = new DatasetSpec(
            "spambase",
            DATASETS_RESOURCE + "spambase.csv",
            true, List.of(), "spam", List.of(), List.of(), null,
            List.of("0", "1"), List.of("ham", "spam"),
            "M. Hopkins, E. Reeber, G. Forman, J. Suermondt (Hewlett-Packard Labs); "
                    + "UCI Machine Learning Repository, Spambase, CC BY 4.0");

    /**
     * UCI Statlog (Shuttle): 58,000 rows, 9 numeric attributes, 7 classes, heavily imbalanced
     * (78.6 % of rows are class 1).
     */
    public static final DatasetSpec SHUTTLE = new DatasetSpec(
            "shuttle",
            DATASETS_RESOURCE + "shuttle.csv",
            true, List.of(), "class", List.of(), List.of(), null,
            List.of("1", "2", "3", "4", "5", "6", "7"),
            List.of("rad-flow", "fpv-close", "fpv-open", "high", "bypass", "bpv-close", "bpv-open"),
            "Donated by J. Catlett; UCI Machine Learning Repository, Statlog (Shuttle), CC BY 4.0");

    /**
     * Electricity (Elec2): 45,312 half-hourly records of the New South Wales electricity market,
     * May 1996 to December 1998, 6 normalised features, label = the price went up (1) or down (0)
     * against the moving average of the last 24 hours. A real time-ordered stream with drift: read
     * in file order.
     */
    public static final DatasetSpec ELECTRICITY = new DatasetSpec(
            "electricity",
            DATASETS_RESOURCE + "electricity.csv",
            true, List.of(), "class", List.of(), List.of(), null,
            List.of("0", "1"), List.of("down", "up"),
            "M. Harries, Splice-2 comparative evaluation: Electricity pricing, technical report, University of "
                    + "New South Wales, 1999; normalised version distributed with MOA and OpenML (without date and "
                    + "day), freely redistributed for research");

    private static final List<DatasetSpec> BUILT_INS = List.of(BREAST_CANCER, SPAMBASE, SHUTTLE, ELECTRICITY);

    /**
     * @throws ConfigException naming the field, if a field is unusable
     */
    public DatasetSpec {
        ConfigException.require(location != null && !location.isBlank(), "source.csv.location", location,
                "a file path or classpath:/resource");
        if (name == null) {
            String file = location.substring(Math.max(location.lastIndexOf('/'), location.lastIndexOf('\\')) + 1);
            name = file.replaceFirst("\\.[^.]*$", "").replaceAll("[^A-Za-z0-9._-]", "-").toLowerCase(Locale.ROOT);
        }
        ConfigException.require(name.matches("[A-Za-z0-9._-]+"), "name", name,
                "a topic-safe name (letters, digits, '.', '_', '-')");
        ConfigException.require(labelColumn != null && !labelColumn.isBlank(), "source.csv.label-column", labelColumn,
                "a column name or 0-based index");
        columnNames = columnNames == null ? List.of() : List.copyOf(columnNames);
        ignoredColumns = ignoredColumns == null ? List.of() : List.copyOf(ignoredColumns);
        features = features == null ? List.of() : List.copyOf(features);
        classes = classes == null ? List.of() : List.copyOf(classes);
        classNames = classNames == null ? List.of() : List.copyOf(classNames);
        ConfigException.require(classes.isEmpty() || (classes.size() >= 2 && Set.copyOf(classes).size() == classes.size()),
                "source.csv.classes", classes, "two or more distinct label values (left out: the accepted rows' labels)");
        ConfigException.require(classNames.isEmpty() || (classNames.size() == classes.size()
                && Set.copyOf(classNames).size() == classNames.size()), "source.csv.class-names",
                classNames, "one distinct name per class in " + classes);
        attribution = attribution == null ? "" : attribution;
    }

    /**
     * @param name a built-in data set's name
     * @return its spec
     * @throws ConfigException listing the built-in names, if there is none of that name
     */
    public static DatasetSpec builtIn(String name) {
        return BUILT_INS.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow(() ->
                new ConfigException("source.dataset", name, "one of " + builtInNames()));
    }

    /** @return the names of the data sets shipped with Tributary */
    public static List<String> builtInNames() {
        return BUILT_INS.stream().map(DatasetSpec::name).toList();
    }

    /**
     * @param newName another name (topics are named after it)
     * @return this spec under that name
     */
    public DatasetSpec withName(String newName) {
        return new DatasetSpec(newName, location, hasHeader, columnNames, labelColumn, ignoredColumns, features,
                missingValueMarker, classes, classNames, attribution);
    }
}
