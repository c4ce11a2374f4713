package dev.tributary.cli;

/**
 * The launcher's entry point; the only place that exits the JVM.
 */
public final class Main {

    private Main() {
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(TributaryCommand.execute(args, System.out, System.err));
    }
}
