package dev.tributary.common.provenance;

import java.util.List;
import java.util.Map;

/**
 * What one run of a producer wrote. Counts reconcile:
 * {@code read == trainRecords + testRecords + deadLettered}.
 *
 * @param name            the scenario or data set the topics are named after
 * @param read            rows read from the file, or events generated
 * @param trainRecords    records written to the train topic
 * @param testRecords     records written to the test topic
 * @param deadLettered    rows written to the dead-letter topic
 * @param imputedValues   missing feature values replaced by the training median
 * @param rejections      dead-lettered rows by reason ({@code MalformedRecordException.Kind#key()})
 * @param driftPositions  event positions where the generated stream's concept changes (empty for a file)
 * @param trainTopic      the train topic
 * @param testTopic       the test topic
 * @param deadLetterTopic the dead-letter topic
 * @param wallTimeMs      time from the first read to the last acknowledgement, in milliseconds
 * @param labelsTopic     where the train part's labels went when they come late, else {@code null}
 * @param labels          labels written to it, one per train record (0 when labels come with their events)
 */
public record ProduceResult(String name, long read, long trainRecords, long testRecords, long deadLettered,
                            long imputedValues, Map<String, Long> rejections, List<Long> driftPositions,
                            String trainTopic, String testTopic, String deadLetterTopic, long wallTimeMs,
                            String labelsTopic, long labels) {

    /**
     * @throws IllegalStateException if the counts do not reconcile, which would mean lost rows
     */
    public ProduceResult {
        rejections = Map.copyOf(rejections);
        driftPositions = List.copyOf(driftPositions);
        if (read != trainRecords + testRecords + deadLettered) {
            throw new IllegalStateException("counts do not reconcile: read " + read + " != train " + trainRecords
                    + " + test " + testRecords + " + dead-lettered " + deadLettered);
        }
        if (labels != (labelsTopic == null ? 0 : trainRecords)) {
            throw new IllegalStateException("counts do not reconcile: " + labels + " labels written to " + labelsTopic
                    + " for " + trainRecords + " train records");
        }
    }

    /** Labels with their events: none on a topic of their own. */
    public ProduceResult(String name, long read, long trainRecords, long testRecords, long deadLettered,
                         long imputedValues, Map<String, Long> rejections, List<Long> driftPositions,
                         String trainTopic, String testTopic, String deadLetterTopic, long wallTimeMs) {
        this(name, read, trainRecords, testRecords, deadLettered, imputedValues, rejections, driftPositions, trainTopic,
                testTopic, deadLetterTopic, wallTimeMs, null, 0);
    }

    /** @return events written per second of wall time */
    public double eventsPerSecond() {
        return wallTimeMs == 0 ? Double.NaN : (trainRecords + testRecords) * 1000.0 / wallTimeMs;
    }
}
