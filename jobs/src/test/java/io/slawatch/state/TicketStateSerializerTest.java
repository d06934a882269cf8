package io.slawatch.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.model.Channel;
import io.slawatch.model.ClockType;
import io.slawatch.model.Complexity;
import io.slawatch.model.EventType;
import io.slawatch.model.Priority;
import io.slawatch.model.TicketEvent;
import java.time.Instant;
import java.util.Base64;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class TicketStateSerializerTest {

    /**
     * {@link #ticketOnItsSecondResolutionCycle()} as the serializer wrote it in format 2, before
     * clocks had names (a clock was the ordinal of a fixed set of three).
     */
    private static final String FORMAT_2_TICKET =
            "AgEAAAGarjmSgAEACTIwMjYuMTEtMQIAAQEBAANhLTEAAQAFbm9ydGgAAAAAAZquOxkgAAABmq48n8AAAAGa"
                    + "rj4mYAAAAALDxcgY8QimssPFxxjxCKT/AAABAgAAAAIBAAABmq45koAAAAAAAAFRgAEABDI0eDcAA"
                    + "AfQAAAARQAAAAAAAAJYAAABmq46VdAAAAACAAAAAAABAAGAAAAAAAAAAAAAAAEBAANlLTMBAANULTE"
                    + "BAQAAAABrA5AaDuaygP///wABAANhLTIAAAEABnB1ZG9uZwEAAAAAawThkAAAAAAAAQADYy05";

    @Test
    void shouldRoundTripEveryField() throws Exception {
        TicketState state = ticketOnItsSecondResolutionCycle();

        DataOutputSerializer out = new DataOutputSerializer(256);
        TicketStateSerializer.INSTANCE.serialize(state, out);
        TicketState read =
                TicketStateSerializer.INSTANCE.deserialize(
                        new DataInputDeserializer(out.getCopyOfBuffer()));

        assertThat(read).usingRecursiveComparison().ignoringFields("seenEvents").isEqualTo(state);
        assertThat(read.clock(ClockType.RESOLUTION)).isNotNull();
        assertThat(read.firstSighting("e-2")).isFalse();
        assertThat(read.firstSighting("e-4")).isTrue();
        assertThat(out.length())
                .as("bytes for a ticket with one clock and one held event")
                .isLessThan(300);
    }

    @Test
    void shouldReadStatesWrittenBeforeClocksHadNames() throws Exception {
        TicketState read =
                TicketStateSerializer.INSTANCE.deserialize(
                        new DataInputDeserializer(Base64.getDecoder().decode(FORMAT_2_TICKET)));

        assertThat(read)
                .usingRecursiveComparison()
                .ignoringFields("seenEvents")
                .isEqualTo(ticketOnItsSecondResolutionCycle());
    }

    @Test
    void shouldKeepAClockThePolicyDefinedUnderItsName() throws Exception {
        TicketState state = ticketOnItsSecondResolutionCycle();
        ClockState complaint = state.clock(ClockType.RESOLUTION).copy();
        complaint.type = ClockType.of("COMPLAINT_REPLY");
        complaint.cycle = 1;
        state.put(complaint);

        DataOutputSerializer out = new DataOutputSerializer(256);
        TicketStateSerializer.INSTANCE.serialize(state, out);
        TicketState read =
                TicketStateSerializer.INSTANCE.deserialize(
                        new DataInputDeserializer(out.getCopyOfBuffer()));

        assertThat(read.clocks).hasSize(2);
        assertThat(read.clock(ClockType.of("COMPLAINT_REPLY")))
                .usingRecursiveComparison()
                .isEqualTo(complaint);
        assertThat(read.clock(ClockType.of("COMPLAINT_REPLY")).type)
                .isSameAs(ClockType.of("COMPLAINT_REPLY"));
    }

    private static TicketState ticketOnItsSecondResolutionCycle() {
        TicketState state = new TicketState();
        state.created = true;
        state.createdAt = 1_763_859_600_000L;
        state.policyVersion = "2026.11-1";
        state.channel = Channel.EMAIL;
        state.priority = Priority.CRITICAL;
        state.complexity = Complexity.COMPLEX;
        state.onsite = true;
        state.agentId = "a-1";
        state.team = "north";
        state.lastEventAt = 1_763_859_700_000L;
        state.closedAt = 1_763_859_800_000L;
        state.wakeAt = 1_763_859_900_000L;
        state.firstSighting("e-1");
        state.firstSighting("e-2");
        ClockState clock = new ClockState();
        clock.type = ClockType.RESOLUTION;
        clock.cycle = 2;
        clock.status = ClockStatus.PAUSED;
        clock.startedAt = 1_763_859_600_000L;
        clock.targetSeconds = 86_400;
        clock.calendar = "24x7";
        clock.extensionBasisPoints = 2000;
        clock.targetRuleLine = 69;
        clock.pausedSeconds = 600;
        clock.pausedSince = 1_763_859_650_000L;
        clock.pauseDepth = 2;
        clock.firedMask = 0b1_0000_0000_0000_0001L;
        state.put(clock);
        state.pending.add(
                new TicketEvent(
                        "e-3",
                        "T-1",
                        EventType.RESPONDED,
                        Instant.parse("2026-11-23T01:00:10.250Z"),
                        null,
                        null,
                        null,
                        false,
                        "a-2",
                        null,
                        null,
                        "pudong",
                        Instant.parse("2026-11-24T01:00:00Z"),
                        null,
                        "c-9"));
        return state;
    }
}
