package dev.tributary.model.test;

import dev.tributary.model.ModelCodec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Waiting for a trainer's checkpoint file, as the fault tests do before they strike. */
public final class Checkpoints {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private Checkpoints() {
    }

    /**
     * @param checkpoint a trainer's checkpoint file
     * @param records    the records it must have seen
     * @throws AssertionError if no checkpoint covers them within 120 s
     */
    public static void awaitCovering(Path checkpoint, long records) throws InterruptedException {
        awaitCovering(checkpoint, records, null);
    }

    /**
     * @param checkpoint a trainer's checkpoint file
     * @param records    the records it must have seen
     * @param child      the trainer's process, or {@code null}: if it exits, waiting is over
     * @throws AssertionError if no checkpoint covers them within 120 s, or the process exited first
     */
    public static void awaitCovering(Path checkpoint, long records, Process child) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline && (child == null || child.isAlive())) {
            if (Files.exists(checkpoint) && ModelCodec.read(checkpoint).metadata().recordsSeen() >= records) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(child != null && !child.isAlive() ? "the trainer exited with " + child.exitValue()
                + " before a checkpoint covered " + records + " records"
                : "no checkpoint covering " + records + " records within " + PATIENCE.toSeconds() + " s");
    }
}
