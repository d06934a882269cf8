package io.slawatch.model;

import java.time.Duration;

/** The statistics slawatch keeps: an index, a bucket length and the dimensions of a bucket. */
public enum StatsGrain {
    /**
     * Retired: nothing counts in it, the dashboards sum the clock cycles' own tallies instead. Kept
     * so that a savepoint holding one of its buckets restores; {@code RollingStatsFunction} drops
     * such a bucket unwritten.
     */
    MINUTE(null, Duration.ofMinutes(1)),
    /** Per hour, per technician and region: arrivals and their lateness. */
    TECHNICIAN_HOUR("slawatch-stats-tech-1h", Duration.ofHours(1)),
    /** Per UTC day, per agent and team: responses and breaches. */
    AGENT_DAY("slawatch-stats-agent-1d", Duration.ofDays(1));

    private final String index;
    private final Duration length;

    StatsGrain(String index, Duration length) {
        this.index = index;
        this.length = length;
    }

    public String index() {
        return index;
    }

    public boolean isRetired() {
        return index == null;
    }

    public long lengthMillis() {
        return length.toMillis();
    }

    /** The start of the bucket holding {@code at}. */
    public long bucketStart(long at) {
        return Math.floorDiv(at, lengthMillis()) * lengthMillis();
    }
}
