package dev.tributary.common.test;

import dev.tributary.common.ProgressListener;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link ProgressListener} that keeps what a front end would draw: every task, in order, with
 * its total, its unit, the last count it reached and whether it was finished, so that a test can
 * check that long work reports its progress to the end.
 */
public final class RecordingProgress implements ProgressListener {

    /**
     * One task as reported.
     *
     * @param total    its announced total, or -1
     * @param unit     what a step is
     * @param done     the last count reported
     * @param finished whether the task was finished (or replaced by the next)
     * @param backward whether a count ever went below the one before
     */
    public record Task(long total, String unit, long done, boolean finished, boolean backward) {
    }

    private final Map<String, Task> tasks = new LinkedHashMap<>();
    private String current;

    @Override
    public synchronized void start(String task, long total) {
        start(task, total, "events");
    }

    @Override
    public synchronized void start(String task, long total, String unit) {
        finish();
        current = task;
        tasks.put(task, new Task(total, unit, 0, false, false));
    }

    @Override
    public synchronized void advance(long done) {
        if (current != null) {
            Task t = tasks.get(current);
            tasks.put(current, new Task(t.total(), t.unit(), done, false, t.backward() || done < t.done()));
        }
    }

    @Override
    public synchronized void finish() {
        if (current != null) {
            Task t = tasks.get(current);
            tasks.put(current, new Task(t.total(), t.unit(), t.done(), true, t.backward()));
            current = null;
        }
    }

    /** @return every task reported so far, in the order they started */
    public synchronized Map<String, Task> tasks() {
        return new LinkedHashMap<>(tasks);
    }
}
