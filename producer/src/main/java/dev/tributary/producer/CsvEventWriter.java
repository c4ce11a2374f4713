package dev.tributary.producer;

import dev.tributary.common.data.Example;
import dev.tributary.common.data.ExampleCodec;
import dev.tributary.common.data.Schema;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Events as CSV: a header of the feature names and {@code class}, then one line per event, its
 * features as the Kafka value writes them (exact: each double reads back bit for bit) and its
 * class index as the Kafka key does. With parts (holdout), a first column {@code split} says
 * {@code train} or {@code test}: read back with {@code --ignore-column split}.
 */
final class CsvEventWriter implements EventWriter {

    /** The first column's name when the file holds both parts. */
    static final String SPLIT_COLUMN = "split";

    private final Writer out;
    private final boolean parts;
    private String part;

    /**
     * @param out   where the text goes
     * @param parts whether to write the {@code split} column
     */
    CsvEventWriter(Writer out, boolean parts) {
        this.out = out;
        this.parts = parts;
    }

    @Override
    public void header(Schema schema, List<String> about) throws IOException {
        List<String> columns = new ArrayList<>();
        if (parts) {
            columns.add(SPLIT_COLUMN);
        }
        columns.addAll(schema.featureNames());
        columns.add(EventWriter.freeName("class", schema.featureNames()));
        out.write(String.join(",", columns.stream().map(CsvEventWriter::field).toList()));
        out.write('\n');
    }

    @Override
    public void part(String name, long events) {
        part = name;
    }

    @Override
    public void event(Example example) throws IOException {
        if (parts) {
            out.write(part);
            out.write(',');
        }
        out.write(ExampleCodec.encodeFeatures(example.features()));
        out.write(',');
        out.write(Integer.toString(example.label()));
        out.write('\n');
    }

    /** @return the text as one RFC 4180 field: quoted, quotes doubled, if it holds a delimiter or a quote */
    private static String field(String text) {
        boolean plain = text.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return plain ? text : "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
