package dev.tributary.producer;

import dev.tributary.common.config.SplitConfig;
import dev.tributary.common.data.ExampleCodec;
import dev.tributary.common.data.MalformedRecordException.Kind;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A seeded CSV file of valid and bad rows that knows, by construction, what the producer must do
 * with each line: its columns are {@code f0,f1,f2,f3,label}, the classes {@code 0} and {@code 1},
 * the missing-value marker {@code ?}, under {@code missing-values=drop}.
 *
 * <p>The faults: lines truncated anywhere before their last delimiter (inside a quoted field
 * too), NaN and Infinity, numbers too large for a double (up to 100,000 digits) or too large to
 * learn from, wrong arity,
 * empty and missing values, labels that are not classes, bytes that are not UTF-8, stray
 * delimiters (doubled, a semicolon, a carriage return that splits a line in two) and stray quotes
 * (unclosed, in any column or opening the line, or followed by text). Blank lines are mixed in:
 * they are not rows.
 *
 * <p>With {@link ClassList#DERIVED} the file declares no classes: they must come from the accepted
 * rows. Every bad row then carries a label that no valid row has ({@code abc}, {@code 99},
 * {@code 0.0}, ...), which must not become a class, and the only bad labels are missing ones.
 */
final class BadCsv {

    static final String HEADER = "f0,f1,f2,f3,label";

    /** Whether the producer is told the classes, or must derive them from the accepted rows. */
    enum ClassList {
        /** {@code classes: [0, 1]}: any other label is unknown. */
        DECLARED,
        /** No classes given: a label is a class if an accepted row has it. */
        DERIVED
    }

    /**
     * What the producer must do with one line.
     *
     * @param bytes    the line as written, without its terminator
     * @param features the parsed features of a valid row, or {@code null}
     * @param label    the class index of a valid row, or -1
     * @param kind     why a bad row is rejected, or {@code null} for a valid row or a blank line
     * @param reason   the start of the reason a bad row must be given, or {@code null}
     */
    record Line(byte[] bytes, double[] features, int label, Kind kind, String reason) {
        boolean valid() {
            return features != null;
        }

        boolean blank() {
            return features == null && kind == null;
        }

        /** @return what the dead-letter topic must hold of it: the line, or the start of one too long */
        byte[] deadLettered() {
            return kind == Kind.TOO_LONG ? Arrays.copyOf(bytes, LineReader.PREVIEW_BYTES) : bytes;
        }
    }

    /**
     * The file's content and its lines' verdicts.
     *
     * @param content the whole file, header and terminators included
     * @param lines   every line after the header, in order (line i is line i + 2 of the file)
     */
    record File(byte[] content, List<Line> lines) {
    }

    private static final List<String> NOT_NUMBERS = List.of("NaN", "Infinity", "-Infinity", "+Infinity", "1e400",
            "-1e999", "9".repeat(400), "abc", "1.2.3", "--1", "1 2", "0x10", "1\u00072", "12\"5", "\u00e9");
    /** Finite, but beyond {@link ExampleCodec#MAX_MAGNITUDE}. */
    private static final List<String> HUGE = List.of("1e101", "-1.7976931348623157E308", "1" + "0".repeat(250),
            "-2.5e200");
    private static final List<String> BAD_LABELS = List.of("2", "-1", "", "x", "0.0", "01", "1.", "\"\"", "yes");
    /** Labels of bad rows when the classes are derived: none may become a class. */
    private static final List<String> ROGUE_LABELS = List.of("abc", "99", "2", "-1", "0.0", "01", "1.", "yes");
    /** With derived classes only a missing label is a bad one. */
    private static final List<String> MISSING_LABELS = List.of("", "?", "\"\"");

    private final Random random;
    private final ClassList classes;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<Line> lines = new ArrayList<>();

    private BadCsv(long seed, ClassList classes) {
        this.random = new Random(seed);
        this.classes = classes;
    }

    /**
     * @param rows     how many rows (blank lines come on top)
     * @param badShare the probability of each row being bad
     * @param seed     the seed
     * @param classes  whether the classes are declared or derived
     * @return the file
     */
    static File generate(int rows, double badShare, long seed, ClassList classes) {
        BadCsv csv = new BadCsv(seed, classes);
        csv.out.writeBytes((HEADER + "\n").getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < rows; i++) {
            if (csv.random.nextInt(50) == 0) {
                csv.emit(new Line(ascii(csv.random.nextBoolean() ? "" : "  \t "), null, -1, null, null));
            }
            if (i == rows / 2) {
                // Over Kafka's max.request.size: it could not be dead-lettered whole.
                csv.reject("1,2," + "3".repeat(2_000_000) + ",4,0", Kind.TOO_LONG, "a line of 2000008 bytes");
            } else if (csv.random.nextDouble() < badShare) {
                csv.bad();
            } else {
                Row row = csv.row();
                csv.emit(new Line(ascii(row.text()), row.values(), row.label(), null, null));
            }
        }
        return new File(csv.out.toByteArray(), List.copyOf(csv.lines));
    }

    /** A valid row: its text (tokens in assorted valid spellings) and what it parses to. */
    private record Row(List<String> tokens, double[] values, int label) {
        String text() {
            return String.join(",", tokens);
        }
    }

    private Row row() {
        double[] values = new double[4];
        List<String> tokens = new ArrayList<>();
        for (int j = 0; j < 4; j++) {
            values[j] = switch (random.nextInt(3)) {
                case 0 -> random.nextInt(2_000) - 1_000;
                case 1 -> Math.round(random.nextGaussian() * 1e6) / 1e3;
                default -> random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
            };
            String number = values[j] == Math.rint(values[j]) && Math.abs(values[j]) < 1e15 && random.nextBoolean()
                    ? Long.toString((long) values[j]) : Double.toString(values[j]);
            tokens.add(switch (random.nextInt(4)) {
                case 0 -> " " + number + "  ";
                case 1 -> "\"" + number + "\"";
                default -> number;
            });
        }
        int label = random.nextInt(2);
        tokens.add(random.nextInt(5) == 0 ? "\"" + label + "\"" : Integer.toString(label));
        return new Row(tokens, values, label);
    }

    private void bad() {
        Row row = row();
        boolean derived = classes == ClassList.DERIVED;
        if (derived) {
            List<String> rogue = new ArrayList<>(row.tokens());
            rogue.set(4, ROGUE_LABELS.get(random.nextInt(ROGUE_LABELS.size())));
            row = new Row(rogue, row.values(), -1);
        }
        List<String> tokens = new ArrayList<>(row.tokens());
        int column = random.nextInt(4);
        switch (random.nextInt(10)) {
            case 0 -> {
                tokens.set(column, NOT_NUMBERS.get(random.nextInt(NOT_NUMBERS.size())));
                reject(String.join(",", tokens), Kind.NOT_A_NUMBER, "column 'f" + column + "': '");
            }
            case 1 -> {
                if (random.nextBoolean()) {
                    // Too large for a double however it is written: up to 100,000 digits.
                    tokens.set(column, "9".repeat(309 + random.nextInt(random.nextInt(10) == 0 ? 100_000 : 1_000)));
                    String text = String.join(",", tokens);
                    if (text.length() > SplitConfig.DEFAULT_MAX_LINE_BYTES) {
                        reject(text, Kind.TOO_LONG, "a line of " + text.length() + " bytes");
                    } else {
                        reject(text, Kind.NOT_A_NUMBER, "column 'f" + column + "': '999");
                    }
                } else {
                    tokens.set(column, HUGE.get(random.nextInt(HUGE.size())));
                    reject(String.join(",", tokens), Kind.OUT_OF_RANGE, "column 'f" + column + "': '");
                }
            }
            case 2 -> {
                int missing = 1 + random.nextInt(2);
                for (int m = 0; m < missing; m++) {
                    tokens.set((column + m) % 4, random.nextBoolean() ? "" : "?");
                }
                reject(String.join(",", tokens), Kind.MISSING_VALUE, missing + " missing value(s)");
            }
            case 3 -> {
                List<String> labels = derived ? MISSING_LABELS : BAD_LABELS;
                tokens.set(4, labels.get(random.nextInt(labels.size())));
                reject(String.join(",", tokens), Kind.UNKNOWN_LABEL, "column 'label': unknown label");
            }
            case 4 -> truncated(row);
            case 5 -> {
                // Stray delimiters: doubled, trailing, or a semicolon for a comma.
                int variant = random.nextInt(3);
                String text = variant == 0 ? String.join(",", tokens.subList(0, column + 1)) + ",,"
                        + String.join(",", tokens.subList(column + 1, 5))
                        : variant == 1 ? row.text() + "," : unquoted(tokens.get(0)) + ";" + unquoted(tokens.get(1)) + ","
                        + String.join(",", tokens.subList(2, 5));
                int found = variant == 2 ? 4 : 6;
                reject(text, Kind.WRONG_ARITY, "expected 5 columns, found " + found);
            }
            case 6 -> {
                int extra = random.nextBoolean() ? -1 - random.nextInt(3) : 1 + random.nextInt(3);
                List<String> changed = new ArrayList<>(tokens.subList(0, Math.min(5, 5 + extra)));
                for (int e = 0; e < extra; e++) {
                    changed.add(Integer.toString(random.nextInt(9)));
                }
                reject(String.join(",", changed), Kind.WRONG_ARITY, "expected 5 columns, found " + changed.size());
            }
            case 7 -> {
                // Stray quotes in any column, the label's too: one never closed, or text after a
                // closing one; or a quote opening the line that nothing closes.
                int at = random.nextInt(5);
                String value = tokens.get(at).trim().replace("\"", "");
                tokens.set(at, random.nextBoolean() ? "\"" + value : "\"" + value + "\"x");
                String text = String.join(",", tokens);
                reject(random.nextInt(4) == 0 ? "\"" + row.text().replace("\"", "") : text, Kind.MALFORMED, "malformed CSV");
            }
            case 8 -> {
                // A stray carriage return ends the line early: two short lines, each rejected.
                String first = String.join(",", tokens.subList(0, 2));
                String second = String.join(",", tokens.subList(2, 5));
                out.writeBytes(ascii(first));
                out.write('\r');
                lines.add(new Line(ascii(first), null, -1, Kind.WRONG_ARITY, "expected 5 columns, found 2"));
                reject(second, Kind.WRONG_ARITY, "expected 5 columns, found 3");
            }
            default -> {
                // Bytes that are not UTF-8, in a feature or in the label.
                byte[][] invalid = {{(byte) 0xff}, {(byte) 0xc3}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xfe, (byte) 0xfe}};
                byte[] junk = invalid[random.nextInt(invalid.length)];
                // Derived classes would take a label with a U+FFFD in it for a class of its own.
                boolean inLabel = !derived && random.nextInt(4) == 0;
                int at = inLabel ? 4 : column;
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                for (int t = 0; t < 5; t++) {
                    if (t > 0) {
                        line.write(',');
                    }
                    line.writeBytes(ascii(t == at ? tokens.get(t).trim().replace("\"", "") : tokens.get(t)));
                    if (t == at) {
                        line.writeBytes(junk);
                    }
                }
                rejectBytes(line.toByteArray(), inLabel ? Kind.UNKNOWN_LABEL : Kind.NOT_A_NUMBER,
                        inLabel ? "column 'label': unknown label" : "column 'f" + column + "': '");
            }
        }
    }

    /** Cut before the last delimiter: too few columns, unless the cut falls inside quotes. */
    private void truncated(Row row) {
        String text = row.text();
        int lastComma = text.lastIndexOf(',');
        String prefix;
        do {
            prefix = text.substring(0, 1 + random.nextInt(lastComma));
        } while (prefix.isBlank());
        boolean inQuotes = prefix.chars().filter(c -> c == '"').count() % 2 == 1;
        int columns = (int) prefix.chars().filter(c -> c == ',').count() + 1;
        if (inQuotes) {
            reject(prefix, Kind.MALFORMED, "malformed CSV");
        } else {
            reject(prefix, Kind.WRONG_ARITY, "expected 5 columns, found " + columns);
        }
    }

    private void reject(String text, Kind kind, String reason) {
        rejectBytes(text.getBytes(StandardCharsets.UTF_8), kind, reason);
    }

    private void rejectBytes(byte[] bytes, Kind kind, String reason) {
        emit(new Line(bytes, null, -1, kind, reason));
    }

    private void emit(Line line) {
        lines.add(line);
        out.writeBytes(line.bytes());
        out.writeBytes(random.nextInt(4) == 0 ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
    }

    /** @return the key and value the producer must write for a valid row */
    static String encoded(Line line) {
        return line.label() + "|" + ExampleCodec.encodeFeatures(line.features());
    }

    /** A quoted field followed by a semicolon is malformed CSV, not a short row: keep that case apart. */
    private static String unquoted(String token) {
        return token.replace("\"", "");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
