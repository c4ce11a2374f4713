/**
 * Rendering of results: today the plain-text comparison table that the CLI prints; figures,
 * the browsable report and the quality gate build on the same results model.
 */
package dev.tributary.reports;
