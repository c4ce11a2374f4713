package dev.tributary.cli;

import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.producer.EventExporter;
import dev.tributary.producer.ExportFormat;
import dev.tributary.producer.ExportResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code tributary export}: a scenario's event sequence to a file, without Kafka.
 */
@Command(name = "export", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Write a scenario's exact event sequence, as the producer would send it (after the split and "
                + "order, with the seed), to a CSV or ARFF file, without Kafka.",
                "Holdout: the train part then the test part (a first column 'split' in CSV, a comment in ARFF); "
                        + "prequential: the events topic's sequence. Rows the source rejects are counted, not written."})
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--format", paramLabel = "FORMAT", description = "csv or arff.")
    ExportFormat format = ExportFormat.CSV;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "The file to write.")
    Path output;

    @Override
    public Integer call() {
        ScenarioConfig config = scenario.load();
        ExportResult result = EventExporter.export(config, format, output);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("exported %d events of %s to %s (%s): train %d + test %d%n", result.trainEvents() + result.testEvents(),
                config.name(), result.output(), format.key(), result.trainEvents(), result.testEvents());
        out.printf("read %d = exported %d + rejected %d%n", result.read(), result.trainEvents() + result.testEvents(),
                result.rejected());
        if (!result.rejections().isEmpty()) {
            out.println("rejected by reason: " + new TreeMap<>(result.rejections()));
        }
        return 0;
    }
}
