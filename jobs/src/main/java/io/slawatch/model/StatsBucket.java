package io.slawatch.model;

import java.util.Arrays;

/**
 * The running sums of one statistics bucket: one grain, one time bucket, one combination of
 * dimensions. Counters per clock are indexed like {@link #clocks}: the built-in clocks first (so
 * buckets stored before policies defined clocks still read right), then any other clock the bucket
 * counted. A flat, mutable POJO so that Flink's POJO serializer stores it and can evolve it.
 */
public class StatsBucket {

    private static final String[] BUILT_IN_NAMES =
            ClockType.BUILT_IN.stream().map(ClockType::name).toArray(String[]::new);
    private static final int BUILT_IN = BUILT_IN_NAMES.length;

    /** The clock names the counters are indexed by. */
    public String[] clocks = BUILT_IN_NAMES.clone();

    public String id;
    public StatsGrain grain;
    public long start;
    public String agentId;
    public String techId;
    public String team;
    public String region;

    public long[] met = new long[BUILT_IN];
    public long[] metLate = new long[BUILT_IN];
    public long[] breached = new long[BUILT_IN];

    public long responseSecondsSum;

    public long arrivalLateSecondsSum;
    public long arrivalLateSecondsMax;

    public StatsBucket() {}

    /** The first instant after the bucket. */
    public long end() {
        return start + grain.lengthMillis();
    }

    public long finished(ClockType clock) {
        int i = indexOf(clock.name());
        return i < 0 ? 0 : met[i] + metLate[i];
    }

    /** The index of {@code clock}'s counters, or -1 when the bucket never counted it. */
    public int indexOf(String clock) {
        for (int i = 0; i < clocks.length; i++) {
            if (clocks[i].equals(clock)) {
                return i;
            }
        }
        return -1;
    }

    /** The index of {@code clock}'s counters, added when the bucket never counted it. */
    public int slot(String clock) {
        int i = indexOf(clock);
        if (i >= 0) {
            return i;
        }
        int added = clocks.length;
        clocks = Arrays.copyOf(clocks, added + 1);
        clocks[added] = clock;
        met = Arrays.copyOf(met, added + 1);
        metLate = Arrays.copyOf(metLate, added + 1);
        breached = Arrays.copyOf(breached, added + 1);
        return added;
    }

    /** Adds what {@code other}, a bucket with the same id, counted. */
    public void add(StatsBucket other) {
        for (int j = 0; j < other.clocks.length; j++) {
            int i = slot(other.clocks[j]);
            met[i] += other.met[j];
            metLate[i] += other.metLate[j];
            breached[i] += other.breached[j];
        }
        responseSecondsSum += other.responseSecondsSum;
        arrivalLateSecondsSum += other.arrivalLateSecondsSum;
        arrivalLateSecondsMax = Math.max(arrivalLateSecondsMax, other.arrivalLateSecondsMax);
    }
}
