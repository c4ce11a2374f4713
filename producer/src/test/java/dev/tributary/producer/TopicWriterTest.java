package dev.tributary.producer;

import dev.tributary.common.ProgressListener;
import dev.tributary.common.TributaryException;
import dev.tributary.common.config.RateConfig;
import dev.tributary.common.data.Example;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The writer's bookkeeping, on Kafka's own {@link MockProducer}, which acknowledges a send only
 * when told to: how many records may wait unacknowledged, and that a failure is not lost. What
 * reaches a real broker is the integration tests' business.
 */
class TopicWriterTest {

    private static final Example EVENT = new Example(new double[] {1.5, 2}, 1);

    @Test
    void aSendBeyondTheBoundWaitsForAnAcknowledgement() throws Exception {
        MockProducer<byte[], byte[]> kafka = new MockProducer<>(false, null, new ByteArraySerializer(),
                new ByteArraySerializer());
        TopicWriter writer = new TopicWriter(kafka, Pacing.atRate(RateConfig.UNLIMITED), ProgressListener.NONE);
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < TopicWriter.MAX_IN_FLIGHT + 5; i++) {
                writer.send("t", EVENT);
            }
        });
        awaitSent(kafka, TopicWriter.MAX_IN_FLIGHT);
        Thread.sleep(300);
        assertEquals(TopicWriter.MAX_IN_FLIGHT, kafka.history().size(), "no send beyond the bound while none is acknowledged");
        assertFalse(sending.isDone());

        for (int i = 0; i < 5; i++) {
            assertTrue(kafka.completeNext());
        }
        sending.get(10, TimeUnit.SECONDS);
        assertEquals(TopicWriter.MAX_IN_FLIGHT + 5, kafka.history().size());
    }

    @Test
    void aSenderInterruptedWhileWaitingStopsWithAClearError() throws Exception {
        MockProducer<byte[], byte[]> kafka = new MockProducer<>(false, null, new ByteArraySerializer(),
                new ByteArraySerializer());
        TopicWriter writer = new TopicWriter(kafka, Pacing.atRate(RateConfig.UNLIMITED), ProgressListener.NONE);
        CompletableFuture<RuntimeException> stopped = new CompletableFuture<>();
        Thread sender = new Thread(() -> {
            try {
                for (int i = 0; i <= TopicWriter.MAX_IN_FLIGHT; i++) {
                    writer.send("t", EVENT);
                }
                stopped.complete(null);
            } catch (RuntimeException e) {
                stopped.complete(e);
            }
        });
        sender.start();
        awaitSent(kafka, TopicWriter.MAX_IN_FLIGHT);
        sender.interrupt();
        RuntimeException e = stopped.get(10, TimeUnit.SECONDS);
        assertTrue(e instanceof TributaryException && e.getMessage().contains("interrupted"), String.valueOf(e));
        assertEquals(TopicWriter.MAX_IN_FLIGHT, kafka.history().size(), "nothing sent past the bound");
    }

    @Test
    void aFailedSendFailsTheFlush() {
        MockProducer<byte[], byte[]> kafka = new MockProducer<>(false, null, new ByteArraySerializer(),
                new ByteArraySerializer());
        TopicWriter writer = new TopicWriter(kafka, Pacing.atRate(RateConfig.UNLIMITED), ProgressListener.NONE);
        writer.send("t", EVENT);
        writer.send("t", EVENT);
        assertTrue(kafka.completeNext());
        assertTrue(kafka.errorNext(new org.apache.kafka.common.errors.RecordTooLargeException("too large")));
        TributaryException e = assertThrows(TributaryException.class, writer::flush);
        assertTrue(e.getMessage().contains("too large"), e.getMessage());
    }

    private static void awaitSent(MockProducer<byte[], byte[]> kafka, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (kafka.history().size() < count) {
            assertTrue(System.nanoTime() < deadline, "only " + kafka.history().size() + " of " + count + " sent");
            Thread.sleep(10);
        }
    }
}
