package io.slawatch.time;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;

/**
 * A keyed operator's inputs waiting for the watermark to pass their event time, so that the
 * operator applies them in event-time order whatever order they arrived in from its inputs: the
 * ledger, or a learned model, must not depend on which subtask or topic was faster.
 *
 * <p>Each waiting instant has one event-time timer; {@link #take} at that timer clears it. Nothing
 * waits past its own instant, so nothing leaks.
 */
public final class Inbox<T> {

    private final MapState<Long, List<T>> waiting;

    public Inbox(RuntimeContext runtime, String name, TypeInformation<T> type) {
        waiting = runtime.getMapState(new MapStateDescriptor<>(name, Types.LONG, Types.LIST(type)));
    }

    /**
     * Keeps {@code item} until the watermark passes {@code at}; false when it already has (a late
     * input, for the caller to apply at once).
     */
    public boolean offer(T item, long at, TimerService timers) throws Exception {
        if (at <= timers.currentWatermark()) {
            return false;
        }
        keep(item, at, timers);
        return true;
    }

    /**
     * Keeps {@code item} for instant {@code at} even when the watermark has passed it: what an
     * operator schedules for itself while applying an earlier instant (the watermark jumped over
     * both) still comes after the inputs of the instants between, as their timers fire in order.
     */
    public void keep(T item, long at, TimerService timers) throws Exception {
        List<T> items = waiting.get(at);
        if (items == null) {
            items = new ArrayList<>(1);
            timers.registerEventTimeTimer(at);
        }
        items.add(item);
        waiting.put(at, items);
    }

    /** The inputs of instant {@code at}, removed; empty when none waited for it. */
    public List<T> take(long at) throws Exception {
        List<T> items = waiting.get(at);
        if (items == null) {
            return List.of();
        }
        waiting.remove(at);
        return items;
    }

    public boolean isEmpty() throws Exception {
        return waiting.isEmpty();
    }
}
