package org.pharmatrace.benchmark;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches the heap while one workload runs. Three figures, because "heap used" alone mostly measures how lazily the
 * collector runs:
 * <ul>
 *   <li>peak used: the highest heap occupancy seen (sampled every few milliseconds), garbage included;</li>
 *   <li>pool peaks: the sum of each heap pool's own peak, as the JVM tracks it (an upper bound, as the pools need
 *       not peak together);</li>
 *   <li>after GC: the most heap still occupied right after a collection, the closest a running JVM gets to the
 *       live set. This is the one that shows whether memory grows with the document.</li>
 * </ul>
 */
final class HeapMonitor implements AutoCloseable {

    private static final long SAMPLE_INTERVAL_MILLIS = 5;

    /** What one run used. Bytes; {@code afterGc} is -1 when no collection ran. */
    record HeapFigures(long peakUsed, long poolPeaks, long afterGc, long collections, long gcMillis) {
    }

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private final Set<String> heapPoolNames = heapPools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();

    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong maxAfterGc = new AtomicLong(-1);
    private final NotificationListener gcListener = this::onGc;
    private final List<NotificationEmitter> listeningTo = new ArrayList<>();
    /** JVM uptime when watching began: collections that started earlier (the settling ones) are not ours. */
    private final long startUptimeMillis;
    private final long collectionsAtStart;
    private final long gcMillisAtStart;
    private final Thread sampler;
    private volatile boolean running = true;

    /** Collects what earlier work left behind, resets the pools' peaks and starts watching. */
    static HeapMonitor start() {
        settle();
        return new HeapMonitor();
    }

    private HeapMonitor() {
        startUptimeMillis = ManagementFactory.getRuntimeMXBean().getUptime();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        for (GarbageCollectorMXBean gc : collectors) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(gcListener, null, null);
                listeningTo.add(emitter);
            }
        }
        collectionsAtStart = collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
        gcMillisAtStart = collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
        peakUsed.set(memory.getHeapMemoryUsage().getUsed());
        sampler = new Thread(this::sample, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        while (running) {
            peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            try {
                Thread.sleep(SAMPLE_INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void onGc(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        if (!running || info.getGcInfo().getStartTime() < startUptimeMillis) {
            return;
        }
        long after = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPoolNames.contains(pool.getKey())) {
                after += pool.getValue().getUsed();
            }
        }
        long before = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
            if (heapPoolNames.contains(pool.getKey())) {
                before += pool.getValue().getUsed();
            }
        }
        maxAfterGc.accumulateAndGet(after, Math::max);
        peakUsed.accumulateAndGet(before, Math::max);
    }

    /** Stops watching and returns the figures. */
    HeapFigures stop() {
        running = false;
        sampler.interrupt();
        try {
            sampler.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        long poolPeaks = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long collections = collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum() - collectionsAtStart;
        long gcMillis = collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum() - gcMillisAtStart;
        close();
        return new HeapFigures(peakUsed.get(), poolPeaks, maxAfterGc.get(), collections, gcMillis);
    }

    @Override
    public void close() {
        running = false;
        for (NotificationEmitter emitter : listeningTo) {
            try {
                emitter.removeNotificationListener(gcListener);
            } catch (ListenerNotFoundException ignored) {
                // already removed by an earlier close
            }
        }
        listeningTo.clear();
    }

    /** Full collections until the heap stops shrinking, so one workload's garbage is not billed to the next. */
    static void settle() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            long used = memory.getHeapMemoryUsage().getUsed();
            if (used >= previous - (1 << 20)) {
                return;
            }
            previous = used;
        }
    }
}
