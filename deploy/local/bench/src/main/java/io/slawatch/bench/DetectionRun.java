package io.slawatch.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * One detection run, from its first event read to the job's result: events per second, the CPU the
 * JVM spent per event with the JIT's compilations left out (a job running for days has none) and
 * garbage collection kept (the cost to plan cores by), and the share of that time spent in
 * collections' pauses, during which no task runs. The job's deployment before its first event
 * (longer with consequences: more tasks) is left out, as a job running for days pays it once.
 */
record DetectionRun(double perSecond, double cpuMicrosPerEvent, double gcPauseShare) {

    /** The run measured from {@code first} to now, over {@code events}. */
    static DetectionRun since(Mark first, long events) {
        return between(first, Mark.now(), events);
    }

    /** The runs' median throughput, median CPU per event and median pause share. */
    static DetectionRun median(DetectionRun[] runs) {
        return new DetectionRun(
                Benchmarks.median(Stream.of(runs).mapToDouble(DetectionRun::perSecond).toArray()),
                Benchmarks.median(
                        Stream.of(runs).mapToDouble(DetectionRun::cpuMicrosPerEvent).toArray()),
                Benchmarks.median(
                        Stream.of(runs).mapToDouble(DetectionRun::gcPauseShare).toArray()));
    }

    /** How {@code runs} went, after {@code settling} runs not counted: their count and range. */
    static String runs(DetectionRun[] runs, int settling) {
        double[] sorted = Stream.of(runs).mapToDouble(DetectionRun::perSecond).sorted().toArray();
        return String.format(
                Locale.ROOT,
                "median of %d runs%s (%,.0f to %,.0f)",
                runs.length,
                settling > 0 ? " in a row after " + settling + " settling ones" : "",
                sorted[0],
                sorted[sorted.length - 1]);
    }

    /**
     * Each run of {@code with} as a share of the run of {@code without} taken in turn with it: this
     * machine's speed drifts by half within minutes, so a run compares best with the one beside it.
     */
    static double[] shares(DetectionRun[] with, DetectionRun[] without) {
        if (with.length != without.length) {
            throw new IllegalArgumentException(
                    with.length + " runs with against " + without.length + " without: not pairs");
        }
        double[] shares = new double[with.length];
        for (int pair = 0; pair < with.length; pair++) {
            shares[pair] = with[pair].perSecond() / without[pair].perSecond();
        }
        return shares;
    }

    /** Where {@code shares} come from, and their range in percent. */
    static String describe(double[] shares) {
        double[] sorted = shares.clone();
        Arrays.sort(sorted);
        return String.format(
                Locale.ROOT,
                "the median of %d pairs taken in turn, %.0f to %.0f %%",
                shares.length,
                100 * sorted[0],
                100 * sorted[sorted.length - 1]);
    }

    static DetectionRun between(Mark first, Mark last, long events) {
        double seconds = (last.nanos() - first.nanos()) / 1e9;
        return new DetectionRun(
                events / seconds,
                (last.cpuNanos() - first.cpuNanos()) / 1000.0 / events,
                (last.gcMillis() - first.gcMillis()) / 1000.0 / seconds);
    }

    /** This JVM's clocks at one instant: wall, CPU outside the JIT, collections' pauses. */
    record Mark(long nanos, long cpuNanos, long gcMillis) {

        private static final AtomicReference<Mark> FIRST = new AtomicReference<>();

        static Mark now() {
            return new Mark(
                    System.nanoTime(), DetectionRun.cpuNanosWithoutJit(), DetectionRun.gcMillis());
        }

        /** Forgets the previous run's first event. */
        static void clear() {
            FIRST.set(null);
        }

        /** Marks the first event read, once per run; the in-memory source calls it. */
        static void firstEventRead() {
            FIRST.compareAndSet(null, now());
        }

        static Mark first() {
            Mark first = FIRST.get();
            if (first == null) {
                throw new IllegalStateException("the run read no event");
            }
            return first;
        }
    }

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
