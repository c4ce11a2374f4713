package dev.tributary.evaluation.cost;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the heap a run retains (see the package documentation): the live set sampled by
 * {@link #sample()} after a forced full collection, and the highest heap in use after any
 * collection the JVM ran by itself.
 */
public final class HeapMonitor implements AutoCloseable {

    private final AtomicLong peakAfterGcBytes = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final List<Long> liveSamples = new ArrayList<>();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onCollection;

    private HeapMonitor() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    /** @return a monitor listening from now on */
    public static HeapMonitor start() {
        return new HeapMonitor();
    }

    private void onCollection(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long used = 0;
        for (MemoryUsage pool : info.getGcInfo().getMemoryUsageAfterGc().values()) {
            used += pool.getUsed();
        }
        // Non-heap pools (metaspace, code cache) are in the map too, but they are small and
        // constant after start-up; the heap dominates.
        collections.incrementAndGet();
        peakAfterGcBytes.accumulateAndGet(used, Math::max);
    }

    /**
     * Forces a full collection and records the heap still in use: the live set at this point.
     *
     * @return the live heap, in bytes
     */
    public long sample() {
        System.gc();
        long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        synchronized (liveSamples) {
            liveSamples.add(live);
        }
        return live;
    }

    /** @return the live-heap samples, in bytes, in the order taken */
    public List<Long> liveSamples() {
        synchronized (liveSamples) {
            return List.copyOf(liveSamples);
        }
    }

    /** @return the largest live-heap sample, in bytes (0 before the first sample) */
    public long peakLiveBytes() {
        return liveSamples().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** @return the highest memory in use right after any collection seen, in bytes */
    public long peakAfterGcBytes() {
        return peakAfterGcBytes.get();
    }

    /** @return the number of collections seen */
    public long collections() {
        return collections.get();
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // already gone: nothing to undo
            }
        }
    }
}
