/**
 * Statistics over repeated runs and over many streams: {@link dev.tributary.results.stats.Summary}
 * condenses one metric's values across seeds into a mean, a sample standard deviation and a 95 %
 * Student-t confidence interval for the mean; {@link dev.tributary.results.stats.Friedman} (with
 * the Nemenyi critical difference), {@link dev.tributary.results.stats.WilcoxonSignedRank} and
 * {@link dev.tributary.results.stats.Holm} compare strategies across streams as Demšar (JMLR 7,
 * 2006) recommends, and {@link dev.tributary.results.stats.McNemar} two strategies on the same
 * events. The distributions are Commons Math's; the tests check them, and every statistic,
 * against published tables and worked examples. Computing these here, once, keeps every report's
 * figures on the same definitions; rendering them is left to the reports module.
 */
package dev.tributary.results.stats;
