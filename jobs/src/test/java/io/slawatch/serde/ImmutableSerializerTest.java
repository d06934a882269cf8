package io.slawatch.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.model.Channel;
import io.slawatch.model.Complexity;
import io.slawatch.model.EventType;
import io.slawatch.model.Priority;
import io.slawatch.model.TicketEvent;
import java.time.Instant;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class ImmutableSerializerTest {

    private static final Instant MONDAY_0900 = IsoInstants.parse("2026-11-23T09:00:00+08:00");

    private static final TicketEvent CREATED_BY_PHONE =
            new TicketEvent(
                    "T-1-e1",
                    "T-1",
                    EventType.CREATED,
                    MONDAY_0900,
                    Channel.PHONE,
                    Priority.NORMAL,
                    Complexity.STANDARD,
                    false,
                    "A-1",
                    null,
                    "TEAM-1",
                    "NORTH",
                    null,
                    null,
                    "C-1");

    private final TypeSerializer<TicketEvent> serializer =
            ImmutableTypeInfo.of(TicketEvent.class).createSerializer(new SerializerConfigImpl());

    @Test
    void shouldHandOnTheRecordItselfInsteadOfACopy() {
        assertThat(serializer.copy(CREATED_BY_PHONE)).isSameAs(CREATED_BY_PHONE);
        assertThat(serializer.copy(CREATED_BY_PHONE, null)).isSameAs(CREATED_BY_PHONE);
        assertThat(serializer.isImmutableType()).isTrue();
    }

    @Test
    void shouldWriteTheSameBytesAsTheRecordsOwnSerializer() throws Exception {
        TypeSerializer<TicketEvent> own =
                TypeInformation.of(TicketEvent.class).createSerializer(new SerializerConfigImpl());
        DataOutputSerializer written = new DataOutputSerializer(256);
        serializer.serialize(CREATED_BY_PHONE, written);
        DataOutputSerializer ownWritten = new DataOutputSerializer(256);
        own.serialize(CREATED_BY_PHONE, ownWritten);

        assertThat(written.getCopyOfBuffer()).isEqualTo(ownWritten.getCopyOfBuffer());
        assertThat(serializer.deserialize(new DataInputDeserializer(written.getCopyOfBuffer())))
                .isEqualTo(CREATED_BY_PHONE);
    }

    @Test
    void shouldRestoreAnEqualSerializerFromItsSnapshot() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(256);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, serializer.snapshotConfiguration());
        TypeSerializerSnapshot<TicketEvent> read =
                TypeSerializerSnapshot.readVersionedSnapshot(
                        new DataInputDeserializer(out.getCopyOfBuffer()),
                        getClass().getClassLoader());

        assertThat(read.restoreSerializer()).isEqualTo(serializer);
        assertThat(
                        serializer
                                .snapshotConfiguration()
                                .resolveSchemaCompatibility(read)
                                .isCompatibleAsIs())
                .isTrue();
    }

    @Test
    void shouldBeOneTypeForEveryStreamOfTheSameRecords() {
        assertThat(ImmutableTypeInfo.of(TicketEvent.class))
                .isEqualTo(ImmutableTypeInfo.of(TicketEvent.class))
                .hasSameHashCodeAs(ImmutableTypeInfo.of(TicketEvent.class))
                .isNotEqualTo(TypeInformation.of(TicketEvent.class));
    }
}
