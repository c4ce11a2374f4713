package dev.tributary.common.data;

import dev.tributary.common.data.MalformedRecordException.Kind;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExampleCodecTest {

    private final ExampleCodec codec = new ExampleCodec(3, 2);

    @Test
    void roundTripsExactly() {
        double[] features = {5, -0.1, 1e-7};
        assertEquals("5,-0.1,1.0E-7", ExampleCodec.encodeFeatures(features));
        Example decoded = codec.decode(ExampleCodec.encodeKey(1), ExampleCodec.encodeValue(features));
        assertEquals(new Example(features, 1), decoded);
    }

    @Test
    void everyFiniteValueReadsBackAsExactlyItself() {
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < 100_000; i++) {
            double v = switch (i % 3) {
                case 0 -> random.nextDouble() * 10;
                case 1 -> random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
                default -> Math.round(random.nextGaussian() * 1000) / 100.0;
            };
            // -v and rint(-v) are -0.0 when v is 0.0: the sign of zero must survive too.
            double[] features = {v, -v, Math.rint(-v)};
            assertEquals(new Example(features, 0),
                    codec.decode(ExampleCodec.encodeKey(0), ExampleCodec.encodeValue(features)), () -> String.valueOf(v));
        }
    }

    @Test
    void valuesReadAsTheJdkReadsThemBitForBit() {
        // The JDK's parser is the oracle: the fast one must agree on every value and refuse
        // nothing it accepts, whatever digits the text has (shortest, 17 significant, long).
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 100_000; i++) {
            double v = Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(v)) {
                continue;
            }
            for (String text : new String[] {Double.toString(v), String.format("%.17g", v),
                    String.format("%.25e", v), Long.toString(random.nextLong()) + "." + Math.abs(random.nextLong())}) {
                assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)),
                        Double.doubleToRawLongBits(ExampleCodec.parseDouble(text)), text);
            }
        }
        for (String text : new String[] {" 1.5 ", "1.5d", "1.5F", "0x1p3", "-0", "+1", ".5", "5.", "1E5", "4.9e-324",
                "2.4703282292062328e-324", "2.2250738585072011e-308", "1.7976931348623157e308", "1e400", "NaN",
                "-Infinity", "0000000000000000000001.00000000000000000000000000000000000000001"}) {
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)),
                    Double.doubleToRawLongBits(ExampleCodec.parseDouble(text)), text);
        }
        for (String text : new String[] {"", " ", "1e", "--1", "1,0", "0x", "x", "1.0.0", "+", "e5", ".", "1e+", "1 2",
                "0x1.8", "Inf", "nan", "1_000", "١"}) {
            assertThrows(NumberFormatException.class, () -> Double.parseDouble(text), text);
            assertThrows(NumberFormatException.class, () -> ExampleCodec.parseDouble(text), text);
        }
    }

    @Test
    void theWidestValuesAreWrittenWhole() {
        // The longest texts: 24 characters of shortest digits (sign, 17 digits, point, a
        // three-digit negative exponent) and the widest value written as a whole number.
        double[] widest = {-1.2345678901234568E-300, -Double.MAX_VALUE, Double.MIN_VALUE, -999_999_999_999_999.0,
                Double.NEGATIVE_INFINITY, -0.0};
        assertEquals("-1.2345678901234568E-300,-1.7976931348623157E308,4.9E-324,-999999999999999,-Infinity,-0",
                ExampleCodec.encodeFeatures(widest));
        double[] many = new double[50];
        java.util.Arrays.fill(many, -1.2345678901234568E-300);
        assertEquals(String.join(",", java.util.Collections.nCopies(50, "-1.2345678901234568E-300")),
                ExampleCodec.encodeFeatures(many));
    }

    @Test
    void negativeZeroKeepsItsSign() {
        assertEquals("-0,0,-0.5", ExampleCodec.encodeFeatures(new double[] {-0.0, 0.0, -0.5}));
        double[] decoded = codec.decodeFeatures("-0,0,-0.5");
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(decoded[0]));
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(decoded[1]));
    }

    @Test
    void rejectsWhatATrainerCannotUse() {
        assertKind(Kind.WRONG_ARITY, "1", "1,2");
        assertKind(Kind.WRONG_ARITY, "1", "1,2,3,4");
        assertKind(Kind.NOT_A_NUMBER, "1", "1,x,3");
        assertKind(Kind.NOT_A_NUMBER, "1", "1,NaN,3");
        assertKind(Kind.NOT_A_NUMBER, "1", "1,,3");
        assertKind(Kind.OUT_OF_RANGE, "1", "1,1.0000001e100,3");
        assertKind(Kind.OUT_OF_RANGE, "1", "1,-1.7e308,3");
        assertArrayEquals(new double[] {1, -1e100, 3}, codec.decodeFeatures("1,-1e100,3"), "the bound itself is accepted");
        assertKind(Kind.UNKNOWN_LABEL, "2", "1,2,3");
        assertKind(Kind.UNKNOWN_LABEL, "one", "1,2,3");
        assertThrows(MalformedRecordException.class, () -> codec.decode(null, "1,2,3".getBytes(StandardCharsets.UTF_8)));
        assertThrows(MalformedRecordException.class, () -> codec.decode("1".getBytes(StandardCharsets.UTF_8), null));
    }

    private void assertKind(Kind kind, String key, String value) {
        MalformedRecordException e = assertThrows(MalformedRecordException.class,
                () -> codec.decode(key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8)));
        assertEquals(kind, e.kind(), e.getMessage());
    }

    @Test
    void featuresParseInOrder() {
        assertArrayEquals(new double[] {1.5, -2, 3e3}, codec.decodeFeatures("1.5,-2,3e3"));
    }
}
