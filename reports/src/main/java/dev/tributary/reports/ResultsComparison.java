package dev.tributary.reports;

import dev.tributary.common.metrics.MetricId;
import dev.tributary.results.ExperimentResults;
import dev.tributary.results.PrequentialResult;
import dev.tributary.results.RunResult;
import dev.tributary.results.StrategyResult;
import dev.tributary.results.stats.Holm;
import dev.tributary.results.stats.McNemar;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Two results side by side (A, typically main, and B, a branch), per strategy and metric: each
 * one's mean over its repetitions, B − A with its 95 % interval, and a test of whether they
 * differ. Where the repetitions pair up (the same seeds in the same order) the test is paired,
 * Student's t on the per-seed differences; with several unpaired repetitions, Welch's t; with one
 * run each of the same events, McNemar's test on the events one predicted right and the other
 * wrong (accuracy only). B is <em>worse</em> on a metric when the difference is against the
 * metric's direction and significant at {@value #ALPHA} after Holm's correction over the gated
 * metrics' tests. Two suites are compared block by block (scenario and grid point), a block's
 * cells, one per seed, its repetitions. The distributions are Commons Math's.
 */
public final class ResultsComparison {

    /** The level of the verdicts. */
    public static final double ALPHA = 0.05;

    /**
     * One strategy's metric in A and B.
     *
     * @param block      the suite block (scenario and grid point) when suites are compared, else ""
     * @param strategy   the strategy
     * @param metric     the metric key
     * @param runsA      A's repetitions with the metric
     * @param runsB      B's
     * @param meanA      A's mean
     * @param meanB      B's mean
     * @param difference B − A
     * @param low        the 95 % interval of the difference (NaN where there is none)
     * @param high       its upper end
     * @param test       which test: "paired t", "Welch t", "McNemar", or "none"
     * @param pValue     its two-sided p-value (NaN without a test)
     * @param holm       Holm-adjusted over the gated rows (NaN for a row not gated)
     * @param worse      whether B is significantly worse on a gated metric
     */
    public record Row(String block, String strategy, String metric, int runsA, int runsB, double meanA, double meanB,
                      double difference, double low, double high, String test, double pValue, double holm,
                      boolean worse) {
    }

    private ResultsComparison() {
    }

    /**
     * @param a     the reference results
     * @param b     the results compared with them
     * @param gated the metrics on which a significant worsening counts (e.g. {@code accuracy})
     * @return a row per strategy in both × metric in both, gated metrics first
     */
    public static List<Row> compare(ExperimentResults a, ExperimentResults b, Set<String> gated) {
        return compareBlocks(java.util.Map.of("", a), java.util.Map.of("", b), gated);
    }

    /**
     * Two suites, block by block (a block's cells, one per seed, are its repetitions).
     *
     * @param a     the reference suite's blocks: block → its cells' runs as one result
     * @param b     the compared suite's
     * @param gated the metrics on which a significant worsening counts
     * @return a row per block in both × strategy × metric, gated metrics first; Holm over every gated row
     */
    public static List<Row> compareBlocks(java.util.Map<String, ExperimentResults> a,
                                          java.util.Map<String, ExperimentResults> b, Set<String> gated) {
        List<Row> rows = new ArrayList<>();
        for (var block : a.entrySet()) {
            if (b.containsKey(block.getKey())) {
                rows.addAll(rows(block.getKey(), block.getValue(), b.get(block.getKey())));
            }
        }
        return gate(rows, gated);
    }

    private static List<Row> rows(String block, ExperimentResults a, ExperimentResults b) {
        List<Row> rows = new ArrayList<>();
        for (StrategyResult first : a.strategies()) {
            String strategy = first.strategy();
            if (b.strategies().stream().noneMatch(s -> s.strategy().equals(strategy))) {
                continue;
            }
            Set<String> metrics = new TreeSet<>(first.metrics().keySet());
            metrics.retainAll(b.strategy(strategy).metrics().keySet());
            for (String metric : metrics) {
                rows.add(row(block, a, b, strategy, metric));
            }
        }
        return rows;
    }

