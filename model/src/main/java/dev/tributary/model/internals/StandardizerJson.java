package dev.tributary.model.internals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.tributary.common.TributaryException;
import dev.tributary.model.Standardizer;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a {@link Standardizer.State} ({@code {"count": n, "mean": [...], "m2": [...]}}, as
 * Jackson writes the record) from untrusted bytes, token by token: each array is allocated once,
 * at the width the model's metadata declares, and a value past that width is a rejection. A
 * data-binding read would first collect however many values the text holds, and a few hundred
 * kilobytes of zip can inflate to hundreds of millions of them.
 */
public final class StandardizerJson {

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(4).maxStringLength(1024).maxNumberLength(64).maxNameLength(64).build())
            .build();

    private StandardizerJson() {
    }

    /**
     * @param in    the entry's content, itself bounded in bytes
     * @param width the number of features: the length both arrays must have
     * @return the state, arrays of exactly {@code width} values
     * @throws TributaryException if the text is anything else
     * @throws IOException        if the zip is unreadable
     */
    public static Standardizer.State read(InputStream in, int width) throws IOException {
        Long count = null;
        double[] mean = null;
        double[] m2 = null;
        try (JsonParser parser = JSON.createParser(in)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT, "an object");
            for (JsonToken token; (token = parser.nextToken()) != JsonToken.END_OBJECT; ) {
                expect(token, JsonToken.FIELD_NAME, "a field");
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "count" -> {
                        expect(value, JsonToken.VALUE_NUMBER_INT, "an integer count");
                        count = once(count, field, parser.getLongValue());
                    }
                    case "mean" -> mean = once(mean, field, values(parser, value, field, width));
                    case "m2" -> m2 = once(m2, field, values(parser, value, field, width));
                    default -> throw reject("unknown field '" + (field.length() <= 40 ? field : field.substring(0, 40)) + "'");
                }
            }
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw reject("not JSON (" + e.getOriginalMessage() + ")");
        }
        if (count == null || mean == null || m2 == null) {
            throw reject("it needs count, mean and m2");
        }
        return new Standardizer.State(count, mean, m2);
    }

    private static double[] values(JsonParser parser, JsonToken start, String field, int width) throws IOException {
        expect(start, JsonToken.START_ARRAY, field + " as an array");
        double[] values = new double[width];
        int n = 0;
        for (JsonToken token; (token = parser.nextToken()) != JsonToken.END_ARRAY; ) {
            if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
                throw reject(field + " holds " + token + ", not a number");
            }
            if (n == width) {
                throw reject("standardizer has more than " + width + " features in " + field
                        + ", metadata says " + width);
            }
            values[n++] = parser.getDoubleValue();
        }
        if (n != width) {
            throw new TributaryException("model artifact: standardizer has " + n + " features, metadata says " + width);
        }
        return values;
    }

    private static <T> T once(T previous, String field, T value) {
        if (previous != null) {
            throw reject("field " + field + " appears twice");
        }
        return value;
    }

    private static void expect(JsonToken found, JsonToken wanted, String what) {
        if (found != wanted) {
            throw reject("expected " + what + ", found " + found);
        }
    }

    private static TributaryException reject(String why) {
        return new TributaryException("not a model artifact: standardizer.json: " + why);
    }
}
