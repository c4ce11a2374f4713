package dev.tributary.common.data;

import com.fasterxml.jackson.core.io.NumberInput;
import com.fasterxml.jackson.core.io.NumberOutput;

import java.nio.charset.StandardCharsets;

/**
 * The Kafka wire format of an {@link Example}: key = the class index as decimal text,
 * value = the feature values as one comma-separated line (integral values without a
 * fraction, others in their shortest round-trip form, so that decoding gives back every value
 * bit for bit, the sign of zero included).
 *
 * <p>When labels come late ({@code labels} in a scenario), an event's key is instead its id (its
 * position in the stream, as decimal text) and its label travels alone on the labels topic: key =
 * the event's id, value = the class index ({@link #encodeEventId}, {@link #decodeEventId},
 * {@link #decodeLabel}).
 *
 * <p>Decoding validates everything a trainer relies on: the arity, that every value is a
 * finite number no larger in magnitude than {@link #MAX_MAGNITUDE}, and that the label is a known
 * class index. It never returns a partial example.
 */
public final class ExampleCodec {

    /**
     * The largest magnitude a feature may have. A larger finite value (up to 1.8e308) would
     * overflow the squares in the running variance of the standardisation: two such values of
     * opposite signs turn a feature's mean into NaN, and so every prediction of the model that
     * learned from them. Squares of values up to 1e100 cannot overflow, however many are summed.
     */
    public static final double MAX_MAGNITUDE = 1e100;

    private static final long NEGATIVE_ZERO_BITS = Double.doubleToRawLongBits(-0.0);

    private final int numFeatures;
    private final int numClasses;

    /**
     * @param numFeatures the number of features every value must hold
     * @param numClasses  labels must lie in {@code [0, numClasses)}
     */
    public ExampleCodec(int numFeatures, int numClasses) {
        this.numFeatures = numFeatures;
        this.numClasses = numClasses;
    }

    /**
     * @param schema the schema whose arity and classes records must match
     * @return a codec for that schema
     */
    public static ExampleCodec forSchema(Schema schema) {
        return new ExampleCodec(schema.numFeatures(), schema.numClasses());
    }

    /** @return the key bytes: the label as decimal text */
    public static byte[] encodeKey(int label) {
        return Integer.toString(label).getBytes(StandardCharsets.UTF_8);
    }