    private static List<Row> gate(List<Row> rows, Set<String> gated) {
        rows.sort((x, y) -> Boolean.compare(gated.contains(y.metric()), gated.contains(x.metric())));
        List<Integer> gatedRows = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (gated.contains(rows.get(i).metric()) && !Double.isNaN(rows.get(i).pValue())) {
                gatedRows.add(i);
            }
        }
        double[] adjusted = Holm.adjust(gatedRows.stream().mapToDouble(i -> rows.get(i).pValue()).toArray());
        for (int k = 0; k < gatedRows.size(); k++) {
            Row r = rows.get(gatedRows.get(k));
            boolean against = direction(r.metric()).worsening(r.meanA(), r.meanB()) > 0;
            rows.set(gatedRows.get(k), new Row(r.block(), r.strategy(), r.metric(), r.runsA(), r.runsB(), r.meanA(), r.meanB(),
                    r.difference(), r.low(), r.high(), r.test(), r.pValue(), adjusted[k], against && adjusted[k] <= ALPHA));
        }
        return rows;
    }

    private static Row row(String block, ExperimentResults a, ExperimentResults b, String strategy, String metric) {
        List<Double> x = values(a, strategy, metric);
        List<Double> y = values(b, strategy, metric);
        SummaryStatistics sx = stats(x);
        SummaryStatistics sy = stats(y);
        double difference = sy.getMean() - sx.getMean();
        double low = Double.NaN;
        double high = Double.NaN;
        double p = Double.NaN;
        String test = "none";
        if (x.size() == y.size() && x.size() >= 2 && pairedSeeds(a, b)) {
            SummaryStatistics d = new SummaryStatistics();
            for (int i = 0; i < x.size(); i++) {
                d.addValue(y.get(i) - x.get(i));
            }
            double se = d.getStandardDeviation() / Math.sqrt(d.getN());
            double t = new TDistribution(null, d.getN() - 1).inverseCumulativeProbability(0.975);
            low = d.getMean() - t * se;
            high = d.getMean() + t * se;
            p = se == 0 ? (d.getMean() == 0 ? 1 : 0)
                    : 2 * (1 - new TDistribution(null, d.getN() - 1).cumulativeProbability(Math.abs(d.getMean() / se)));
            test = "paired t";
        } else if (x.size() >= 2 && y.size() >= 2) {
            double vx = sx.getVariance() / x.size();
            double vy = sy.getVariance() / y.size();
            double se = Math.sqrt(vx + vy);
            if (se == 0) {
                p = difference == 0 ? 1 : 0;
                low = difference;
                high = difference;
            } else {
                double df = (vx + vy) * (vx + vy) / (vx * vx / (x.size() - 1) + vy * vy / (y.size() - 1));
                TDistribution dist = new TDistribution(null, df);
                double t = dist.inverseCumulativeProbability(0.975);
                low = difference - t * se;
                high = difference + t * se;
                p = 2 * (1 - dist.cumulativeProbability(Math.abs(difference / se)));
            }
            test = "Welch t";
        } else if (x.size() == 1 && y.size() == 1 && metric.equals(MetricId.ACCURACY.key())) {
            long[] discordant = discordant(a.runs().get(0), b.runs().get(0), strategy);
            if (discordant != null) {
                p = McNemar.of(discordant[0], discordant[1]).pValue();
                test = "McNemar";
            }
        }
        return new Row(block, strategy, metric, x.size(), y.size(), sx.getMean(), sy.getMean(), difference, low, high, test, p,
                Double.NaN, false);
    }

    /** @return {A right and B wrong, B right and A wrong} on the same events, or null if not the same events */
    private static long[] discordant(RunResult a, RunResult b, String strategy) {
        PrequentialResult x = find(a, strategy) == null ? null : find(a, strategy).prequential();
        PrequentialResult y = find(b, strategy) == null ? null : find(b, strategy).prequential();
        if (x == null || y == null || a.seeds().master() != b.seeds().master()) {
            return null;
        }
        return McNemarTable.discordant(x, y);
    }

    private static boolean pairedSeeds(ExperimentResults a, ExperimentResults b) {
        if (a.runs().size() != b.runs().size()) {
            return false;
        }
        for (int i = 0; i < a.runs().size(); i++) {
            if (a.runs().get(i).seeds().master() != b.runs().get(i).seeds().master()) {
                return false;
            }
        }
        return true;
    }

    private static List<Double> values(ExperimentResults results, String strategy, String metric) {
        List<Double> values = new ArrayList<>();
        for (RunResult run : results.runs()) {
            StrategyResult s = find(run, strategy);
            Double v = s == null ? null : s.metrics().get(metric);
            if (v != null && !v.isNaN()) {
                values.add(v);
            }
        }
        return values;
    }

    private static StrategyResult find(RunResult run, String strategy) {
        return run.strategies().stream().filter(s -> s.strategy().equals(strategy)).findFirst().orElse(null);
    }

    private static SummaryStatistics stats(List<Double> values) {
        SummaryStatistics s = new SummaryStatistics();
        values.forEach(s::addValue);
        return s;
    }

    private static MetricId.Direction direction(String metric) {
        try {
            return MetricId.fromKey(metric).direction();
        } catch (IllegalArgumentException e) {
            return MetricId.Direction.HIGHER_IS_BETTER;
        }
    }

    /**
     * @param rows the comparison
     * @return it as a table, the header first
     */
    public static List<String[]> table(List<Row> rows) {
        List<String[]> table = new ArrayList<>();
        boolean blocks = rows.stream().anyMatch(r -> !r.block().isEmpty());
        table.add(blocks ? new String[] {"block", "strategy", "metric", "A", "B", "B − A", "95 % interval", "test", "p",
                "Holm p", "verdict"} : new String[] {"strategy", "metric", "A", "B", "B − A", "95 % interval", "test",
                "p", "Holm p", "verdict"});
        for (Row r : rows) {
            List<String> cells = new ArrayList<>(List.of(r.strategy(), r.metric(), n(r.meanA()) + " (" + r.runsA() + ")",
                    n(r.meanB()) + " (" + r.runsB() + ")", String.format(Locale.ROOT, "%+.4f", r.difference()),
                    Double.isNaN(r.low()) ? "-" : "[" + String.format(Locale.ROOT, "%+.4f", r.low()) + ", "
                            + String.format(Locale.ROOT, "%+.4f", r.high()) + "]", r.test(), p(r.pValue()), p(r.holm()),
                    r.worse() ? "B worse" : Double.isNaN(r.holm()) ? "" : "no worsening found"));
            if (blocks) {
                cells.add(0, r.block());
            }
            table.add(cells.toArray(new String[0]));
        }
        return table;
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String p(double p) {
        return McNemarTable.p(p);
    }
}
