package io.slawatch.time;

import io.slawatch.ingest.Decoded;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/** How event time is taken from ticket events. */
public final class EventTime {

    /** How late an event may come and still count as in order. */
    public static final Duration DEFAULT_OUT_OF_ORDERNESS = Duration.ofSeconds(2);

    private EventTime() {}

    /** Replay: watermarks from the input order alone (see {@link EveryEventWatermarks}). */
    public static WatermarkStrategy<Decoded> replay(Duration outOfOrderness) {
        long bound = outOfOrderness.toMillis();
        return WatermarkStrategy.<Decoded>forGenerator(context -> new EveryEventWatermarks(bound))
                .withTimestampAssigner(EventTime::timestamp);
    }

    /**
     * An event's time; a record that could not be decoded keeps the source's timestamp (the Kafka
     * record's, or none for a file) and never moves the watermark.
     */
    static long timestamp(Decoded record, long sourceTimestamp) {
        return record.ok() ? record.event().occurredAt().toEpochMilli() : sourceTimestamp;
    }
}
