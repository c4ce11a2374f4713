package dev.tributary.cli;

import dev.tributary.common.ProgressListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;

/**
 * A progress bar with rate and ETA on standard error, drawn only when it is a terminal: piped
 * or redirected output (CI logs, files) stays free of control characters.
 */
final class ConsoleProgress implements ProgressListener {

    private final PrintStream err;
    private ProgressBar bar;

    private ConsoleProgress(PrintStream err) {
        this.err = err;
    }

    /** @return a progress bar when the process has a terminal, else {@link ProgressListener#NONE} */
    static ProgressListener forTerminal() {
        return System.console() != null ? new ConsoleProgress(System.err) : ProgressListener.NONE;
    }

    @Override
    public void start(String task, long total) {
        finish();
        bar = new ProgressBarBuilder()
                .setTaskName(task.length() > 40 ? task.substring(0, 37) + "..." : task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" events", 1)
                .showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(err))
                .build();
    }

    @Override
    public void advance(long done) {
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    @Override
    public void finish() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
