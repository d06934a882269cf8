package io.slawatch.state;

import io.slawatch.model.Channel;
import io.slawatch.model.ClockType;
import io.slawatch.model.Complexity;
import io.slawatch.model.EventType;
import io.slawatch.model.Priority;
import io.slawatch.model.TicketEvent;
import java.io.IOException;
import java.time.Instant;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Hand-written, compact serializer of {@link TicketState}: no Kryo, no reflection. Each value
 * starts with a format version so that later versions can read older checkpoints.
 */
public final class TicketStateSerializer extends TypeSerializerSingleton<TicketState> {

    private static final long serialVersionUID = 1L;

    public static final TicketStateSerializer INSTANCE = new TicketStateSerializer();

    /**
     * 3 names each clock (a policy defines clocks beyond the three built in) and writes only those
     * that started; 2 added the customerId of tickets and pending events. Both are still read.
     */
    private static final byte FORMAT = 3;

    private static final byte FORMAT_BUILT_IN_CLOCKS = 2;
    private static final byte FORMAT_WITHOUT_CUSTOMER = 1;
    private static final ClockStatus[] STATUSES = ClockStatus.values();
    private static final EventType[] EVENT_TYPES = EventType.values();
    private static final Channel[] CHANNELS = Channel.values();
    private static final Priority[] PRIORITIES = Priority.values();
    private static final Complexity[] COMPLEXITIES = Complexity.values();

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TicketState createInstance() {
        return new TicketState();
    }

    @Override
    public TicketState copy(TicketState from) {
        return from.copy();
    }

