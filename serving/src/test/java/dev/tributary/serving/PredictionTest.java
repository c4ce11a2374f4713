package dev.tributary.serving;

import dev.tributary.common.data.MalformedRecordException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PredictionTest {

    @Test
    void encodesAsStringFormatWouldAndDecodesBack() {
        Random random = new Random(11);
        int differing = 0;
        double[] edges = {0, 1, 0.5, 1e-7, 4.9e-7, 5.1e-7, 0.9999994, 0.9999996, 0.123456, 0.1234565, 1.0 / 3, 2.0 / 3};
        for (int i = 0; i < 100_000 + edges.length; i++) {
            double p = i < edges.length ? edges[i] : random.nextDouble();
            Prediction prediction = new Prediction(i % 3, p, i, 1_700_000_000_000L + i, 1_700_000_000_500L + i, i % 2,
                    10L * i);
            String encoded = new String(prediction.encode(), StandardCharsets.UTF_8);
            String expected = String.format(Locale.ROOT, "%d,%.6f,%d,%d,%d,%d,%d", i % 3, p, (long) i,
                    1_700_000_000_000L + i, 1_700_000_000_500L + i, i % 2, 10L * i);
            if (!encoded.equals(expected)) {
                differing++;
                // Only a tie in the seventh decimal may round the other way (binary vs decimal halves).
                double written = Double.parseDouble(encoded.split(",")[1]);
                double formatted = Double.parseDouble(expected.split(",")[1]);
                assertTrue(Math.abs(written - formatted) <= 1.0000001e-6, encoded + " vs " + expected);
            }
            Prediction decoded = Prediction.decode(prediction.encode());
            assertEquals(prediction.predictedClass(), decoded.predictedClass());
            assertEquals(p, decoded.probability(), 5.0000001e-7);
            assertEquals(prediction.eventTimeMs(), decoded.eventTimeMs());
            assertEquals(prediction.eventPartition(), decoded.eventPartition());
            assertEquals(prediction.eventOffset(), decoded.eventOffset());
        }
        assertTrue(differing < 10, differing + " of 100,012 differ from %.6f");
    }

    @Test
    void aPredictionOfTheFiveFieldLayoutDecodesWithAnUnknownPosition() {
        Prediction old = Prediction.decode("1,0.875000,3,1700000000000,1700000000004".getBytes(StandardCharsets.UTF_8));
        assertEquals(new Prediction(1, 0.875, 3, 1_700_000_000_000L, 1_700_000_000_004L, -1, -1), old);
        assertThrows(MalformedRecordException.class, () -> Prediction.decode("1,0.5,3,4".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void negativeAndHugeValuesStillReadBack() {
        StringBuilder sb = new StringBuilder();
        Prediction.appendSixDecimals(sb, -0.25);
        assertEquals("-0.250000", sb.toString());
        sb.setLength(0);
        Prediction.appendSixDecimals(sb, -1e-9);
        assertEquals("0.000000", sb.toString(), "rounds to zero without a sign, unlike %.6f's -0.000000");
        sb.setLength(0);
        Prediction.appendSixDecimals(sb, 1e15);
        assertEquals(String.format(Locale.ROOT, "%.6f", 1e15), sb.toString());
    }
}
