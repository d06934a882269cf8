package io.slawatch.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

/**
 * One detection run: events per second of job run time, the CPU the JVM spent per event with the
 * JIT's compilations left out (a job running for days has none) and garbage collection kept (the
 * cost to plan cores by), and the share of the run time spent in collections' pauses, during which
 * no task runs.
 */
record DetectionRun(double perSecond, double cpuMicrosPerEvent, double gcPauseShare) {

    /** The CPU this JVM has spent so far outside the JIT's compilations, in nanoseconds. */
    static long cpuNanosWithoutJit() {
        OperatingSystemMXBean os =
                (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os.getProcessCpuTime()
                - TimeUnit.MILLISECONDS.toNanos(
                        ManagementFactory.getCompilationMXBean().getTotalCompilationTime());
    }

    /** The milliseconds this JVM's collectors have spent so far in collections. */
    static long gcMillis() {
        long millis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            millis += Math.max(0, collector.getCollectionTime());
        }
        return millis;
    }
}
