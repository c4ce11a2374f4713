package dev.tributary.reports;

import dev.tributary.results.ExperimentResults;
import dev.tributary.results.PrequentialResult;
import dev.tributary.results.RunResult;
import dev.tributary.results.StrategyResult;
import dev.tributary.results.stats.Holm;
import dev.tributary.results.stats.McNemar;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * McNemar's test between every two strategies of a prequential run, on the same events: from
 * each strategy's record of which scored events it predicted right, the events one got right and
 * the other wrong, pooled over the repetitions (each its own stream), with Holm's correction over
 * the pairs. A difference in accuracy that the test does not find significant is within what
 * chance on these events gives.
 */
public final class McNemarTable {

    /** The level the verdict column is at. */
    static final double ALPHA = 0.05;

    /** What the section's figures are, before its table. */
    static final String TEXT = "McNemar's test between every two strategies on the same scored events: b events "
            + "the first predicted right and the second wrong, c the other way round; the p-value is exact (binomial) "
            + "up to 1,000 discordant events, else from the continuity-corrected chi-square, and Holm's correction "
            + "over the pairs controls the chance of any false verdict at " + ALPHA + ". Pooled over the repetitions.";

    private McNemarTable() {
    }

    /**
     * @param results a run
     * @return whether two or more strategies have their per-event correctness (prequential runs)
     */
    public static boolean any(ExperimentResults results) {
        return !results.runs().isEmpty() && results.runs().get(0).strategies().stream()
                .filter(s -> s.prequential() != null && s.prequential().correct() != null).count() >= 2;
    }

    /**
     * @param results a run with per-event correctness ({@link #any})
     * @return the table, the header first, one row per pair of strategies
     */
    public static List<String[]> rows(ExperimentResults results) {
        List<String> names = results.runs().get(0).strategies().stream()
                .filter(s -> s.prequential() != null && s.prequential().correct() != null)
                .map(StrategyResult::strategy).toList();
        List<McNemar> tests = new ArrayList<>();
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                long[] discordant = discordant(results, names.get(i), names.get(j));
                if (discordant != null) {
                    tests.add(McNemar.of(discordant[0], discordant[1]));
                    pairs.add(new String[] {names.get(i), names.get(j)});
                }
            }
        }
        double[] adjusted = Holm.adjust(tests.stream().mapToDouble(McNemar::pValue).toArray());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"first", "second", "first right, second wrong", "second right, first wrong", "p",
                "Holm p", "at " + ALPHA});
        for (int k = 0; k < tests.size(); k++) {
            McNemar t = tests.get(k);
            String verdict = adjusted[k] > ALPHA ? "no difference found"
                    : (t.firstOnly() > t.secondOnly() ? pairs.get(k)[0] : pairs.get(k)[1]) + " better";
            rows.add(new String[] {pairs.get(k)[0], pairs.get(k)[1], Long.toString(t.firstOnly()),
                    Long.toString(t.secondOnly()), p(t.pValue()), p(adjusted[k]), verdict});
        }
        return rows;
    }

    /** @return {b, c} pooled over the runs, or {@code null} where a run lacks the pair or scored other events */
    static long[] discordant(ExperimentResults results, String first, String second) {
        long b = 0;
        long c = 0;
        for (RunResult run : results.runs()) {
            PrequentialResult x = prequential(run, first);
            PrequentialResult y = prequential(run, second);
            long[] d = x == null || y == null ? null : discordant(x, y);
            if (d == null) {
                return null;
            }
            b += d[0];
            c += d[1];
        }
        return new long[] {b, c};
    }

    /**
     * @return {events x got right and y wrong, the other way round}, or {@code null} unless both
     *     kept their per-event correctness over the same number of scored events
     */
    static long[] discordant(PrequentialResult x, PrequentialResult y) {
        if (x.correctness() == null || y.correctness() == null || x.events() != y.events()) {
            return null;
        }
        BitSet onlyFirst = x.correctness();
        onlyFirst.andNot(y.correctness());
        BitSet onlySecond = y.correctness();
        onlySecond.andNot(x.correctness());
        return new long[] {onlyFirst.cardinality(), onlySecond.cardinality()};
    }

    private static PrequentialResult prequential(RunResult run, String strategy) {
        return run.strategies().stream().filter(s -> s.strategy().equals(strategy)).findFirst()
                .map(StrategyResult::prequential).orElse(null);
    }

    /** @return a p-value as the reports print it: four decimals, "&lt; 0.0001" below, "-" for none (NaN) */
    static String p(double p) {
        return Double.isNaN(p) ? "-" : p < 1e-4 ? "< 0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }
}
