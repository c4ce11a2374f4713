package dev.tributary.reports;

import dev.tributary.common.AtomicFiles;
import dev.tributary.common.TributaryException;
import dev.tributary.reports.figures.Figure;
import dev.tributary.reports.figures.Figures;
import dev.tributary.results.ExperimentResults;
import dev.tributary.results.ResultsFile;
import dev.tributary.results.StrategyResult;
import dev.tributary.results.SuiteCell;
import dev.tributary.results.stats.Friedman;
import dev.tributary.results.stats.Holm;
import dev.tributary.results.stats.McNemar;
import dev.tributary.results.stats.Summary;
import dev.tributary.results.stats.WilcoxonSignedRank;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The report of a suite, from the cells found under one or more directories (a suite's, or each
 * shard's, merged): per measure, a table of each strategy's mean and 95 % interval over the seeds
 * per block (scenario and grid point), the best marked; the average ranks over the blocks with
 * Friedman's test and the Nemenyi critical difference, drawn as Demšar's critical-difference
 * diagram; Wilcoxon's signed-ranks test between every two strategies over the blocks with Holm's
 * correction; and {@value #CSV}, every cell × strategy × measure as one row, for pandas, R or a
 * spreadsheet. A block's cells differ only in their seeds; the same cells give the same report,
 * however they were sharded.
 */
public final class SuiteReport {

    /** The Markdown summary's name. */
    public static final String SUMMARY = "summary.md";
    /** The tidy export's name. */
    public static final String CSV = "suite.csv";
    /** The level the tests are read at. */
    static final double ALPHA = 0.05;

    /** A measure the report compares: its key, how it reads, which way is better, and its value in one run. */
    private record Measure(String key, String label, boolean higherIsBetter, Function<StrategyResult, Double> value) {
    }

    private static final List<Measure> MEASURES = List.of(
            new Measure("accuracy", "accuracy", true, s -> s.metrics().get("accuracy")),
            new Measure("cohen_kappa", "Cohen's kappa", true, s -> s.metrics().get("cohen_kappa")),
            new Measure("kappa_temporal", "kappa-temporal", true, s -> s.metrics().get("kappa_temporal")),
            new Measure("sustainable_events_per_second", "sustainable events/s", true,
                    s -> s.keepingUp() == null ? null : s.keepingUp().sustainableEventsPerSecond()),
            new Measure("latency_p99_ms", "latency p99 (ms)", false,
                    s -> s.latency() == null || s.latency().eventToPredictionMicros() == null
                            || s.latency().eventToPredictionMicros().count() == 0
                            ? null : s.latency().eventToPredictionMicros().p99() / 1000.0),
            new Measure("freshness_p50_events", "freshness p50 (events)", false,
                    s -> s.freshness() == null || s.freshness().events().count() == 0
                            ? null : (double) s.freshness().events().p50()));

    /**
     * A cell and its results.
     *
     * @param cell    what it was
     * @param results what it measured
     */
    public record CellResult(SuiteCell cell, ExperimentResults results) {
    }

    private SuiteReport() {
    }

    /**
     * @param directories a suite's directory, or several shards' directories
     * @return every complete cell found under them (a {@code cell.json} with a results.json beside
     *         it), in the suite's order; a cell found twice counts once
     * @throws TributaryException if a directory cannot be read, or holds no cell
     */
    public static List<CellResult> find(List<Path> directories) {
        Map<Integer, CellResult> cells = new TreeMap<>();
        for (Path dir : directories) {
            if (!Files.isDirectory(dir)) {
                throw new TributaryException("suite directory not found: " + dir);
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path cellFile : files.filter(p -> p.getFileName().toString().equals(SuiteCell.FILE)).toList()) {
                    Path results = cellFile.resolveSibling("results.json");
                    if (Files.isRegularFile(results)) {
                        SuiteCell cell = ResultsFile.readJson(cellFile, SuiteCell.class);
                        cells.putIfAbsent(cell.index(), new CellResult(cell, ResultsFile.read(results)));
                    }
                }
            } catch (IOException e) {
                throw new TributaryException("cannot read suite directory " + dir + ": " + e, e);
            }
        }
        if (cells.isEmpty()) {
            throw new TributaryException("no complete suite cell (cell.json and results.json) under " + directories);
        }
        return List.copyOf(cells.values());
    }

    /**
     * @param cells a suite's cells
     * @return per block, its cells' runs as one result (a cell, one seed, is a repetition), in the suite's order
     */
    public static Map<String, ExperimentResults> byBlock(List<CellResult> cells) {
        Map<String, List<CellResult>> blocks = new LinkedHashMap<>();
        cells.forEach(c -> blocks.computeIfAbsent(c.cell().block(), b -> new ArrayList<>()).add(c));
        Map<String, ExperimentResults> out = new LinkedHashMap<>();
        blocks.forEach((block, members) -> {
            ExperimentResults first = members.get(0).results();
            List<dev.tributary.results.RunResult> runs = new ArrayList<>();
            members.forEach(c -> runs.addAll(c.results().runs()));
            out.put(block, new ExperimentResults(first.schemaVersion(), first.runId(), first.startedAt(),
                    first.finishedAt(), first.scenario(), first.schema(), first.kafka(), first.environment(), runs,
                    first.summary()));
        });
        return out;
    }

    /**
     * Writes the report.
     *
     * @param cells the cells ({@link #find})
     * @param out   the report's directory, created if missing
     * @return the Markdown summary's text
     */
    public static String write(List<CellResult> cells, Path out) {
        Map<String, List<CellResult>> blocks = new LinkedHashMap<>();
        Set<String> strategies = new LinkedHashSet<>();
        for (CellResult c : cells) {
            blocks.computeIfAbsent(c.cell().block(), b -> new ArrayList<>()).add(c);
            c.results().strategies().forEach(s -> strategies.add(s.strategy()));
        }
        List<String> names = List.copyOf(strategies);
        StringBuilder md = new StringBuilder("# Suite ").append(cells.get(0).cell().suite()).append("\n\n")
                .append(String.format(Locale.ROOT, "%d cells in %d blocks (scenario and grid point; the cells of a block "
                        + "differ only in their seeds), %d strategies. Each figure is the mean over the block's seeds with "
                        + "its 95 %% interval; the best of each block is in bold.%n", cells.size(), blocks.size(),
                        names.size()));
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Suite "
                + ReportWriter.esc(cells.get(0).cell().suite()) + "</title></head><body>\n<h1>Suite "
                + ReportWriter.esc(cells.get(0).cell().suite()) + "</h1>\n");
        for (Measure m : MEASURES) {
            double[][] means = new double[blocks.size()][names.size()];
            List<String[]> table = new ArrayList<>();
            List<String> header = new ArrayList<>(List.of("block"));
            header.addAll(names);
            table.add(header.toArray(new String[0]));
            boolean complete = true;
            int b = 0;
            for (Map.Entry<String, List<CellResult>> block : blocks.entrySet()) {
                String[] row = new String[names.size() + 1];
                row[0] = block.getKey();
                int best = -1;
                for (int j = 0; j < names.size(); j++) {
                    List<Double> values = new ArrayList<>();
                    for (CellResult c : block.getValue()) {
                        StrategyResult s = strategy(c.results(), names.get(j));
                        Double v = s == null ? null : m.value().apply(s);
                        if (v != null && !v.isNaN()) {
                            values.add(v);
                        }
                    }
                    if (values.isEmpty()) {
                        means[b][j] = Double.NaN;
                        complete = false;
                        row[j + 1] = "-";
                        continue;
                    }
                    Summary summary = Summary.of(values);
                    means[b][j] = summary.mean();
                    row[j + 1] = values.size() == 1 ? number(summary.mean()) : number(summary.mean()) + " ± "
                            + number(summary.halfWidth());
                    if (best < 0 || (m.higherIsBetter() ? means[b][j] > means[b][best] : means[b][j] < means[b][best])) {
                        best = j;
                    }
                }
                if (best >= 0) {
                    row[best + 1] = "**" + row[best + 1] + "**";
                }
                table.add(row);
                b++;
            }
            if (table.stream().skip(1).allMatch(r -> java.util.Arrays.stream(r).skip(1).allMatch("-"::equals))) {
                continue;
            }
            md.append("\n## ").append(m.label()).append("\n\n");
            ReportWriter.markdownTable(md, table);
            html.append("<h2>").append(ReportWriter.esc(m.label())).append("</h2>\n")
                    .append(ReportWriter.htmlTable(table).replaceAll("\\*\\*(.*?)\\*\\*", "<b>$1</b>"));
            if (complete && blocks.size() >= 2 && names.size() >= 2) {
                ranks(md, html, m, names, means, out);
            }
        }
        gridCurves(md, html, blocks, names, out);
        mcNemar(md, html, blocks, names);
        writeCsv(cells, out);
        TidyCsv.write(cells.stream().map(CellResult::results).toList(), cells.stream().map(c -> String.join(",",
                c.cell().suite(), Integer.toString(c.cell().index()), quoted(c.cell().block()))).toList(),
                "suite,cell,block", out);
        String exports = "Every cell × strategy × measure: `" + CSV + "`; in the long form of `report --format csv`, "
                + "with the cell in front: `" + TidyCsv.METRICS + "`, `" + TidyCsv.CURVES + "`, `" + TidyCsv.PERCENTILES + "`.";
        md.append('\n').append(exports).append('\n');
        html.append("<p>").append(ReportWriter.esc(exports)).append("</p>\n</body></html>\n");
        write(out.resolve(SUMMARY), md.toString());
        write(out.resolve("index.html"), html.toString());
        return md.toString();
    }

    /** Average ranks, Friedman, the CD diagram and the pairwise Wilcoxon tests of one measure. */
    private static void ranks(StringBuilder md, StringBuilder html, Measure m, List<String> names, double[][] means,
                              Path out) {
        Friedman f = Friedman.of(means, m.higherIsBetter());
        double cd = f.criticalDifference(ALPHA);
        StringBuilder ranks = new StringBuilder();
        for (int j = 0; j < names.size(); j++) {
            ranks.append(j == 0 ? "" : ", ").append(names.get(j)).append(' ')
                    .append(String.format(Locale.ROOT, "%.2f", f.averageRanks()[j]));
        }
        String text = String.format(Locale.ROOT, "Average ranks over %d blocks (1 = best): %s. Friedman's test: "
                        + "chi-square %.2f, p = %s; Iman-Davenport F = %.2f, p = %s. Nemenyi critical difference at %.2f: "
                        + "%.2f (two strategies whose average ranks differ by less are not told apart).", f.blocks(),
                ranks, f.chiSquare(), p(f.pValue()), f.f(), p(f.fPValue()), ALPHA, cd);
        Figure figure = Figures.criticalDifference("cd-" + m.key(), m.label(), names, f.averageRanks(), cd, f.blocks(), out);
        md.append('\n').append(text).append("\n\n![").append(figure.title()).append("](").append(figure.png()).append(")\n");
        html.append("<p>").append(ReportWriter.esc(text)).append("</p>\n<img src=\"").append(figure.png())
                .append("\" width=\"900\" alt=\"").append(ReportWriter.esc(figure.title())).append("\">\n");
        List<String[]> pairs = new ArrayList<>();
        List<WilcoxonSignedRank> tests = new ArrayList<>();
        for (int a = 0; a < names.size(); a++) {
            for (int b = a + 1; b < names.size(); b++) {
                double[] x = new double[means.length];
                double[] y = new double[means.length];
                for (int i = 0; i < means.length; i++) {
                    x[i] = means[i][a];
                    y[i] = means[i][b];
                }
                tests.add(WilcoxonSignedRank.of(x, y));
                pairs.add(new String[] {names.get(a), names.get(b)});
            }
        }
        double[] holm = Holm.adjust(tests.stream().mapToDouble(WilcoxonSignedRank::pValue).toArray());
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"first", "second", "R+ (second ahead)", "R− (first ahead)", "p", "Holm p"});
        for (int i = 0; i < tests.size(); i++) {
            WilcoxonSignedRank w = tests.get(i);
            boolean ahead = m.higherIsBetter();
            table.add(new String[] {pairs.get(i)[0], pairs.get(i)[1], number(ahead ? w.rPlus() : w.rMinus()),
                    number(ahead ? w.rMinus() : w.rPlus()), p(w.pValue()), p(holm[i])});
        }
        md.append("\nWilcoxon's signed-ranks test over the blocks, Holm-corrected:\n\n");
        ReportWriter.markdownTable(md, table);
        html.append("<p>Wilcoxon's signed-ranks test over the blocks, Holm-corrected:</p>\n")
                .append(ReportWriter.htmlTable(table));
    }

    /**
     * For a grid, per scenario, accuracy against each cost measure as the setting varies: one curve
     * per strategy, a point per grid point (the mean over its seeds).
     */
    private static void gridCurves(StringBuilder md, StringBuilder html, Map<String, List<CellResult>> blocks,
                                   List<String> names, Path out) {
        Map<String, List<List<CellResult>>> byScenario = new LinkedHashMap<>();
        blocks.values().forEach(cells -> {
            if (!cells.get(0).cell().point().isEmpty()) {
                byScenario.computeIfAbsent(cells.get(0).cell().scenario(), k -> new ArrayList<>()).add(cells);
            }
        });
        Measure accuracy = MEASURES.get(0);
        for (Map.Entry<String, List<List<CellResult>>> scenario : byScenario.entrySet()) {
            if (scenario.getValue().size() < 2) {
                continue;
            }
            for (Measure cost : MEASURES.subList(3, MEASURES.size())) {
                Map<String, List<double[]>> curves = new LinkedHashMap<>();
                for (String strategy : names) {
                    List<double[]> points = new ArrayList<>();
                    for (List<CellResult> point : scenario.getValue()) {
                        double x = mean(point, strategy, cost);
                        double y = mean(point, strategy, accuracy);
                        if (!Double.isNaN(x) && !Double.isNaN(y)) {
                            points.add(new double[] {x, y});
                        }
                    }
                    if (points.size() >= 2) {
                        curves.put(strategy, points);
                    }
                }
                if (curves.isEmpty()) {
                    continue;
                }
                String label = Path.of(scenario.getKey()).getFileName().toString().replaceFirst("\\.ya?ml$", "");
                String grid = String.join(", ", scenario.getValue().get(0).get(0).cell().point().keySet());
                Figure f = Figures.gridTradeoff("grid-" + label + "-" + cost.key(), label + ": accuracy against "
                                + cost.label() + " as " + grid + " varies", cost.label(), "accuracy", curves,
                        "Each strategy's accuracy against its " + cost.label() + " at each point of the grid (" + grid
                                + "), the mean over the seeds; a curve joins a strategy's points in the grid's order.",
                        out);
                md.append("\n![").append(f.title()).append("](").append(f.png()).append(")\n");
                html.append("<img src=\"").append(f.png()).append("\" width=\"900\" alt=\"")
                        .append(ReportWriter.esc(f.title())).append("\">\n");
            }
        }
    }

    /**
     * McNemar's test between every two strategies within each block, on the same events, the
     * discordant events pooled over the block's seeds, with Holm's correction over every test.
     */
    private static void mcNemar(StringBuilder md, StringBuilder html, Map<String, List<CellResult>> blocks,
                                List<String> names) {
        List<String[]> keys = new ArrayList<>();
        List<McNemar> tests = new ArrayList<>();
        for (Map.Entry<String, List<CellResult>> block : blocks.entrySet()) {
            for (int a = 0; a < names.size(); a++) {
                for (int b = a + 1; b < names.size(); b++) {
                    long first = 0;
                    long second = 0;
                    boolean complete = true;
                    for (CellResult c : block.getValue()) {
                        long[] d = McNemarTable.discordant(c.results(), names.get(a), names.get(b));
                        if (d == null) {
                            complete = false;
                            break;
                        }
                        first += d[0];
                        second += d[1];
                    }
                    if (complete) {
                        keys.add(new String[] {block.getKey(), names.get(a), names.get(b)});
                        tests.add(McNemar.of(first, second));
                    }
                }
            }
        }
        if (tests.isEmpty()) {
            return;
        }
        double[] holm = Holm.adjust(tests.stream().mapToDouble(McNemar::pValue).toArray());
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"block", "first", "second", "first right, second wrong", "second right, first wrong",
                "p", "Holm p", "at " + ALPHA});
        for (int i = 0; i < tests.size(); i++) {
            McNemar t = tests.get(i);
            String verdict = holm[i] > ALPHA ? "no difference found"
                    : (t.firstOnly() > t.secondOnly() ? keys.get(i)[1] : keys.get(i)[2]) + " better";
            table.add(new String[] {keys.get(i)[0], keys.get(i)[1], keys.get(i)[2], Long.toString(t.firstOnly()),
                    Long.toString(t.secondOnly()), p(t.pValue()), p(holm[i]), verdict});
        }
        String text = "McNemar's test within each block, on the same events (the discordant events pooled over its "
                + "seeds), Holm-corrected over every test:";
        md.append("\n## Within each block: McNemar\n\n").append(text).append("\n\n");
        ReportWriter.markdownTable(md, table);
        html.append("<h2>Within each block: McNemar</h2>\n<p>").append(ReportWriter.esc(text)).append("</p>\n")
                .append(ReportWriter.htmlTable(table));
    }

    private static double mean(List<CellResult> cells, String strategy, Measure m) {
        List<Double> values = new ArrayList<>();
        for (CellResult c : cells) {
            StrategyResult s = strategy(c.results(), strategy);
            Double v = s == null ? null : m.value().apply(s);
            if (v != null && !v.isNaN()) {
                values.add(v);
            }
        }
        return values.isEmpty() ? Double.NaN : Summary.of(values).mean();
    }

    private static void writeCsv(List<CellResult> cells, Path out) {
        StringBuilder csv = new StringBuilder("suite,cell,scenario,block,seed,strategy,measure,value\n");
        for (CellResult c : cells) {
            for (StrategyResult s : c.results().strategies()) {
                Map<String, Double> values = new LinkedHashMap<>(new TreeMap<>(s.metrics()));
                for (Measure m : MEASURES) {
                    values.putIfAbsent(m.key(), m.value().apply(s));
                }
                values.forEach((measure, value) -> {
                    if (value != null) {
                        csv.append(String.join(",", c.cell().suite(), Integer.toString(c.cell().index()),
                                quoted(c.cell().scenario()), quoted(c.cell().block()), Long.toString(c.cell().seed()),
                                s.strategy(), measure, Double.toString(value))).append('\n');
                    }
                });
            }
        }
        write(out.resolve(CSV), csv.toString());
    }

    private static StrategyResult strategy(ExperimentResults results, String name) {
        return results.strategies().stream().filter(s -> s.strategy().equals(name)).findFirst().orElse(null);
    }

    private static String quoted(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static String number(double v) {
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 1000 ? "%.0f" : a >= 10 ? "%.1f" : "%.4f", v);
    }

    private static String p(double p) {
        return McNemarTable.p(p);
    }

    private static void write(Path file, String text) {
        AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
    }
}
