package dev.tributary.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code tributary} commands in child JVMs, for tests that kill a process. */
final class ChildProcesses {

    private ChildProcesses() {
    }

    /**
     * Starts {@code tributary ARGS} in a child JVM on this JVM's class path, with ND4J on one
     * thread as in every test; its output (stdout and stderr) goes to {@code log}.
     *
     * @param log  where the output goes
     * @param args the command line
     * @return the running process; {@link Process#destroyForcibly()} is SIGKILL on Linux,
     *         {@link Process#destroy()} SIGTERM
     */
    static Process tributary(Path log, String... args) throws java.io.IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("OMP_NUM_THREADS", "1");
        return builder.start();
    }

    static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
