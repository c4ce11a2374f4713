package dev.tributary.producer;

import java.io.Writer;
import java.util.Locale;

/** The file formats {@link EventExporter} writes, each read back by the source of the same name. */
public enum ExportFormat {
    /** A header of the feature names and {@code class}, then one line per event: features, class index. */
    CSV,
    /** Weka's and MOA's format: numeric features, a nominal class of the class names in index order. */
    ARFF;

    /** @return the lower-case name used in options */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return {@link #key()}, as options show and take it */
    @Override
    public String toString() {
        return key();
    }

    EventWriter writer(Writer out, boolean parts, String relation) {
        return this == CSV ? new CsvEventWriter(out, parts) : new ArffEventWriter(out, relation);
    }
}
