/**
 * Statistics over repeated runs of an experiment: {@link dev.tributary.results.stats.Summary}
 * condenses one metric's values across seeds into a mean, a sample standard deviation and a
 * 95% Student-t confidence interval for the mean, computed with
 * {@link dev.tributary.results.stats.StudentT}. Computing these here, once, keeps every
 * report's error bars on the same definition; rendering them is left to the reports module.
 */
package dev.tributary.results.stats;
