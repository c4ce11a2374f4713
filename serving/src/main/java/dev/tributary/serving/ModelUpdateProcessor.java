package dev.tributary.serving;

import dev.tributary.common.TributaryException;
import dev.tributary.common.data.Schema;
import dev.tributary.model.ModelArtifact;
import dev.tributary.model.ModelCodec;
import dev.tributary.kafka.ModelTopic;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the models topic (as a global store, so every instance sees every model) and swaps the
 * serving model when its strategy's key arrives. A record that is not a well-formed model of
 * the expected shape and size is rejected, counted and logged: the last good model keeps serving.
 * Kafka Streams runs this processor again over the topic when the global store is restored, so
 * a record it let through would stop every restart too: nothing a record holds may escape it.
 */
final class ModelUpdateProcessor implements Processor<String, byte[], Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(ModelUpdateProcessor.class);
    static final String STORE = "models";

    private final ServingModel serving;
    private final Schema schema;
    private KeyValueStore<String, byte[]> store;

    ModelUpdateProcessor(ServingModel serving, Schema schema) {
        this.serving = serving;
        this.schema = schema;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (!serving.strategy().equals(record.key())) {
            return;
        }
        ModelArtifact model;
        try {
            model = decode(record.value());
        } catch (TributaryException e) {
            serving.reject();
            LOG.warn("Rejected a {} model record, keeping the last good model: {}", record.key(), e.getMessage());
            return;
        }
        store.put(record.key(), record.value());
        serving.swap(model);
        LOG.info("Serving {} model version {} ({} records seen)", record.key(), model.metadata().version(),
                model.metadata().recordsSeen());
    }

    /**
     * @return the model the record holds, fit for the schema
     * @throws TributaryException whatever is wrong with the record
     */
    private ModelArtifact decode(byte[] bytes) {
        if (bytes == null || bytes.length > ModelTopic.MAX_MODEL_BYTES) {
            throw new TributaryException("model record of " + (bytes == null ? "no" : bytes.length) + " bytes");
        }
        try {
            ModelArtifact model = ModelCodec.decode(bytes);
            model.metadata().requireFits(schema, "model version " + model.metadata().version());
            return model;
        } catch (TributaryException e) {
            throw e;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // ModelCodec promises only TributaryException; anything else would be a bug in it,
            // and still only this record's fault: decoding shares nothing, so serving goes on.
            throw new TributaryException("undecodable model record: " + e, e);
        }
    }
}
