package dev.tributary.producer;

import dev.tributary.common.TributaryException;
import dev.tributary.common.data.MalformedRecordException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An ARFF file's header: {@code @relation}, then its {@code @attribute}s, up to {@code @data}.
 * Keywords and types are case-insensitive; blank lines and {@code %} comments may come anywhere.
 * A header that cannot be used is an error naming its line: there is no row to reject instead.
 *
 * @param location   where the file is, for errors
 * @param relation   the relation's name
 * @param attributes the attributes, in column order
 */
record ArffHeader(String location, String relation, List<Attribute> attributes) {

    /**
     * One attribute.
     *
     * @param name   its name
     * @param values a nominal attribute's values, in declared order; empty for a numeric one
     *               ({@code numeric}, {@code real}, {@code integer})
     * @param line   the line that declares it, for errors
     */
    record Attribute(String name, List<String> values, long line) {
        Attribute {
            values = List.copyOf(values);
        }

        /** @return whether it is nominal */
        boolean nominal() {
            return !values.isEmpty();
        }
    }

    ArffHeader {
        attributes = List.copyOf(attributes);
    }

    /**
     * @param reader   the file, at its first line; left at the line after {@code @data}
     * @param location where the file is, for errors
     * @return the header
     * @throws TributaryException naming the line, if the header is not one this reader takes
     */
    static ArffHeader read(LineReader reader, String location) throws IOException {
        String relation = null;
        List<Attribute> attributes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (LineReader.Line line; (line = reader.nextHeader()) != null; ) {
            String text = line.text().strip();
            if (text.isEmpty() || text.startsWith("%")) {
                continue;
            }
            long number = reader.lineNumber();
            try {
                ArffText.Word keyword = ArffText.word(text, 0);
                switch (keyword.text().toLowerCase(Locale.ROOT)) {
                    case "@relation" -> {
                        check(relation == null, "a second @relation");
                        ArffText.Word name = ArffText.word(text, keyword.end());
                        check(!name.text().isEmpty(), "@relation without a name");
                        relation = name.text();
                    }
                    case "@attribute" -> {
                        check(relation != null, "@attribute before @relation");
                        Attribute attribute = attribute(text, keyword.end(), number);
                        check(names.add(attribute.name()), "attribute '" + attribute.name() + "' is declared twice");
                        attributes.add(attribute);
                    }
                    case "@data" -> {
                        check(relation != null, "@data before @relation");
                        check(!attributes.isEmpty(), "no @attribute before @data");
                        return new ArffHeader(location, relation, attributes);
                    }
                    default -> throw new IllegalArgumentException("expected @relation, @attribute or @data, found '"
                            + MalformedRecordException.abbreviate(text) + "'");
                }
            } catch (IllegalArgumentException e) {
                throw error(location, number, e.getMessage());
            }
        }
        throw new TributaryException("ARFF " + location + ": the header has no @data line"
                + (relation == null ? " (nor @relation: is it an ARFF file?)" : ""));
    }

    /**
     * @param location where the file is
     * @param line     the line at fault
     * @param problem  what is wrong with it
     * @return the error of an unusable header
     */
    static TributaryException error(String location, long line, String problem) {
        return new TributaryException("ARFF header, " + location + ":" + line + ": " + problem);
    }

    private static Attribute attribute(String text, int from, long line) {
        ArffText.Word name = ArffText.word(text, from);
        check(!name.text().isEmpty(), "@attribute without a name");
        String type = text.substring(name.end()).strip();
        if (type.startsWith("{")) {
            int close = closingBrace(type);
            check(close > 0, "attribute '" + name.text() + "': the values' '{' is never closed");
            check(ArffText.restIsBlank(type, close + 1), "attribute '" + name.text() + "': text after its values' '}'");
            List<String> values = new ArrayList<>();
            for (ArffText.Value value : ArffText.values(type.substring(1, close), false)) {
                check(!value.text().isEmpty(), "attribute '" + name.text() + "': an empty nominal value");
                check(!values.contains(value.text()), "attribute '" + name.text() + "': value '" + value.text()
                        + "' is declared twice");
                values.add(value.text());
            }
            return new Attribute(name.text(), values, line);
        }
        ArffText.Word keyword = ArffText.word(type, 0);
        String kind = keyword.text().toLowerCase(Locale.ROOT);
        switch (kind) {
            case "numeric", "real", "integer" -> {
                check(ArffText.restIsBlank(type, keyword.end()), "attribute '" + name.text() + "': text after its type '"
                        + keyword.text() + "'");
                return new Attribute(name.text(), List.of(), line);
            }
            case "string", "date", "relational" -> throw new IllegalArgumentException("attribute '" + name.text()
                    + "': type " + kind + " is not supported (numeric, real, integer or {nominal values})");
            default -> throw new IllegalArgumentException("attribute '" + name.text() + "': unknown type '"
                    + MalformedRecordException.abbreviate(type) + "', expected numeric, real, integer or {nominal values}");
        }
    }

    /** @return the index of the first {@code }} after the leading {@code {}, quoted ones skipped; -1 if none */
    private static int closingBrace(String type) {
        char quote = 0;
        for (int i = 1; i < type.length(); i++) {
            char c = type.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '}') {
                return i;
            }
        }
        return -1;
    }

    private static void check(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }
}
