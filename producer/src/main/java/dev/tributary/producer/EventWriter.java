package dev.tributary.producer;

import dev.tributary.common.data.Example;
import dev.tributary.common.data.Schema;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/** Writes an event sequence in one file format: a header, then each part's events in order. */
interface EventWriter {

    /**
     * @param schema the events' schema
     * @param about  what the file holds, for a format with comments (ARFF); one line each
     */
    void header(Schema schema, List<String> about) throws IOException;

    /**
     * @param name   the part the next events belong to: {@code train} or {@code test} (holdout),
     *               {@code events} (prequential)
     * @param events how many events it holds
     */
    void part(String name, long events) throws IOException;

    /** @param example the next event */
    void event(Example example) throws IOException;

    /**
     * @param wanted a column's name
     * @param taken  the feature names
     * @return {@code wanted}, or it with underscores added until no feature has that name, so
     *         that the class column can be found by name when the file is read back
     */
    static String freeName(String wanted, List<String> taken) {
        Set<String> names = Set.copyOf(taken);
        String name = wanted;
        while (names.contains(name)) {
            name += "_";
        }
        return name;
    }
}
