package dev.tributary.producer;

import dev.tributary.common.AtomicFiles;
import dev.tributary.common.config.Protocol;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.config.TopicsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a scenario's exact event sequence to a file, without Kafka: the {@link EventSequence}
 * its producer would send (the same seed, split and order), under holdout the train part then
 * the test part, under prequential the events topic's sequence. Read back as a source (with the
 * file order kept and, for a CSV of both parts, the {@code split} column ignored), the file gives
 * the same events: the same features bit for bit, the same labels, in the same order.
 *
 * <p>Rows the source rejects are counted, not written (the producer dead-letters them). The file
 * appears whole or not at all, and a generated stream is written in constant memory.
 */
public final class EventExporter {

    private static final Logger LOG = LoggerFactory.getLogger(EventExporter.class);

    private EventExporter() {
    }

    /**
     * @param scenario the run whose events to write
     * @param format   the file format
     * @param output   the file
     * @return what was written; the counts reconcile
     * @throws dev.tributary.common.TributaryException if the source cannot be read or the file cannot be written
     */
    public static ExportResult export(ScenarioConfig scenario, ExportFormat format, Path output) {
        EventSource source = EventSource.forScenario(scenario);
        EventSequence events = source.open();
        boolean holdout = scenario.protocol() != Protocol.PREQUENTIAL;
        long train = events.trainEvents();
        long test = events.events() - train;
        TopicsConfig topics = scenario.topics();
        List<String> about = List.of(
                "tributary export: scenario " + scenario.name() + ", " + source.describe() + ", seed " + scenario.seed()
                        + ", protocol " + scenario.protocol().key(),
                holdout ? "the train part (" + train + " events, " + topics.train() + ") then the test part (" + test
                        + " events, " + topics.test() + "), in the order the producer sends them"
                        : "the events topic's sequence (" + train + " events, " + topics.train() + ")",
                "the class is each event's class index: its position among the class attribute's values");
        AtomicFiles.write(output, stream -> {
            Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            EventWriter writer = format.writer(out, holdout, scenario.name());
            writer.header(events.schema(), about);
            List<Part> parts = holdout ? List.of(new Part("train", train), new Part("test", test))
                    : List.of(new Part("events", train));
            for (Part part : parts) {
                writer.part(part.name(), part.events());
                for (long i = 0; i < part.events(); i++) {
                    writer.event(events.next());
                }
            }
            out.flush();
        });
        ExportResult result = new ExportResult(output, format, events.read(), train, test, events.rejected().size(),
                events.rejections());
        LOG.info("Exported {} events of {} to {} ({}): train {}, test {}; {} read, {} rejected {}", train + test,
                scenario.name(), output, format.key(), train, test, result.read(), result.rejected(), result.rejections());
        return result;
    }

    /** A run of consecutive events of one part. */
    private record Part(String name, long events) {
    }
}
