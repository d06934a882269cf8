package io.slawatch.time;

import io.slawatch.ingest.Decoded;
import io.slawatch.ingest.DecodedRecord;
import io.slawatch.ingest.DecodedReview;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/** How event time is taken from ticket events. */
public final class EventTime {

    /** How late an event may come and still count as in order. */
    public static final Duration DEFAULT_OUT_OF_ORDERNESS = Duration.ofSeconds(2);

    /**
     * How long a source split may be quiet, in real time while it is not backpressured, before its
     * event time follows the wall clock.
     */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(1);

    /**
     * How long a split that has delivered nothing since the job started waits (real time, while it
     * is not backpressured) before following the wall clock: time for a restarted job's backlog to
     * begin arriving.
     */
    public static final Duration DEFAULT_STARTUP_GRACE = Duration.ofSeconds(10);

    /** How often live watermarks are emitted. */
    public static final Duration WATERMARK_INTERVAL = Duration.ofMillis(200);

    private EventTime() {}

    /**
     * Live: bounded out-of-orderness, following {@code clock} on quiet splits; quietness is real
     * time, so a demo's faster clock does not shorten the idle timeout or the startup grace. A
     * split waits for its first event at least as long as for any later one: an idle timeout longer
     * than {@code startupGrace} lengthens the grace too, so a restart slower than the grace (a
     * replacement TaskManager starting) does not breach the clocks its backlog would stop.
     */
    public static WatermarkStrategy<Decoded> live(
            Duration outOfOrderness, Duration idleTimeout, Duration startupGrace, WallClock clock) {
        return live(outOfOrderness, idleTimeout, startupGrace, clock, EventTime::timestamp);
    }

    /** Live event time of reviews: their {@code decidedAt}, otherwise as {@link #live}. */
    public static WatermarkStrategy<DecodedReview> reviewsLive(
            Duration outOfOrderness, Duration idleTimeout, Duration startupGrace, WallClock clock) {
        return live(outOfOrderness, idleTimeout, startupGrace, clock, EventTime::timestamp);
    }

    private static <T extends DecodedRecord> WatermarkStrategy<T> live(
            Duration outOfOrderness,
            Duration idleTimeout,
            Duration startupGrace,
            WallClock clock,
            SerializableTimestampAssigner<T> timestamps) {
        long bound = outOfOrderness.toMillis();
        long idle = idleTimeout.toMillis();
        long grace = Math.max(startupGrace.toMillis(), idle);
        return WatermarkStrategy.<T>forGenerator(
                        new LiveWatermarkGenerators<T>(bound, idle, grace, clock))
                .withTimestampAssigner(timestamps);
    }

    /** Replay: watermarks from the input order alone (see {@link EveryEventWatermarks}). */
    public static WatermarkStrategy<Decoded> replay(Duration outOfOrderness) {
        return replay(outOfOrderness, EventTime::timestamp);
    }

    /** Replay event time of reviews: their {@code decidedAt}, otherwise as {@link #replay}. */
    public static WatermarkStrategy<DecodedReview> reviewsReplay(Duration outOfOrderness) {
        return replay(outOfOrderness, EventTime::timestamp);
    }

    private static <T extends DecodedRecord> WatermarkStrategy<T> replay(
            Duration outOfOrderness, SerializableTimestampAssigner<T> timestamps) {
        long bound = outOfOrderness.toMillis();
        return WatermarkStrategy.<T>forGenerator(context -> new EveryEventWatermarks<T>(bound))
                .withTimestampAssigner(timestamps);
    }

    /**
     * An event's time; a record that could not be decoded keeps the source's timestamp (the Kafka
     * record's, or none for a file) and never moves the watermark.
     */
    public static long timestamp(Decoded record, long sourceTimestamp) {
        return record.ok() ? record.event().occurredAt().toEpochMilli() : sourceTimestamp;
    }

    /** A review's time: when it was decided; as {@link #timestamp(Decoded, long)} otherwise. */
    public static long timestamp(DecodedReview record, long sourceTimestamp) {
        return record.ok() ? record.review().decidedAt().toEpochMilli() : sourceTimestamp;
    }
}
