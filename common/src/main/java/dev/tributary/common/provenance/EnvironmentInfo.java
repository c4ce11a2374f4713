package dev.tributary.common.provenance;

import dev.tributary.common.config.Secrets;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The machine and runtime a result was measured on.
 *
 * @param javaVersion        {@code java.version}
 * @param javaVendor         {@code java.vendor}
 * @param jvm                {@code java.vm.name} and version
 * @param osName             {@code os.name} and {@code os.version}
 * @param osArch             {@code os.arch}
 * @param availableProcessors cores visible to the JVM
 * @param maxHeapBytes       the heap limit, in bytes
 * @param ompNumThreads      the {@code OMP_NUM_THREADS} ND4J ran with, or {@code unset}
 * @param nd4jMaxThreads     the threads ND4J's native ops were allowed
 * @param kafkaClientVersion the Kafka client library on the class path
 * @param build              the build
 * @param garbageCollectors  the JVM's collectors, e.g. G1's two: latency figures depend on them
 *                           (the scorer's p99 is mostly young-collection pauses), null in results
 *                           written before they were recorded
 * @param jvmArguments       the options the JVM was started with (heap, collector, flags), secrets
 *                           masked ({@link #shownArguments}), null in results written before they
 *                           were recorded
 */
public record EnvironmentInfo(String javaVersion, String javaVendor, String jvm, String osName, String osArch,
                              int availableProcessors, long maxHeapBytes, String ompNumThreads, int nd4jMaxThreads,
                              String kafkaClientVersion, BuildInfo build, List<String> garbageCollectors,
                              List<String> jvmArguments) {

    /**
     * @param nd4jMaxThreads     ND4J's thread count in force (the model module knows it)
     * @param kafkaClientVersion the Kafka client library's version (the Kafka module knows it)
     * @return the environment of this process
     */
    public static EnvironmentInfo capture(int nd4jMaxThreads, String kafkaClientVersion) {
        String omp = System.getenv("OMP_NUM_THREADS");
        return new EnvironmentInfo(
                System.getProperty("java.version"),
                System.getProperty("java.vendor"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory(),
                omp == null ? "unset" : omp,
                nd4jMaxThreads,
                kafkaClientVersion,
                BuildInfo.current(),
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList(),
                shownArguments(ManagementFactory.getRuntimeMXBean().getInputArguments()));
    }

    /**
     * A JVM may be given secrets ({@code -Djavax.net.ssl.keyStorePassword=...}, a proxy URL with
     * credentials), and results files are shared: each {@code -Dkey=value} is recorded as
     * {@link Secrets#shown} shows it, and every argument with a URL's credentials masked.
     *
     * @param arguments the JVM's input arguments
     * @return them as they may be recorded
     */
    static List<String> shownArguments(List<String> arguments) {
        return arguments.stream().map(a -> {
            int eq = a.indexOf('=');
            if (a.startsWith("-D") && eq > 2) {
                return a.substring(0, eq + 1) + Secrets.shown(a.substring(2, eq), a.substring(eq + 1));
            }
            return Secrets.shown("", a);
        }).toList();
    }
}
