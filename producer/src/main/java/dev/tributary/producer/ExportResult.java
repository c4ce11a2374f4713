package dev.tributary.producer;

import java.nio.file.Path;
import java.util.Map;

/**
 * What one export wrote. Counts reconcile: {@code read == trainEvents + testEvents + rejected}.
 *
 * @param output      the file written
 * @param format      its format
 * @param read        rows read from the file, or events generated
 * @param trainEvents events of the train part (prequential: every event)
 * @param testEvents  events of the test part
 * @param rejected    rows rejected (counted, not written)
 * @param rejections  rejected rows by reason ({@code MalformedRecordException.Kind#key()})
 */
public record ExportResult(Path output, ExportFormat format, long read, long trainEvents, long testEvents,
                           long rejected, Map<String, Long> rejections) {

    /**
     * @throws IllegalStateException if the counts do not reconcile, which would mean lost rows
     */
    public ExportResult {
        rejections = Map.copyOf(rejections);
        if (read != trainEvents + testEvents + rejected) {
            throw new IllegalStateException("counts do not reconcile: read " + read + " != train " + trainEvents
                    + " + test " + testEvents + " + rejected " + rejected);
        }
    }
}
