/**
 * The quality gate: checked-in minimums and allowed drops against a checked-in baseline, per
 * scenario, protocol, strategy and metric. {@code mvn verify} fails when a gate is missed, with
 * a table of what regressed; the baseline is rewritten only on purpose
 * ({@code tributary gate --update-baseline}).
 */
package dev.tributary.reports.gate;