    /** @return an unlabelled event's key, or its label's: the event's id as decimal text */
    public static byte[] encodeEventId(long id) {
        return Long.toString(id).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param key an unlabelled event's key, or its label's
     * @return the event's id
     * @throws MalformedRecordException if it is missing or not a non-negative integer
     */
    public static long decodeEventId(byte[] key) {
        if (key == null) {
            throw new MalformedRecordException(MalformedRecordException.Kind.MALFORMED, "missing key: the key must be the event's id");
        }
        String text = new String(key, StandardCharsets.UTF_8);
        try {
            long id = Long.parseLong(text.trim());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new MalformedRecordException(MalformedRecordException.Kind.MALFORMED, "key '" + MalformedRecordException.abbreviate(text)
                + "' is not an event id");
    }

    /**
     * @param value a label record's value
     * @return the class it names
     * @throws MalformedRecordException if it is missing or not a class index of this schema
     */
    public int decodeLabel(byte[] value) {
        if (value == null) {
            throw new MalformedRecordException(MalformedRecordException.Kind.MALFORMED, "missing value: a label's value must be the class index");
        }
        return decodeLabel(new String(value, StandardCharsets.UTF_8));
    }

    /** @return the value bytes: the features as one CSV line */
    public static byte[] encodeValue(double[] features) {
        return encodeFeatures(features).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param features the values to write
     * @return the features as one CSV line
     */
    public static String encodeFeatures(double[] features) {
        StringBuilder sb = new StringBuilder(features.length * 20);
        for (int i = 0; i < features.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            double v = features[i];
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                if (Double.doubleToRawLongBits(v) == NEGATIVE_ZERO_BITS) {
                    // (long) -0.0 is 0, which would read back as +0.0: keep the sign, so every value is exact.
                    sb.append('-');
                }
                sb.append((long) v);
            } else {
                // The shortest digits that read back as exactly v (Schubfach, as Jackson writes
                // JSON numbers). JDK 17's Double.toString was half of the producer's time: 645 ns
                // per three-feature row against 299 here (README, "Performance").
                sb.append(NumberOutput.toString(v, true));
            }
        }
        return sb.toString();
    }

    /**
     * @param key   the record key (the label)
     * @param value the record value (the features)
     * @return the decoded example
     * @throws MalformedRecordException naming what is wrong, if the record is not a valid example
     */
    public Example decode(byte[] key, byte[] value) {
        if (key == null) {
            throw new MalformedRecordException(MalformedRecordException.Kind.MALFORMED, "missing key: the key must be the class index");
        }
        if (value == null) {
            throw new MalformedRecordException(MalformedRecordException.Kind.MALFORMED, "missing value: the value must be " + numFeatures + " comma-separated features");
        }
        int label = decodeLabel(new String(key, StandardCharsets.UTF_8));
        return new Example(decodeFeatures(new String(value, StandardCharsets.UTF_8)), label);
    }

    /**
     * @param key a record key: an event's, or its prediction's, which repeats it
     * @return the class it names
     * @throws MalformedRecordException if it is missing or not a class index of this schema
     */
    public int decodeKey(byte[] key) {
        if (key == null) {
            throw new MalformedRecordException(MalformedRecordException.Kind.MALFORMED, "missing key: the key must be the class index");
        }
        return decodeLabel(new String(key, StandardCharsets.UTF_8));
    }

    private int decodeLabel(String text) {
        int label;
        try {
            label = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new MalformedRecordException(MalformedRecordException.Kind.UNKNOWN_LABEL, "key '" + MalformedRecordException.abbreviate(text) + "' is not a class index");
        }
        if (label < 0 || label >= numClasses) {
            throw new MalformedRecordException(MalformedRecordException.Kind.UNKNOWN_LABEL, "key " + label + " is not a class index in [0, " + numClasses + ")");
        }
        return label;
    }

    /**
     * @param line the features as one CSV line
     * @return the parsed values
     * @throws MalformedRecordException if the arity is wrong or a value is not a finite number
     */
    public double[] decodeFeatures(String line) {
        double[] features = new double[numFeatures];
        int field = 0;
        int start = 0;
        int length = line.length();
        for (int i = 0; i <= length; i++) {
            if (i == length || line.charAt(i) == ',') {
                if (field >= numFeatures) {
                    throw arity(line);
                }
                features[field] = parseFeature(line.substring(start, i), field);
                field++;
                start = i + 1;
            }
        }
        if (field != numFeatures) {
            throw arity(line);
        }
        return features;
    }

    private MalformedRecordException arity(String line) {
        int fields = line.isEmpty() ? 0 : line.split(",", -1).length;
        return new MalformedRecordException(MalformedRecordException.Kind.WRONG_ARITY, "expected " + numFeatures + " features, found " + fields);
    }

    /**
     * Reads a value as {@link Double#parseDouble} does, bit for bit, about 7 times faster: Jackson's
     * copy of FastDoubleParser (measured 545 against 76 ns per shortest-digits value; the JDK takes
     * a big-integer path for 16- and 17-digit values, 17 % of the scorer's thread under a backlog,
     * JFR). Text it refuses goes to the JDK, so that what is accepted stays exactly what the JDK
     * accepts; {@code ExampleCodecTest} checks both against the JDK.
     */
    static double parseDouble(String text) {
        try {
            return NumberInput.parseDouble(text, true);
        } catch (NumberFormatException e) {
            return Double.parseDouble(text);
        }
    }

    private static double parseFeature(String text, int index) {
        double v;
        try {
            v = parseDouble(text);
        } catch (NumberFormatException e) {
            throw new MalformedRecordException(MalformedRecordException.Kind.NOT_A_NUMBER, "feature " + index + ": '" + MalformedRecordException.abbreviate(text) + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new MalformedRecordException(MalformedRecordException.Kind.NOT_A_NUMBER, "feature " + index + ": '" + MalformedRecordException.abbreviate(text) + "' is not a finite number");
        }
        if (Math.abs(v) > MAX_MAGNITUDE) {
            throw new MalformedRecordException(MalformedRecordException.Kind.OUT_OF_RANGE, "feature " + index + ": '"
                    + MalformedRecordException.abbreviate(text) + "' is larger in magnitude than " + MAX_MAGNITUDE);
        }
        return v;
    }
}
