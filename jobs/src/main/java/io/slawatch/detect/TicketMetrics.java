package io.slawatch.detect;

import io.slawatch.model.AlertKind;
import io.slawatch.model.ClockType;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * What {@link TicketSlaFunction} counts: events used, late and duplicate, tickets expired (the last
 * three also as accumulators, which replay and the benchmarks read), and alerts by clock and kind.
 */
final class TicketMetrics {

    private final LongCounter duplicates = new LongCounter();
    private final LongCounter expiredTickets = new LongCounter();
    private final LongCounter late = new LongCounter();
    private final Counter eventsUsed;
    private final Counter eventsDuplicate;
    private final Counter ticketsExpired;
    private final Counter lateEvents;
    private final MetricGroup alerts;
    private final Map<ClockType, Map<AlertKind, Counter>> alertCounters = new HashMap<>();

    TicketMetrics(RuntimeContext context, Collection<ClockType> clocks) {
        context.addAccumulator(TicketSlaFunction.DUPLICATES, duplicates);
        context.addAccumulator(TicketSlaFunction.EXPIRED_TICKETS, expiredTickets);
        context.addAccumulator(TicketSlaFunction.LATE_EVENTS, late);
        MetricGroup metrics = context.getMetricGroup();
        lateEvents = metrics.counter("eventsLate");
        eventsUsed = metrics.counter("eventsUsed");
        eventsDuplicate = metrics.counter("eventsDuplicate");
        ticketsExpired = metrics.counter("ticketsExpired");
        alerts = metrics.addGroup("alerts");
        clocks.forEach(this::alertCounters);
    }

    void lateEvent() {
        late.add(1);
        lateEvents.inc();
    }

    void used() {
        eventsUsed.inc();
    }

    void duplicate() {
        duplicates.add(1);
        eventsDuplicate.inc();
    }

    void expired() {
        expiredTickets.add(1);
        ticketsExpired.inc();
    }

    void alert(ClockType clock, AlertKind kind) {
        alertCounters(clock).get(kind).inc();
    }

    /** A clock's counters, registered when a version that runs it is first seen. */
    private Map<AlertKind, Counter> alertCounters(ClockType clock) {
        return alertCounters.computeIfAbsent(
                clock,
                named -> {
                    Map<AlertKind, Counter> byKind = new EnumMap<>(AlertKind.class);
                    for (AlertKind kind : AlertKind.values()) {
                        byKind.put(
                                kind,
                                alerts.addGroup("clock", named.name())
                                        .addGroup("kind", kind.name())
                                        .counter("count"));
                    }
                    return byKind;
                });
    }
}
