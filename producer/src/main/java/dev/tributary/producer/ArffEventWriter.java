package dev.tributary.producer;

import dev.tributary.common.TributaryException;
import dev.tributary.common.data.Example;
import dev.tributary.common.data.ExampleCodec;
import dev.tributary.common.data.Schema;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Set;

/**
 * Events as ARFF: a comment on what the file holds, every feature a numeric attribute, the class
 * a nominal attribute of the class names in class-index order (so that reading it back gives
 * each event its class index), then one row per event, its features written exactly as the
 * Kafka value writes them, and a comment before each part.
 */
final class ArffEventWriter implements EventWriter {

    private final Writer out;
    private final String relation;
    private List<String> classNames;

    /**
     * @param out      where the text goes
     * @param relation the relation's name
     */
    ArffEventWriter(Writer out, String relation) {
        this.out = out;
        this.relation = relation;
    }

    /** @throws TributaryException if two features have one name, which ARFF does not allow */
    @Override
    public void header(Schema schema, List<String> about) throws IOException {
        if (Set.copyOf(schema.featureNames()).size() != schema.numFeatures()) {
            throw new TributaryException("cannot write ARFF: two features have one name, which ARFF does not allow "
                    + "(--format csv can): " + schema.featureNames());
        }
        for (String line : about) {
            out.write("% " + line + "\n");
        }
        out.write("@relation " + ArffText.quote(relation) + "\n\n");
        for (String feature : schema.featureNames()) {
            out.write("@attribute " + ArffText.quote(feature) + " numeric\n");
        }
        classNames = schema.classNames().stream().map(ArffText::quote).toList();
        out.write("@attribute " + ArffText.quote(EventWriter.freeName("class", schema.featureNames())) + " {"
                + String.join(",", classNames) + "}\n\n@data\n");
    }

    @Override
    public void part(String name, long events) throws IOException {
        out.write("% " + name + ": " + events + " events\n");
    }

    @Override
    public void event(Example example) throws IOException {
        out.write(ExampleCodec.encodeFeatures(example.features()));
        out.write(',');
        out.write(classNames.get(example.label()));
        out.write('\n');
    }
}
