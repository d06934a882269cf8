package io.slawatch.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

/**
 * One detection run: events per second of job run time, and the CPU the JVM spent per event with
 * the JIT's compilations left out (a job running for days has none) and garbage collection kept:
 * the cost to plan cores by.
 */
record DetectionRun(double perSecond, double cpuMicrosPerEvent) {

    /** The CPU this JVM has spent so far outside the JIT's compilations, in nanoseconds. */
    static long cpuNanosWithoutJit() {
        OperatingSystemMXBean os =
                (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os.getProcessCpuTime()
                - TimeUnit.MILLISECONDS.toNanos(
                        ManagementFactory.getCompilationMXBean().getTotalCompilationTime());
    }
}
