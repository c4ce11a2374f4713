package dev.tributary.reports.gate;

/**
 * How one gate fared.
 *
 * @param gate     the gate
 * @param value    the measured value (mean over repetitions), NaN if the results lack it
 * @param baseline the baseline value, NaN if none is recorded
 * @param passed   whether the gate held
 * @param reason   why it failed, or "ok"
 */
public record GateResult(Gate gate, double value, double baseline, boolean passed, String reason) {
}
