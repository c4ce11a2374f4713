package dev.tributary.producer;

import dev.tributary.common.data.MalformedRecordException;
import dev.tributary.common.data.Schema;

import java.util.List;

/**
 * What a data-set file's header says (its features and any declared classes), and how each of
 * its data lines becomes a row: the part of reading a data set that depends on its format.
 */
interface RowParser {

    /** @return the feature names, in the order of {@link ParsedRow#features()} */
    List<String> featureNames();

    /** @return the classes the scenario or the header declares, in class-index order; empty: derived from the accepted rows */
    List<String> declaredClasses();

    /**
     * @param classes the classes, in class-index order
     * @return their display names
     */
    List<String> classNames(List<String> classes);

    /**
     * @param classes the classes, in class-index order
     * @return the schema of the rows' examples
     */
    default Schema schema(List<String> classes) {
        return new Schema(featureNames(), classNames(classes));
    }

    /** @return the scenario key of the label column, for errors about the classes */
    String labelKey();

    /** @return the label column's name */
    String labelName();

    /**
     * @param line a line after the header
     * @return whether it is a row (not blank, not a comment)
     */
    boolean isRow(String line);

    /**
     * @param line a row's line, as read
     * @return the parsed row, with its raw label (one of the declared classes, if any)
     * @throws MalformedRecordException naming the column and value, if the row cannot be used
     */
    ParsedRow parse(String line);
}
