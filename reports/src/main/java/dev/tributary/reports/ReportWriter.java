package dev.tributary.reports;

import dev.tributary.common.config.Protocol;
import dev.tributary.common.AtomicFiles;
import dev.tributary.common.config.ScenarioFiles;
import dev.tributary.common.provenance.EnvironmentInfo;
import dev.tributary.common.metrics.MetricId;
import dev.tributary.results.ExperimentResults;
import dev.tributary.results.KafkaInfo;
import dev.tributary.results.RunResult;
import dev.tributary.results.StrategyResult;
import dev.tributary.reports.figures.Figure;
import dev.tributary.reports.figures.Figures;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes the browsable report of a run: {@value #INDEX} with every figure, tables of every
 * measure (for a deployed-mode run also each deployed strategy as served beside its ideal), the
 * scenario, seeds, environment and commit; and {@value #SUMMARY}, the same tables in Markdown
 * for pull-request comments. It only reads results: {@code tributary report} re-renders
 * a report without re-running anything.
 */
public final class ReportWriter {

    /** The HTML report's file name. */
    public static final String INDEX = "index.html";
    /** The Markdown summary's file name. */
    public static final String SUMMARY = "summary.md";

    /** What the "As deployed" section's figures are, before its table. */
    static final String DEPLOYED_TEXT = "The ideal is the comparison above, in process: each event predicted, then "
            + "learned, by the same learner (test-then-train). As deployed, each neural strategy's trainer published "
            + "models to Kafka and the Kafka Streams scorer answered every event with the newest model it had; served "
            + "is what those answers scored, and served − ideal is what that staleness cost. Staleness is how far an "
            + "event was from the newest event the serving model had learned from, in events of its partition and in "
            + "ms of event time.";

    /**
     * What kappa-temporal means, under a prequential table: on a stream whose label persists (a real
     * one, like electricity) accuracy alone flatters a learner that no-change beats.
     */
    static final String KAPPA_TEMPORAL_TEXT = "Kappa-temporal compares each strategy with the no-change classifier, "
            + "which predicts the previous event's class: (accuracy - p') / (1 - p'), p' no-change's accuracy. 0 is as "
            + "good as that persistence forecast, negative is worse; on a stream whose label persists, a respectable "
            + "accuracy can still be worse than persistence.";

    private ReportWriter() {
    }

    /** @return whether the run scored a stream (so that its kappa-temporal means something) */
    private static boolean prequential(ExperimentResults results) {
        return results.scenario() != null && results.scenario().protocol() == Protocol.PREQUENTIAL
                && !results.runs().isEmpty();
    }

    /**
     * @param results a run
     * @param dir     where index.html, summary.md and the figures go
     * @return the figures drawn
     */
    public static List<Figure> write(ExperimentResults results, Path dir) {
        List<Figure> figures = Figures.render(results, dir);
        AtomicFiles.write(dir.resolve(INDEX), html(results, figures).getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(dir.resolve(SUMMARY), markdown(results).getBytes(StandardCharsets.UTF_8));
        return figures;
    }

    static String markdown(ExperimentResults results) {
        StringBuilder md = new StringBuilder();
        String name = results.scenario() == null ? results.runId() : results.scenario().name();
        md.append("## Tributary: ").append(name).append("\n\n");
        if (results.scenario() != null) {
            md.append(results.scenario().description()).append(" (").append(results.scenario().protocol().key())
                    .append(" protocol, ").append(results.runs().size()).append(" run")
                    .append(results.runs().size() == 1 ? "" : "s").append(", seed ").append(results.scenario().seed())
                    .append(")\n\n");
        }
        if (!results.runs().isEmpty()) {
            markdownTable(md, ResultsTable.rows(results));
        }
        if (prequential(results)) {
            md.append("\n").append(KAPPA_TEMPORAL_TEXT).append("\n");
        }
        if (McNemarTable.any(results)) {
            md.append("\n### Pairwise: McNemar\n\n").append(McNemarTable.TEXT).append("\n\n");
            markdownTable(md, McNemarTable.rows(results));
        }
        if (LateLabelsTable.any(results)) {
            md.append("\n### Late labels\n\n").append(LateLabelsTable.TEXT).append(repetitions(results)).append("\n\n");
            markdownTable(md, LateLabelsTable.rows(results));
        }
        if (DeployedTable.any(results)) {
            md.append("\n### As deployed\n\n").append(DEPLOYED_TEXT).append(repetitions(results)).append("\n\n");
            markdownTable(md, DeployedTable.rows(results));
        }
        if (results.serving() != null) {
            md.append("\nLatency under load (from intended send time):\n\n");
            markdownTable(md, ServingTable.rows(results.serving()));
            if (ServingTable.breakdownRows(results.serving()).size() > 1) {
                md.append("\nWhere a scored event's time goes (a sample of the predictions):\n\n");
                markdownTable(md, ServingTable.breakdownRows(results.serving()));
            }
        }
        var build = results.environment().build();
        md.append("\nCommit ").append(build.gitCommit()).append(build.gitDirty() ? " (dirty)" : "")
                .append(", Kafka ").append(build.kafkaVersion()).append(", DL4J ").append(build.dl4jVersion())
                .append(", Java ").append(results.environment().javaVersion()).append(", ")
                .append(results.environment().availableProcessors()).append(" cores.\n");
        return md.toString();
    }

    /** @return what the deployed table's cells are over several runs; empty for one */
    private static String repetitions(ExperimentResults results) {
        int runs = results.runs().size();
        return runs == 1 ? "" : " Each cell is the mean over " + runs + " runs; the measures table gives the 95 % "
                + "intervals.";
    }

    /**
     * @param md   where the table goes
     * @param rows the table, its header first
     */
    public static void markdownTable(StringBuilder md, List<String[]> rows) {
        md.append("| ").append(String.join(" | ", rows.get(0))).append(" |\n");
        md.append("|").append(" --- |".repeat(rows.get(0).length)).append("\n");
        for (String[] row : rows.subList(1, rows.size())) {
            md.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
    }

    static String html(ExperimentResults results, List<Figure> figures) {
        StringBuilder h = new StringBuilder();
        String name = results.scenario() == null ? results.runId() : results.scenario().name();
        h.append(head(name, figures.size()));
        h.append("<h1>Tributary: ").append(esc(name)).append("</h1>\n");
        if (results.scenario() != null && results.runs().isEmpty() && results.serving() != null) {
            // A serve-bench: no strategy was compared, the scorer was loaded at each rate.
            h.append("<p>The scorer under open-loop load (").append(esc(results.scenario().description()))
                    .append(") at ").append(results.serving().size()).append(" rate(s), beside bare Kafka, master seed ")
                    .append(results.scenario().seed()).append(".</p>\n");
        } else if (results.scenario() != null) {
            h.append("<p>").append(esc(results.scenario().description())).append(" &mdash; ")
                    .append(esc(results.scenario().protocol().key())).append(" protocol, ")
                    .append(results.runs().size()).append(" run(s), master seed ").append(results.scenario().seed())
                    .append(".</p>\n");
        }
        h.append("<p>Run ").append(esc(results.runId())).append(", ").append(esc(results.startedAt())).append(" to ")
                .append(esc(results.finishedAt())).append(".</p>\n");
        if (!results.runs().isEmpty()) {
            h.append("<h2>Measures</h2>\n").append(htmlTable(ResultsTable.rows(results)));
        }
        if (prequential(results)) {
            h.append("<p>").append(esc(KAPPA_TEMPORAL_TEXT)).append("</p>\n");
        }
        if (McNemarTable.any(results)) {
            h.append("<h2>Pairwise: McNemar</h2>\n<p>").append(esc(McNemarTable.TEXT)).append("</p>\n")
                    .append(htmlTable(McNemarTable.rows(results)));
        }
        if (LateLabelsTable.any(results)) {
            h.append("<h2>Late labels</h2>\n<p>").append(esc(LateLabelsTable.TEXT + repetitions(results))).append("</p>\n")
                    .append(htmlTable(LateLabelsTable.rows(results)));
        }
        if (DeployedTable.any(results)) {
            h.append("<h2>As deployed</h2>\n<p>").append(esc(DEPLOYED_TEXT + repetitions(results))).append("</p>\n")
                    .append(htmlTable(DeployedTable.rows(results)));
        }
        if (results.serving() != null) {
            h.append("<h2>Latency under load</h2>\n<p>Event &rarr; prediction through the scorer, and bare Kafka "
                    + "produce &rarr; consume at the same open-loop rates, both from each event's intended send time.</p>\n")
                    .append(htmlTable(ServingTable.rows(results.serving())));
            if (ServingTable.breakdownRows(results.serving()).size() > 1) {
                h.append("<p>Where a scored event's time goes, from a sample of the predictions: to the scorer "
                        + "(producer, broker, the Streams consumer), waiting in the micro-batch, inference, and back "
                        + "to the reader (Streams producer, broker, fetch). EndToEndLatency is Kafka's own closed-loop "
                        + "tool on the same cluster, one record at a time: the floor of a round trip.</p>\n")
                        .append(htmlTable(ServingTable.breakdownRows(results.serving())));
            }
        }
        if (!figures.isEmpty()) {
            h.append("<h2>Figures</h2>\n");
        }
        for (Figure f : figures) {
            h.append("<figure id=\"").append(esc(f.id())).append("\"><img src=\"").append(esc(f.png()))
                    .append("\" alt=\"").append(esc(f.title())).append("\" width=\"1200\" height=\"800\">")
                    .append("<figcaption><b>").append(esc(f.title())).append(".</b> ").append(esc(f.caption()))
                    .append(" (<a href=\"").append(esc(f.svg())).append("\">SVG</a>)</figcaption></figure>\n");
        }
        if (!results.runs().isEmpty()) {
            h.append("<h2>Runs</h2>\n");
        }
        for (RunResult run : results.runs()) {
            h.append("<h3>Run ").append(run.repetition() + 1).append(run.seeds() == null ? "" : ", seeds " + esc(
                    String.valueOf(run.seeds()))).append("</h3>\n");
            if (run.produce() != null) {
                h.append(String.format(Locale.ROOT, "<p>Produced %,d events (%,d train, %,d test, %,d dead-lettered) at"
                                + " %,.0f events/s; drift at %s. Protocol: %,.0f events/s; heap %,.1f MB peak after GC,"
                                + " %,.1f MB live at the end.</p>%n", run.produce().read(), run.produce().trainRecords(),
                        run.produce().testRecords(), run.produce().deadLettered(), run.produce().eventsPerSecond(),
                        run.produce().driftPositions(), run.eventsPerSecond(), run.peakHeapBytes() / 1048576.0,
                        run.liveHeapBytes() / 1048576.0));
            }
            h.append("<table><tr><th>strategy</th>");
            for (MetricId id : MetricId.values()) {
                h.append("<th>").append(id.key()).append("</th>");
            }
            h.append("</tr>\n");
            for (StrategyResult s : run.strategies()) {
                h.append("<tr><td>").append(esc(s.strategy())).append("</td>");
                for (MetricId id : MetricId.values()) {
                    Double v = s.metrics().get(id.key());
                    h.append("<td>").append(v == null || v.isNaN() ? "n/a" : String.format(Locale.ROOT, "%.4f", v))
                            .append("</td>");
                }
                h.append("</tr>\n");
            }
            h.append("</table>\n");
            for (StrategyResult s : run.strategies()) {
                List<String[]> confusion = ConfusionTable.rows(s, results.schema() == null ? null
                        : results.schema().classNames());
                if (!confusion.isEmpty()) {
                    h.append("<details><summary>").append(esc(s.strategy()))
                            .append(": confusion matrix, per-class precision, recall and F1</summary>\n")
                            .append(htmlTable(confusion)).append("</details>\n");
                }
            }
        }
        h.append("<h2>Scenario</h2>\n<pre>").append(results.scenario() == null ? "(evaluation only)"
                : esc(ScenarioFiles.toYaml(results.scenario()))).append("</pre>\n");
        h.append("<h2>Environment</h2>\n").append(environmentTable(results.environment(), results.kafka()));
        // Marks images that fail to load, for people and for the headless-browser check alike.
        h.append("<script>\nwindow.addEventListener('load', function () {\n")
                .append("  var broken = 0;\n  document.querySelectorAll('img').forEach(function (img) {\n")
                .append("    if (!img.complete || img.naturalWidth === 0) { broken++; img.classList.add('broken'); }\n")
                .append("  });\n  document.body.setAttribute('data-broken-images', String(broken));\n});\n</script>\n");
        h.append("</body></html>\n");
        return h.toString();
    }

    /** The page's head and the opening body tag, which carries the number of images for the browser check. */
    static String head(String title, int images) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Tributary: " + esc(title)
                + "</title>\n<style>\n"
                + "body{font-family:sans-serif;max-width:1240px;margin:2em auto;color:#222}"
                + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;"
                + "text-align:right}th:first-child,td:first-child{text-align:left}"
                + "figure{margin:2em 0}img{max-width:100%;border:1px solid #eee}"
                + "pre{background:#f6f6f6;padding:1em;overflow:auto}.broken{outline:3px solid red}\n"
                + "</style></head>\n<body data-images=\"" + images + "\">\n";
    }

    /** Machine, JVM, build and cluster: what a reader needs to reproduce or compare a figure. */
    static String environmentTable(EnvironmentInfo env, KafkaInfo kafka) {
        return new StringBuilder("<table>")
                .append(row("commit", env.build().gitCommit() + (env.build().gitDirty() ? " (dirty)" : "")))
                .append(row("Tributary", env.build().version()))
                .append(row("Kafka", env.build().kafkaVersion() + " (client " + env.kafkaClientVersion() + ")"))
                .append(row("Deeplearning4j", env.build().dl4jVersion()))
                .append(row("Java", env.javaVersion() + " (" + env.jvm() + ", " + env.javaVendor() + ")"))
                .append(row("OS", env.osName() + " " + env.osArch()))
                .append(row("cores / max heap", env.availableProcessors() + " / " + env.maxHeapBytes() / 1048576 + " MB"))
                .append(row("ND4J threads", env.nd4jMaxThreads() + " (OMP_NUM_THREADS " + env.ompNumThreads() + ")"))
                .append(row("garbage collectors", env.garbageCollectors() == null ? "not recorded"
                        : String.join(", ", env.garbageCollectors())))
                .append(row("JVM options", env.jvmArguments() == null ? "not recorded"
                        : env.jvmArguments().isEmpty() ? "none" : String.join(" ", env.jvmArguments())))
                .append(row("Kafka cluster", (kafka.embedded() ? "embedded, " : "") + kafka.clientProperties()))
                .append("</table>\n").toString();
    }

    static String htmlTable(List<String[]> rows) {
        StringBuilder t = new StringBuilder("<table>\n<tr>");
        for (String cell : rows.get(0)) {
            t.append("<th>").append(esc(cell)).append("</th>");
        }
        t.append("</tr>\n");
        for (String[] row : rows.subList(1, rows.size())) {
            t.append("<tr>");
            for (String cell : row) {
                t.append("<td>").append(esc(cell)).append("</td>");
            }
            t.append("</tr>\n");
        }
        return t.append("</table>\n").toString();
    }

    private static String row(String label, String value) {
        return "<tr><td>" + esc(label) + "</td><td>" + esc(value) + "</td></tr>\n";
    }

    static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
