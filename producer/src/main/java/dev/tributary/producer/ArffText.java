package dev.tributary.producer;

import java.util.ArrayList;
import java.util.List;

/**
 * The lexical rules of ARFF that reading and writing share, so that whatever the exporter writes
 * reads back as itself: a name or value is bare, or quoted in {@code '} or {@code "} with
 * {@code \} escaping the next character; values are separated by commas, with the blanks around
 * them ignored; {@code %} outside quotes (and outside a nominal type's braces) starts a comment
 * that runs to the end of the line; an unquoted {@code ?} is a missing value.
 */
final class ArffText {

    private ArffText() {
    }

    /**
     * One value of a list.
     *
     * @param text   the value, unquoted and unescaped
     * @param quoted whether it was quoted (a quoted {@code '?'} is the text {@code ?}, not a missing value)
     */
    record Value(String text, boolean quoted) {
        /** @return whether it is the missing value, an unquoted {@code ?} */
        boolean missing() {
            return !quoted && text.equals("?");
        }
    }

    /**
     * A name read from a line.
     *
     * @param text the name, unquoted and unescaped
     * @param end  the index just after it
     */
    record Word(String text, int end) {
    }

    /**
     * @param text     a comma-separated list: a data row, or what a nominal type's braces hold
     * @param comments whether a {@code %} outside quotes ends the list (a data row), or is text
     *                 (within braces, whose end is already known)
     * @return its values
     * @throws IllegalArgumentException if a quote is not closed on the line, or text follows a closing quote
     */
    static List<Value> values(String text, boolean comments) {
        List<Value> values = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (true) {
            i = skipBlanks(text, i);
            if (i < n && isQuote(text.charAt(i))) {
                Word word = quoted(text, i);
                values.add(new Value(word.text(), true));
                i = skipBlanks(text, word.end());
                if (i < n && text.charAt(i) != ',' && !(comments && text.charAt(i) == '%')) {
                    throw new IllegalArgumentException("text after a closing quote at character " + (i + 1));
                }
            } else {
                int start = i;
                while (i < n && text.charAt(i) != ',' && !(comments && text.charAt(i) == '%')) {
                    i++;
                }
                values.add(new Value(text.substring(start, i).strip(), false));
            }
            if (i < n && text.charAt(i) == ',') {
                i++;
            } else {
                return values;
            }
        }
    }

    /**
     * @param text a line
     * @param from where the name may start (blanks before it are skipped)
     * @return the name: quoted, or bare up to a blank, a {@code {} or a {@code %}; empty if there is none
     * @throws IllegalArgumentException if a quote is not closed on the line
     */
    static Word word(String text, int from) {
        int i = skipBlanks(text, from);
        if (i < text.length() && isQuote(text.charAt(i))) {
            return quoted(text, i);
        }
        int start = i;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '{'
                && text.charAt(i) != '%') {
            i++;
        }
        return new Word(text.substring(start, i), i);
    }

    /**
     * @param text a name or value
     * @return it as ARFF reads it back: bare when it can be, else in single quotes with {@code \}
     *         before each {@code '} and {@code \}
     */
    static String quote(String text) {
        boolean bare = !text.isEmpty() && !text.equals("?");
        for (int i = 0; i < text.length() && bare; i++) {
            char c = text.charAt(i);
            bare = c > ' ' && !Character.isWhitespace(c) && ",'\"%{}\\".indexOf(c) < 0;
        }
        if (bare) {
            return text;
        }
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('\'');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '\\') {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.append('\'').toString();
    }

    /**
     * @param text a line
     * @param from where a text after a value or type begins
     * @return whether nothing but blanks and a comment follows
     */
    static boolean restIsBlank(String text, int from) {
        int i = skipBlanks(text, from);
        return i == text.length() || text.charAt(i) == '%';
    }

    private static Word quoted(String text, int at) {
        char quote = text.charAt(at);
        StringBuilder value = new StringBuilder();
        for (int i = at + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                value.append(text.charAt(++i));
            } else if (c == quote) {
                return new Word(value.toString(), i + 1);
            } else {
                value.append(c);
            }
        }
        throw new IllegalArgumentException("a quote opened at character " + (at + 1) + " is not closed on its line");
    }

    private static boolean isQuote(char c) {
        return c == '\'' || c == '"';
    }

    private static int skipBlanks(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
