package dev.tributary.common;

/**
 * Hears how far a long task has come, so that a front end can show it (the CLI draws a
 * progress bar on a terminal) while the stages stay free of any console code.
 */
public interface ProgressListener {

    /** Steps between two reports from a hot loop: often enough to look live, rarely enough to cost nothing. */
    int EVERY = 1_000;

    /** Hears nothing: for tests, and for output that is not a terminal. */
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void start(String task, long total) {
        }

        @Override
        public void advance(long done) {
        }

        @Override
        public void finish() {
        }
    };

    /**
     * @param task  what is being done, in a few words
     * @param total how many events there will be, or -1 if unknown
     */
    void start(String task, long total);

    /**
     * @param task  what is being done, in a few words
     * @param total how many steps there will be, or -1 if unknown
     * @param unit  what a step is, plural ("records", "rows")
     */
    default void start(String task, long total, String unit) {
        start(task, total);
    }

    /** @param done the number of steps done so far (monotonic) */
    void advance(long done);

    /** The task is over. */
    void finish();
}
