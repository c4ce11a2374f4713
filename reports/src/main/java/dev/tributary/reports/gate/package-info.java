/**
 * The quality gate: checked-in bounds (a floor, {@code min}, for a higher-is-better metric; a
 * ceiling, {@code max}, for a lower-is-better one, as {@code MetricId.direction()} says) and
 * allowed worsenings against a checked-in baseline, per scenario, protocol, strategy and metric. {@code mvn verify} fails when a gate is missed, with
 * a table of what regressed; the baseline is rewritten only on purpose
 * ({@code tributary gate --update-baseline}).
 */
package dev.tributary.reports.gate;