    @Override
    public TicketState copy(TicketState from, TicketState reuse) {
        return from.copy();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(TicketState state, DataOutputView out) throws IOException {
        out.writeByte(FORMAT);
        out.writeBoolean(state.created);
        out.writeLong(state.createdAt);
        writeString(out, state.policyVersion);
        writeEnum(out, state.channel);
        writeEnum(out, state.priority);
        writeEnum(out, state.complexity);
        out.writeBoolean(state.onsite);
        writeString(out, state.agentId);
        writeString(out, state.techId);
        writeString(out, state.team);
        writeString(out, state.region);
        writeString(out, state.customerId);
        out.writeLong(state.lastEventAt);
        out.writeLong(state.closedAt);
        out.writeLong(state.wakeAt);
        out.writeInt(state.seenCount);
        for (int i = 0; i < state.seenCount; i++) {
            out.writeLong(state.seenEvents[i]);
        }
        out.writeByte(state.clocks.length);
        for (ClockState clock : state.clocks) {
            writeClock(out, clock);
        }
        out.writeInt(state.pending.size());
        for (TicketEvent event : state.pending) {
            writeEvent(out, event);
        }
    }

    @Override
    public TicketState deserialize(DataInputView in) throws IOException {
        byte format = in.readByte();
        if (format != FORMAT
                && format != FORMAT_BUILT_IN_CLOCKS
                && format != FORMAT_WITHOUT_CUSTOMER) {
            throw new IOException("unknown ticket state format " + format);
        }
        TicketState state = new TicketState();
        state.created = in.readBoolean();
        state.createdAt = in.readLong();
        state.policyVersion = readString(in);
        state.channel = readEnum(in, CHANNELS);
        state.priority = readEnum(in, PRIORITIES);
        state.complexity = readEnum(in, COMPLEXITIES);
        state.onsite = in.readBoolean();
        state.agentId = readString(in);
        state.techId = readString(in);
        state.team = readString(in);
        state.region = readString(in);
        boolean withCustomer = format != FORMAT_WITHOUT_CUSTOMER;
        state.customerId = withCustomer ? readString(in) : null;
        state.lastEventAt = in.readLong();
        state.closedAt = in.readLong();
        state.wakeAt = in.readLong();
        state.seenCount = in.readInt();
        state.seenEvents = new long[state.seenCount];
        for (int i = 0; i < state.seenCount; i++) {
            state.seenEvents[i] = in.readLong();
        }
        if (format == FORMAT) {
            state.clocks = new ClockState[in.readUnsignedByte()];
            for (int i = 0; i < state.clocks.length; i++) {
                state.clocks[i] = readClock(in, ClockType.of(in.readUTF()));
            }
        } else {
            for (int slot = 0; slot < ClockType.BUILT_IN.size(); slot++) {
                if (in.readBoolean()) {
                    state.put(readClock(in, ClockType.BUILT_IN.get(in.readByte())));
                }
            }
        }
        int pending = in.readInt();
        for (int i = 0; i < pending; i++) {
            state.pending.add(readEvent(in, withCustomer));
        }
        return state;
    }

    @Override
    public TicketState deserialize(TicketState reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        serialize(deserialize(in), out);
    }

    @Override
    public TypeSerializerSnapshot<TicketState> snapshotConfiguration() {
        return new TicketStateSerializerSnapshot();
    }

    /** Restores this serializer from checkpoints and savepoints. */
    public static final class TicketStateSerializerSnapshot
            extends SimpleTypeSerializerSnapshot<TicketState> {
        public TicketStateSerializerSnapshot() {
            super(() -> INSTANCE);
        }
    }

    private static void writeClock(DataOutputView out, ClockState clock) throws IOException {
        out.writeUTF(clock.type.name());
        out.writeInt(clock.cycle);
        writeEnum(out, clock.status);
        out.writeLong(clock.startedAt);
        out.writeLong(clock.targetSeconds);
        writeString(out, clock.calendar);
        out.writeInt(clock.extensionBasisPoints);
        out.writeInt(clock.targetRuleLine);
        out.writeLong(clock.pausedSeconds);
        out.writeLong(clock.pausedSince);
        out.writeInt(clock.pauseDepth);
        out.writeLong(clock.firedMask);
        out.writeLong(clock.endedAt);
    }

    private static ClockState readClock(DataInputView in, ClockType type) throws IOException {
        ClockState clock = new ClockState();
        clock.type = type;
        clock.cycle = in.readInt();
        clock.status = readEnum(in, STATUSES);
        clock.startedAt = in.readLong();
        clock.targetSeconds = in.readLong();
        clock.calendar = readString(in);
        clock.extensionBasisPoints = in.readInt();
        clock.targetRuleLine = in.readInt();
        clock.pausedSeconds = in.readLong();
        clock.pausedSince = in.readLong();
        clock.pauseDepth = in.readInt();
        clock.firedMask = in.readLong();
        clock.endedAt = in.readLong();
        return clock;
    }

    private static void writeEvent(DataOutputView out, TicketEvent event) throws IOException {
        writeString(out, event.eventId());
        writeString(out, event.ticketId());
        writeEnum(out, event.type());
        writeInstant(out, event.occurredAt());
        writeEnum(out, event.channel());
        writeEnum(out, event.priority());
        writeEnum(out, event.complexity());
        out.writeByte(event.onsite() == null ? -1 : event.onsite() ? 1 : 0);
        writeString(out, event.agentId());
        writeString(out, event.techId());
        writeString(out, event.team());
        writeString(out, event.region());
        writeInstant(out, event.etaAt());
        writeString(out, event.reason());
        writeString(out, event.customerId());
    }

    private static TicketEvent readEvent(DataInputView in, boolean withCustomer)
            throws IOException {
        String eventId = readString(in);
        String ticketId = readString(in);
        EventType type = readEnum(in, EVENT_TYPES);
        Instant occurredAt = readInstant(in);
        Channel channel = readEnum(in, CHANNELS);
        Priority priority = readEnum(in, PRIORITIES);
        Complexity complexity = readEnum(in, COMPLEXITIES);
        byte onsite = in.readByte();
        return new TicketEvent(
                eventId,
                ticketId,
                type,
                occurredAt,
                channel,
                priority,
                complexity,
                onsite < 0 ? null : onsite == 1,
                readString(in),
                readString(in),
                readString(in),
                readString(in),
                readInstant(in),
                readString(in),
                withCustomer ? readString(in) : null);
    }

    private static void writeString(DataOutputView out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readString(DataInputView in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void writeEnum(DataOutputView out, Enum<?> value) throws IOException {
        out.writeByte(value == null ? -1 : value.ordinal());
    }

    private static <E extends Enum<E>> E readEnum(DataInputView in, E[] values) throws IOException {
        byte ordinal = in.readByte();
        return ordinal < 0 ? null : values[ordinal];
    }

    private static void writeInstant(DataOutputView out, Instant value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value.getEpochSecond());
            out.writeInt(value.getNano());
        }
    }

    private static Instant readInstant(DataInputView in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }
}
