/**
 * Rendering of results: the text table the CLI prints ({@link dev.tributary.reports.ResultsTable}),
 * the browsable report ({@link dev.tributary.reports.ReportWriter}: index.html with every figure
 * and table, and summary.md for pull-request comments), the figures themselves
 * ({@code figures}), and the quality gate CI runs ({@code gate}). Everything here reads the
 * results model; nothing re-runs an experiment.
 */
package dev.tributary.reports;
