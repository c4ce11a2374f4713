package dev.tributary.reports;

import dev.tributary.common.AtomicFiles;
import dev.tributary.results.BenchResults;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The report of {@code tributary bench}: index.html and summary.md with the headline ratios
 * and, when given, the JMH microbenchmark table.
 */
public final class BenchReportWriter {

    private BenchReportWriter() {
    }

    /**
     * @param results the headline ratios
     * @param jmh     JMH's JSON results, or {@code null}
     * @param dir     where index.html and summary.md go
     */
    public static void write(BenchResults results, Path jmh, Path dir) {
        List<String[]> jmhRows = jmh == null ? null : JmhTable.rows(jmh);
        AtomicFiles.write(dir.resolve(ReportWriter.INDEX), html(results, jmhRows, jmh).getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(dir.resolve(ReportWriter.SUMMARY), markdown(results, jmhRows).getBytes(StandardCharsets.UTF_8));
    }

    static String markdown(BenchResults results, List<String[]> jmhRows) {
        StringBuilder md = new StringBuilder("## Tributary: headline ratios\n\n");
        md.append("Medians over ").append(results.settings().repetitions()).append(" repetitions, both sides of each "
                + "ratio measured one after the other in one run; scenario ").append(results.scenario())
                .append(", seed ").append(results.seed()).append(".\n\n");
        ReportWriter.markdownTable(md, HeadlineTable.rows(results.ratios()));
        if (jmhRows != null) {
            md.append("\n### Microbenchmarks (JMH)\n\n");
            ReportWriter.markdownTable(md, jmhRows);
        }
        var build = results.environment().build();
        md.append("\nCommit ").append(build.gitCommit()).append(build.gitDirty() ? " (dirty)" : "")
                .append(", Java ").append(results.environment().javaVersion()).append(", ")
                .append(results.environment().availableProcessors()).append(" cores.\n");
        return md.toString();
    }

    static String html(BenchResults results, List<String[]> jmhRows, Path jmh) {
        StringBuilder h = new StringBuilder(ReportWriter.head("headline ratios", 0));
        h.append("<h1>Tributary: headline ratios</h1>\n<p>Each ratio is a hot path of the harness over its ceiling on "
                        + "the same machine, both sides measured one after the other in one run, their order alternating "
                        + "between repetitions. Figures are medians over ")
                .append(results.settings().repetitions()).append(" repetitions; scenario ")
                .append(ReportWriter.esc(results.scenario())).append(", seed ").append(results.seed()).append(", ")
                .append(ReportWriter.esc(results.startedAt())).append(" to ")
                .append(ReportWriter.esc(results.finishedAt())).append(".</p>\n")
                .append(ReportWriter.htmlTable(HeadlineTable.rows(results.ratios())));
        if (jmhRows != null) {
            h.append("<h2>Microbenchmarks (JMH)</h2>\n<p>From ").append(ReportWriter.esc(jmh.getFileName().toString()))
                    .append(". Scores with JMH's 99.9 % confidence error; on a shared machine compare a benchmark with "
                            + "its own baseline in the same file, not across files.</p>\n")
                    .append(ReportWriter.htmlTable(jmhRows));
        }
        h.append("<h2>Environment</h2>\n").append(ReportWriter.environmentTable(results.environment(), results.kafka()));
        h.append("</body></html>\n");
        return h.toString();
    }
}
