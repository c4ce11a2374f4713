package dev.tributary.cli;

import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.provenance.ProduceResult;
import dev.tributary.producer.SourceProducer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code tributary produce}: the producer stage on its own, against a cluster.
 */
@Command(name = "produce", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Write a scenario's source to <name>-train and <name>-test; rows that cannot be parsed go to "
                + "<name>-dlq with their reason.")
final class ProduceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    ScenarioOptions scenario;
    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() {
        ScenarioConfig config = scenario.load();
        // The input first: a missing file or a bad header is reported before any broker starts or is dialled.
        SourceProducer.schema(config);
        ProduceResult result = SourceProducer.forScenario(StageCommands.cluster(kafka, "produce", config), config,
                ConsoleProgress.forTerminal()).produce();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "read %d = train %d (%s) + test %d (%s) + dead-lettered %d (%s), %.0f events/s%n",
                result.read(), result.trainRecords(), result.trainTopic(), result.testRecords(), result.testTopic(),
                result.deadLettered(), result.deadLetterTopic(), result.eventsPerSecond());
        if (!result.rejections().isEmpty()) {
            out.println("rejected by reason: " + result.rejections());
        }
        if (result.imputedValues() > 0) {
            out.println("missing values imputed: " + result.imputedValues());
        }
        if (!result.driftPositions().isEmpty()) {
            out.println("concept drift at events: " + result.driftPositions());
        }
        return 0;
    }
}
