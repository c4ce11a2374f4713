/**
 * The identities of the quality metrics, with their direction (higher or lower is better): one
 * owner for every metric name that results, reports and the quality gate use. Computing them is
 * the evaluation module's.
 */
package dev.tributary.common.metrics;
