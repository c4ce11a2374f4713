package dev.tributary.cli;

import dev.tributary.common.TributaryException;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServeUntilStoppedTest {

    /** A served stage whose service dies on its own ends with that failure, its service closed. */
    @Test
    void aServiceThatFailsOnItsOwnEndsTheStageWithItsFailure() {
        AtomicBoolean closed = new AtomicBoolean();
        AtomicInteger checks = new AtomicInteger();
        AutoCloseable service = () -> closed.set(true);
        TributaryException e = assertThrows(TributaryException.class, () -> StageCommands.serveUntilStopped("test",
                service, s -> checks.incrementAndGet() < 3 ? null : "it died", s -> {
                    throw new AssertionError("not a stop");
                }));
        assertEquals("it died", e.getMessage());
        assertEquals(3, checks.get(), "checked until it failed");
        assertTrue(closed.get(), "closed however it ended");
    }

    @Test
    void onlyAStreamsServiceThatLeftRunningOnItsOwnHasFailed() {
        assertNull(StageCommands.streamsFailure("scorer", KafkaStreams.State.RUNNING));
        assertNull(StageCommands.streamsFailure("scorer", KafkaStreams.State.REBALANCING));
        assertNull(StageCommands.streamsFailure("scorer", KafkaStreams.State.CREATED));
        for (KafkaStreams.State dead : new KafkaStreams.State[] {KafkaStreams.State.ERROR,
                KafkaStreams.State.PENDING_ERROR, KafkaStreams.State.NOT_RUNNING, KafkaStreams.State.PENDING_SHUTDOWN}) {
            assertTrue(StageCommands.streamsFailure("scorer", dead).contains("state " + dead), dead.toString());
        }
    }
}
