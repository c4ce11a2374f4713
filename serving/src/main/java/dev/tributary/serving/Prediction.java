package dev.tributary.serving;

import dev.tributary.common.data.MalformedRecordException;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One scored event, as the predictions topic carries it: a CSV line
 * {@code predictedClass,probability,modelVersion,eventTimeMs,scoringTimeMs,eventPartition,eventOffset}.
 * The record key is the event's key (its class), so predictions can be scored against it; the
 * event's position and the model version are what its staleness is measured from (the model's
 * record on the models topic says which offsets it has learned). A line of the first five fields
 * alone (written before predictions carried the position) decodes with position -1.
 *
 * @param predictedClass the class with the highest probability
 * @param probability    that probability
 * @param modelVersion   the version of the model that scored it (0: no model yet)
 * @param eventTimeMs    the event's record timestamp, ms since the epoch
 * @param scoringTimeMs  when the prediction was made, ms since the epoch
 * @param eventPartition the event's partition of the events topic (-1: unknown)
 * @param eventOffset    the event's offset there (-1: unknown)
 */
public record Prediction(int predictedClass, double probability, long modelVersion, long eventTimeMs,
                         long scoringTimeMs, int eventPartition, long eventOffset) {

    /**
     * The probability is written with six decimals, as {@code %.6f} would write it (half-up
     * rounding). Not through {@code String.format}: it was a fifth of the scorer's thread time,
     * most of it looking up locale symbols, measured with JFR under {@code tributary bench}.
     *
     * @return the record value
     */
    public byte[] encode() {
        StringBuilder sb = new StringBuilder(48).append(predictedClass).append(',');
        appendSixDecimals(sb, probability);
        sb.append(',').append(modelVersion).append(',').append(eventTimeMs).append(',').append(scoringTimeMs)
                .append(',').append(eventPartition).append(',').append(eventOffset);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code %.6f} for a finite value whose magnitude is below 9e12. */
    static void appendSixDecimals(StringBuilder sb, double value) {
        if (!Double.isFinite(value) || Math.abs(value) >= 9e12) {
            sb.append(String.format(Locale.ROOT, "%.6f", value));
            return;
        }
        long micros = Math.round(Math.abs(value) * 1_000_000);
        if (value < 0 && micros != 0) {
            sb.append('-');
        }
        sb.append(micros / 1_000_000).append('.');
        String fraction = Long.toString(micros % 1_000_000);
        sb.append("000000", 0, 6 - fraction.length()).append(fraction);
    }

    /**
     * @param value a record value written by {@link #encode()}
     * @return the prediction
     * @throws MalformedRecordException if it is not one
     */
    public static Prediction decode(byte[] value) {
        String[] f = new String(value, StandardCharsets.UTF_8).split(",", -1);
        if (f.length != 7 && f.length != 5) {
            throw new MalformedRecordException(MalformedRecordException.Kind.WRONG_ARITY,
                    "expected 7 prediction fields, found " + f.length);
        }
        try {
            return new Prediction(Integer.parseInt(f[0]), Double.parseDouble(f[1]), Long.parseLong(f[2]),
                    Long.parseLong(f[3]), Long.parseLong(f[4]), f.length == 7 ? Integer.parseInt(f[5]) : -1,
                    f.length == 7 ? Long.parseLong(f[6]) : -1);
        } catch (NumberFormatException e) {
            throw new MalformedRecordException(MalformedRecordException.Kind.NOT_A_NUMBER, "prediction: " + e.getMessage());
        }
    }
}
