package io.slawatch.time;

import io.slawatch.model.TicketEvent;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/** How event time is taken from ticket events. */
public final class EventTime {

    /** How late an event may come and still count as in order. */
    public static final Duration DEFAULT_OUT_OF_ORDERNESS = Duration.ofSeconds(2);

    private EventTime() {}

    /** Replay: watermarks from the input order alone (see {@link EveryEventWatermarks}). */
    public static WatermarkStrategy<TicketEvent> replay(Duration outOfOrderness) {
        long bound = outOfOrderness.toMillis();
        return WatermarkStrategy.<TicketEvent>forGenerator(
                        context -> new EveryEventWatermarks(bound))
                .withTimestampAssigner((event, previous) -> event.occurredAt().toEpochMilli());
    }
}
