package dev.tributary.cli;

import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.performance.Soak;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code tributary soak}: pushes a long generated stream through Kafka and back, and shows
 * that memory stays flat while it does.
 */
@Command(name = "soak", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Produce a generated stream through Kafka and consume it back, reporting throughput and the "
                + "live heap (after a full GC) at every tenth of each phase: flat for a stream processed in "
                + "constant memory.",
                "Default: the sea-abrupt scenario's generator with its length from --events, as fast as possible "
                        + "(--rate to pace it). Without --bootstrap-servers an embedded broker is used."})
final class SoakCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    ScenarioOptions scenario;
    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() {
        if (scenario.rate == null) {
            // A soak measures memory over a long stream: as fast as possible unless asked otherwise.
            scenario.rate = 0.0;
        }
        ScenarioConfig config = scenario.loadGenerated(spec.commandLine().getParseResult());
        PrintWriter out = spec.commandLine().getOut();
        try (KafkaOptions.Session session = kafka.openOrEmbed()) {
            KafkaConnection connection = session.connection().withDefaults(config.kafka().properties());
            Soak.Result soak = Soak.run(connection, config.source().generator(), config.source().events(),
                    config.topics(), config.rate(), config.seeds().split(), ConsoleProgress.forTerminal());
            out.printf(Locale.ROOT, "events              %,d (%s)%n", soak.events(), config.source().describe());
            out.printf(Locale.ROOT, "produced            %,d in %,d ms: %,.0f events/s%n", soak.events(),
                    soak.produceMs(), soak.producedPerSecond());
            out.printf(Locale.ROOT, "consumed            %,d in %,d ms: %,.0f events/s%n", soak.events(),
                    soak.consumeMs(), soak.consumedPerSecond());
            out.printf(Locale.ROOT, "heap limit          %s%n", mb(Runtime.getRuntime().maxMemory()));
            out.printf(Locale.ROOT, "live heap at start  %s%n", mb(soak.baselineBytes()));
            out.printf(Locale.ROOT, "live heap, produce  %s%n", series(soak.produceSamples()));
            out.printf(Locale.ROOT, "live heap, consume  %s%n", series(soak.consumeSamples()));
            out.printf(Locale.ROOT, "peak live heap      %s%n", mb(soak.peakLiveBytes()));
            out.printf(Locale.ROOT, "peak heap after GC  %s (%d collections)%n", mb(soak.peakAfterGcBytes()),
                    soak.collections());
        }
        return 0;
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    private static String series(List<Long> samples) {
        return String.join(" ", samples.stream().map(b -> String.format(Locale.ROOT, "%.0f", b / 1048576.0)).toList())
                + " MB";
    }
}
