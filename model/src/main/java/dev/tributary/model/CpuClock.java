package dev.tributary.model;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The calling thread's CPU time. Fails loudly where the JVM cannot measure it, rather than
 * silently substituting wall time and changing what the number means.
 */
public final class CpuClock {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuClock() {
    }

    /**
     * @return the current thread's CPU time, in nanoseconds
     * @throws UnsupportedOperationException if this JVM does not measure thread CPU time
     */
    public static long threadCpuNanos() {
        if (!THREADS.isCurrentThreadCpuTimeSupported()) {
            throw new UnsupportedOperationException("this JVM does not measure thread CPU time");
        }
        return THREADS.getCurrentThreadCpuTime();
    }
}
