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
