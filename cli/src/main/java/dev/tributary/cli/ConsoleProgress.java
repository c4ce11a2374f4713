package dev.tributary.cli;

import dev.tributary.common.ProgressListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

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

    /** @return a progress bar when standard error is a terminal, else {@link ProgressListener#NONE} */
    static ProgressListener forTerminal() {
        return isTerminal(STDERR) ? new ConsoleProgress(System.err) : ProgressListener.NONE;
    }

    /** Standard error's descriptor, as Linux shows it. */
    static final Path STDERR = Path.of("/proc/self/fd/2");

    /**
     * Whether a descriptor is a terminal, decided on the stream the bar is drawn on. Java has no
     * isatty: {@link System#console()} answers for standard input and output, so {@code 2>log}
     * put the bar's carriage returns in the log and {@code >log} hid it from the terminal. On
     * Linux the descriptor's link names its device; elsewhere the console's answer is the best
     * there is.
     *
     * @param descriptor a {@code /proc/self/fd/N} link
     * @return whether it points at a terminal device
     */
    static boolean isTerminal(Path descriptor) {
        try {
            String target = Files.readSymbolicLink(descriptor).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    @Override
    public void start(String task, long total) {
        start(task, total, "events");
    }

    @Override
    public void start(String task, long total, String unit) {
        finish();
        bar = new ProgressBarBuilder()
                .setTaskName(task.length() > 40 ? task.substring(0, 37) + "..." : task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" " + unit, 1)
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
