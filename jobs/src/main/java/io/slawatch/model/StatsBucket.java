package io.slawatch.model;

import java.util.Arrays;

/**
 * The running sums of one statistics bucket: one grain, one time bucket, one combination of
 * dimensions. Counters per clock are indexed by {@link ClockType#ordinal()}. A flat, mutable POJO
 * so that Flink's POJO serializer stores it and can evolve it, and so that adding a sample
 * allocates nothing.
 */
public class StatsBucket {

    static final int CLOCKS = ClockType.values().length;

    public String id;
    public StatsGrain grain;
    public long start;
    public Channel channel;
    public Priority priority;
    public String agentId;
    public String techId;
    public String team;
    public String region;

    public long ticketsCreated;
    public long[] started = new long[CLOCKS];
    public long[] met = new long[CLOCKS];
    public long[] metLate = new long[CLOCKS];
    public long[] atRisk = new long[CLOCKS];
    public long[] breached = new long[CLOCKS];
    public long[] escalated = new long[CLOCKS];

    public long responseSecondsSum;

    /** Every response time of the bucket, for exact percentiles; kept for the minute grain only. */
    public long[] responseSeconds = new long[0];

    public long arrivalLateSecondsSum;
    public long arrivalLateSecondsMax;

    public StatsBucket() {}

    /** The first instant after the bucket. */
    public long end() {
        return start + grain.lengthMillis();
    }

    public long finished(ClockType clock) {
        return met[clock.ordinal()] + metLate[clock.ordinal()];
    }

    /** Adds what {@code other}, a bucket with the same id, counted. */
    public void add(StatsBucket other) {
        ticketsCreated += other.ticketsCreated;
        for (int i = 0; i < CLOCKS; i++) {
            started[i] += other.started[i];
            met[i] += other.met[i];
            metLate[i] += other.metLate[i];
            atRisk[i] += other.atRisk[i];
            breached[i] += other.breached[i];
            escalated[i] += other.escalated[i];
        }
        responseSecondsSum += other.responseSecondsSum;
        if (other.responseSeconds.length > 0) {
            long[] merged =
                    Arrays.copyOf(
                            responseSeconds, responseSeconds.length + other.responseSeconds.length);
            System.arraycopy(
                    other.responseSeconds,
                    0,
                    merged,
                    responseSeconds.length,
                    other.responseSeconds.length);
            responseSeconds = merged;
        }
        arrivalLateSecondsSum += other.arrivalLateSecondsSum;
        arrivalLateSecondsMax = Math.max(arrivalLateSecondsMax, other.arrivalLateSecondsMax);
    }
}
