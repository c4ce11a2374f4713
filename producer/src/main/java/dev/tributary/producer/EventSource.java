package dev.tributary.producer;

import dev.tributary.common.config.Protocol;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.config.SourceConfig;
import dev.tributary.common.data.Schema;

/**
 * A scenario's source as the sequence of events its producer sends, with the seed, split and
 * order of the scenario: what {@link SourceProducer} writes to Kafka and {@link EventExporter}
 * to a file, so that the two cannot differ.
 */
public interface EventSource {

    /**
     * @return the events, from the first
     * @throws dev.tributary.common.TributaryException if the source cannot be read
     */
    EventSequence open();

    /**
     * @return the schema of its events, known before they are produced (a data set whose classes
     *         are not declared is read once for them)
     */
    Schema schema();

    /**
     * @return how many events lead as the train part (prequential: every event), known before
     *         they are produced (a data set is read once for it)
     */
    long trainEvents();

    /** @return what it is, for logs and progress */
    String describe();

    /**
     * @param scenario a run
     * @return its source: under the prequential protocol every event is in the train part (the
     *         one, time-ordered events topic); under holdout the split's fraction is
     */
    static EventSource forScenario(ScenarioConfig scenario) {
        double trainShare = scenario.protocol() == Protocol.PREQUENTIAL ? 1.0 : scenario.split().trainFraction();
        SourceConfig source = scenario.source();
        long seed = scenario.seeds().split();
        if (source.generated()) {
            return new GeneratedSource(source.generator(), source.events(), trainShare, seed);
        }
        int maxLine = scenario.split().maxLineBytes();
        DatasetFile file = source.arff() != null ? new DatasetFile.Arff(source.arff(), maxLine)
                : new DatasetFile.Csv(source.datasetSpec(), maxLine);
        return new DatasetSource(file, scenario.split(), trainShare, seed);
    }
}
