package dev.tributary.reports;

import dev.tributary.results.HeadlineRatio;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The headline-ratio table of {@code tributary bench}: per ratio, the medians of both sides,
 * the median ratio with its distribution-free interval and every repetition's ratio beside it,
 * and the goal.
 */
public final class HeadlineTable {

    private HeadlineTable() {
    }

    /**
     * @param ratios the measured ratios
     * @return the table as rows of cells, the header first
     */
    public static List<String[]> rows(List<HeadlineRatio> ratios) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ratio", "numerator (median)", "denominator (median)", "ratio (median)",
                "median's interval (coverage)", "per repetition", "goal", "met"});
        for (HeadlineRatio r : ratios) {
            rows.add(new String[] {r.id(), r.numerator() + ": " + number(r.medianNumerator()),
                    r.denominator() + ": " + number(r.medianDenominator()), f("%.3f", r.medianRatio()),
                    interval(r), r.ratios().stream().map(x -> f("%.3f", x)).collect(Collectors.joining(" ")),
                    goal(r), met(r)});
        }
        return rows;
    }

    /**
     * @param ratios the measured ratios
     * @return the table as aligned text, one ratio per block of lines
     */
    public static String render(List<HeadlineRatio> ratios) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-18s %8s  %-10s %-4s %s%n", "ratio", "median", "goal", "met",
                "per repetition"));
        for (HeadlineRatio r : ratios) {
            out.append(String.format(Locale.ROOT, "%-18s %8.3f  %-10s %-4s %s%n", r.id(), r.medianRatio(),
                    goal(r), met(r),
                    r.ratios().stream().map(x -> f("%.3f", x)).collect(Collectors.joining(" "))));
            out.append(String.format(Locale.ROOT, "%-18s   median's interval %s%n", "", interval(r)));
            out.append(String.format(Locale.ROOT, "%-18s   %s: %s%n", "", r.numerator(), number(r.medianNumerator())));
            out.append(String.format(Locale.ROOT, "%-18s   %s: %s%n", "", r.denominator(), number(r.medianDenominator())));
        }
        return out.toString();
    }

    /** The median ratio's distribution-free interval, and how often such an interval holds the median. */
    private static String interval(HeadlineRatio r) {
        var i = r.medianRatioInterval();
        return f("%.3f", i.lower()) + " to " + f("%.3f", i.upper()) + " (" + f("%.1f", 100 * i.coverage()) + " %)";
    }

    /** A ratio without a goal is context for another: it shows a dash, neither met nor missed. */
    private static String goal(HeadlineRatio r) {
        return r.hasGoal() ? (r.atLeast() ? ">= " : "<= ") + f("%.2f", r.goal()) : "-";
    }

    private static String met(HeadlineRatio r) {
        return !r.hasGoal() ? "-" : r.met() ? "yes" : "NO";
    }

    private static String number(double value) {
        return Math.abs(value) >= 100 ? f("%,.0f", value) : f("%.2f", value);
    }

    private static String f(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }
}
