package dev.tributary.producer;

import java.util.Map;

/**
 * What one run of the producer wrote. Counts reconcile:
 * {@code rowsRead == trainRecords + testRecords + deadLettered}.
 *
 * @param dataset         the data set's name
 * @param rowsRead        data rows read from the file (the header excluded)
 * @param trainRecords    records written to the train topic
 * @param testRecords     records written to the test topic
 * @param deadLettered    rows written to the dead-letter topic
 * @param imputedValues   missing feature values replaced by the training median
 * @param rejections      dead-lettered rows by reason category (the reason up to its first ':')
 * @param trainTopic      the train topic
 * @param testTopic       the test topic
 * @param deadLetterTopic the dead-letter topic
 */
public record ProduceResult(String dataset, long rowsRead, long trainRecords, long testRecords, long deadLettered,
                            long imputedValues, Map<String, Long> rejections,
                            String trainTopic, String testTopic, String deadLetterTopic) {

    /**
     * @throws IllegalStateException if the counts do not reconcile, which would mean lost rows
     */
    public ProduceResult {
        rejections = Map.copyOf(rejections);
        if (rowsRead != trainRecords + testRecords + deadLettered) {
            throw new IllegalStateException("counts do not reconcile: read " + rowsRead + " != train " + trainRecords
                    + " + test " + testRecords + " + dead-lettered " + deadLettered);
        }
    }
}
