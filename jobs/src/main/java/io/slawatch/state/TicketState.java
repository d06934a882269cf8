package io.slawatch.state;

import io.slawatch.model.Channel;
import io.slawatch.model.ClockType;
import io.slawatch.model.Complexity;
import io.slawatch.model.Priority;
import io.slawatch.model.TicketAttributes;
import io.slawatch.model.TicketEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Everything slawatch keeps about one ticket, in one keyed value. No personal data: only the fields
 * of {@link TicketEvent}, which drops it while decoding.
 *
 * <p>Cleared when the ticket's retention after CLOSED or CANCELLED has passed, when it has been
 * open longer than the policy's safety horizon, or (before its CREATED arrived) when its buffered
 * events leave as orphans. Without CLOSED it would otherwise stay until the safety horizon.
 */
public final class TicketState {

    public static final long NONE = Long.MIN_VALUE;

    private static final ClockState[] NO_CLOCKS = new ClockState[0];

    public boolean created;
    public long createdAt = NONE;
    public String policyVersion;
    public Channel channel;
    public Priority priority;
    public Complexity complexity;
    public boolean onsite;
    public String agentId;
    public String techId;
    public String team;
    public String region;

    /** Pseudonymous, from CREATED; the ledger's customer subject. */
    public String customerId;

    /** The latest event time applied to the ticket. */
    public long lastEventAt = NONE;

    /** When the ticket was CLOSED or CANCELLED: its retention starts there. */
    public long closedAt = NONE;

    /** The one event-time timer registered for this ticket, or NONE. */
    public long wakeAt = NONE;

    /** 64-bit hashes of the event ids seen, for duplicate detection. */
    public long[] seenEvents = new long[0];

    public int seenCount;

    /**
     * The latest cycle of each clock that ever started, in the order they first started; a clock
     * that never started has none. Never null entries.
     */
    public ClockState[] clocks = NO_CLOCKS;

    /** Events that came before the ticket's CREATED, in arrival order. */
    public final List<TicketEvent> pending = new ArrayList<>();

    /** The attributes every output of this ticket carries, as they are now. */
    public TicketAttributes attributes() {
        return new TicketAttributes(
                channel,
                priority,
                complexity,
                agentId,
                techId,
                team,
                region,
                policyVersion,
                customerId);
    }

    /** The latest cycle of {@code type}, or null when that clock never started. */
    public ClockState clock(ClockType type) {
        for (ClockState clock : clocks) {
            if (clock.type.equals(type)) {
                return clock;
            }
        }
        return null;
    }

    /** Makes {@code clock} the latest cycle of its clock. */
    public void put(ClockState clock) {
        for (int i = 0; i < clocks.length; i++) {
            if (clocks[i].type.equals(clock.type)) {
                clocks[i] = clock;
                return;
            }
        }
        clocks = Arrays.copyOf(clocks, clocks.length + 1);
        clocks[clocks.length - 1] = clock;
    }

    /** Records {@code eventId}; false when it was seen before (a duplicate). */
    public boolean firstSighting(String eventId) {
        long hash = hash(eventId);
        for (int i = 0; i < seenCount; i++) {
            if (seenEvents[i] == hash) {
                return false;
            }
        }
        if (seenCount == seenEvents.length) {
            seenEvents = Arrays.copyOf(seenEvents, Math.max(8, seenCount * 2));
        }
        seenEvents[seenCount++] = hash;
        return true;
    }

    /** FNV-1a, 64 bits: a collision between two ids of one ticket is vanishingly unlikely. */
    static long hash(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    public TicketState copy() {
        TicketState copy = new TicketState();
        copy.created = created;
        copy.createdAt = createdAt;
        copy.policyVersion = policyVersion;
        copy.channel = channel;
        copy.priority = priority;
        copy.complexity = complexity;
        copy.onsite = onsite;
        copy.agentId = agentId;
        copy.techId = techId;
        copy.team = team;
        copy.region = region;
        copy.customerId = customerId;
        copy.lastEventAt = lastEventAt;
        copy.closedAt = closedAt;
        copy.wakeAt = wakeAt;
        copy.seenEvents = Arrays.copyOf(seenEvents, seenEvents.length);
        copy.seenCount = seenCount;
        copy.clocks = new ClockState[clocks.length];
        for (int i = 0; i < clocks.length; i++) {
            copy.clocks[i] = clocks[i].copy();
        }
        copy.pending.addAll(pending);
        return copy;
    }
}
