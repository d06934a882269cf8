package io.slawatch.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.slawatch.model.QuarantineReason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class TopicDocumentDeserializerTest {

    static final String CLOCK_VIEW =
            "{\"clockId\":\"T-1:RESPONSE:1\",\"ticketId\":\"T-1\",\"status\":\"RUNNING\"}";
    static final String TECHNICIAN_HOUR_BUCKET =
            "{\"id\":\"2026-11-23T01:00:00Z:t-03:xuhui\",\"grain\":\"TECHNICIAN_HOUR\","
                    + "\"bucket\":\"2026-11-23T01:00:00Z\",\"arrivals\":2}";
    static final String RETIRED_MINUTE_BUCKET =
            "{\"id\":\"2026-11-23T01:00:00Z:PHONE:URGENT\",\"grain\":\"MINUTE\","
                    + "\"bucket\":\"2026-11-23T01:00:00Z\",\"ticketsCreated\":2}";

    static TopicDocument read(IndexedTopic kind, String value) {
        return read(kind, value.getBytes(StandardCharsets.UTF_8));
    }

    static TopicDocument read(IndexedTopic kind, byte[] value) {
        return new TopicDocumentDeserializer(kind).read("slawatch.x", 0, 42, value);
    }

    @Test
    void shouldWriteWhereAPredictionStandsBesideItsAlert() {
        List<TopicDocument> documents = new ArrayList<>();
        new TopicDocumentDeserializer(IndexedTopic.ALERTS)
                .deserialize(
                        new ConsumerRecord<>(
                                "slawatch.alerts",
                                0,
                                7,
                                null,
                                PredictionViewsTest.PREDICTED.getBytes(StandardCharsets.UTF_8)),
                        new ListCollector<>(documents));

        assertThat(documents)
                .extracting(TopicDocument::index, TopicDocument::id)
                .containsExactly(
                        tuple("slawatch-alerts", "T-1:ARRIVAL:1:PREDICTED_BREACH:1"),
                        tuple("slawatch-predictions", "T-1:ARRIVAL:1"));
    }

    @Test
    void shouldIndexAClockViewWholeUnderItsClockId() {
        assertThat(read(IndexedTopic.CLOCKS, CLOCK_VIEW))
                .isEqualTo(TopicDocument.of("slawatch-clocks", "T-1:RESPONSE:1", CLOCK_VIEW, 42));
    }

    @Test
    void shouldIndexAStatisticsBucketInItsGrainsIndexWithoutItsIdAndGrain() {
        assertThat(read(IndexedTopic.STATS, TECHNICIAN_HOUR_BUCKET))
                .isEqualTo(
                        TopicDocument.of(
                                "slawatch-stats-tech-1h",
                                "2026-11-23T01:00:00Z:t-03:xuhui",
                                "{\"bucket\":\"2026-11-23T01:00:00Z\",\"arrivals\":2}",
                                42));
    }

    @Test
    void shouldSkipABucketOfTheRetiredMinuteGrainThatACompactedTopicStillHolds() {
        List<TopicDocument> documents = new ArrayList<>();
        new TopicDocumentDeserializer(IndexedTopic.STATS)
                .deserialize(
                        new ConsumerRecord<>(
                                "slawatch.stats",
                                0,
                                7,
                                null,
                                RETIRED_MINUTE_BUCKET.getBytes(StandardCharsets.UTF_8)),
                        new ListCollector<>(documents));

        assertThat(documents).isEmpty();
    }

    @Test
    void shouldQuarantineWhatIsNoDocumentOfItsTopicWithItsPosition() {
        TopicDocument noId = read(IndexedTopic.ALERTS, CLOCK_VIEW);
        assertThat(noId.readable()).isFalse();
        assertThat(noId.unreadable().reason()).isEqualTo(QuarantineReason.MISSING_FIELD);
        assertThat(noId.unreadable().detail())
                .isEqualTo("a record of slawatch.x needs a text 'alertId'");
        assertThat(noId.unreadable().payload()).isEqualTo(CLOCK_VIEW);
        assertThat(noId.unreadable().topic()).isEqualTo("slawatch.x");
        assertThat(noId.unreadable().offset()).isEqualTo(42L);

        assertThat(read(IndexedTopic.CLOCKS, "{\"clockId\":").unreadable().reason())
                .isEqualTo(QuarantineReason.MALFORMED_JSON);
        assertThat(read(IndexedTopic.CLOCKS, "[1]").unreadable().reason())
                .isEqualTo(QuarantineReason.MALFORMED_JSON);
        assertThat(read(IndexedTopic.CLOCKS, new byte[] {(byte) 0xff}).unreadable().reason())
                .isEqualTo(QuarantineReason.NOT_UTF8);
        assertThat(
                        read(
                                        IndexedTopic.STATS,
                                        TECHNICIAN_HOUR_BUCKET.replace("TECHNICIAN_HOUR", "WEEK"))
                                .unreadable()
                                .detail())
                .isEqualTo("unknown statistics grain 'WEEK'; one of [TECHNICIAN_HOUR, AGENT_DAY]");
        assertThat(read(IndexedTopic.CLOCKS, (byte[]) null).unreadable().reason())
                .isEqualTo(QuarantineReason.MALFORMED_JSON);
    }
}
