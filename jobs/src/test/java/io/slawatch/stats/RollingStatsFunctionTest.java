package io.slawatch.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.model.Channel;
import io.slawatch.model.ClockType;
import io.slawatch.model.Complexity;
import io.slawatch.model.Priority;
import io.slawatch.model.SampleKind;
import io.slawatch.model.StatsBucket;
import io.slawatch.model.StatsSample;
import io.slawatch.model.TicketAttributes;
import io.slawatch.serde.Json;
import io.slawatch.sink.ElasticsearchIndices;
import io.slawatch.sink.IndexedDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Statistics buckets in event time: emitted when complete, corrected when late, then cleared. */
class RollingStatsFunctionTest {

    static final Instant MONDAY_1015 = Instant.parse("2026-11-16T10:15:00Z");
    static final Instant MONDAY_1015_20 = Instant.parse("2026-11-16T10:15:20Z");
    static final Instant MONDAY_1015_40 = Instant.parse("2026-11-16T10:15:40Z");
    static final Instant MONDAY_1016 = Instant.parse("2026-11-16T10:16:00Z");
    static final Instant MONDAY_1116 = Instant.parse("2026-11-16T11:16:00Z");
    static final Duration ONE_HOUR_LATENESS = Duration.ofHours(1);

    KeyedOneInputStreamOperatorTestHarness<String, StatsBucket, StatsBucket> harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new RollingStatsFunction(ONE_HOUR_LATENESS),
                        bucket -> bucket.id,
                        Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    static StatsSample created(Instant at) {
        return sample(SampleKind.TICKET_CREATED, at, null, 0, 0);
    }

    static StatsSample responseMet(Instant at, long seconds) {
        return sample(SampleKind.MET, at, ClockType.RESPONSE, seconds, 0);
    }

    static StatsSample responseBreached(Instant deadline) {
        return sample(SampleKind.BREACHED, deadline, ClockType.RESPONSE, 0, 0);
    }

    static StatsSample responseBreachRetracted(Instant deadline) {
        return sample(SampleKind.BREACH_RETRACTED, deadline, ClockType.RESPONSE, 0, 0);
    }

    static StatsSample arrivalMetLate(Instant at, long lateSeconds) {
        return sample(SampleKind.MET_LATE, at, ClockType.ARRIVAL, 7200 + lateSeconds, lateSeconds);
    }

    static StatsSample sample(
            SampleKind kind, Instant at, ClockType clock, long elapsed, long late) {
        return new StatsSample(
                kind,
                at.toEpochMilli(),
                clock,
                new TicketAttributes(
                        Channel.CHAT,
                        Priority.URGENT,
                        Complexity.STANDARD,
                        "a-17",
                        "t-03",
                        "north",
                        "xuhui",
                        "2026.11-1",
                        null),
                elapsed,
                late);
    }

    void send(StatsSample... samples) throws Exception {
        for (StatsSample sample : samples) {
            for (StatsBucket bucket : StatsSamples.buckets(sample)) {
                harness.processElement(bucket, sample.at());
            }
        }
    }

    List<String> documents() throws Exception {
        List<String> documents = new java.util.ArrayList<>();
        for (StatsBucket bucket : harness.extractOutputValues()) {
            IndexedDocument document = ElasticsearchIndices.stats(bucket);
            documents.add(
                    document.index()
                            + " "
                            + document.id()
                            + " "
                            + Json.mapper().writeValueAsString(document.source()));
        }
        harness.getOutput().clear();
        return documents;
    }

    @Test
    void shouldEmitEachBucketOnceWhenTheWatermarkPassesItsEnd() throws Exception {
        send(
                created(MONDAY_1015),
                responseMet(MONDAY_1015_20, 40),
                responseMet(MONDAY_1015_40, 100));
        harness.processWatermark(MONDAY_1015_40.toEpochMilli());
        assertThat(documents()).as("the minute is not over").isEmpty();

        harness.processWatermark(MONDAY_1016.toEpochMilli());

        assertThat(documents())
                .containsExactly(
                        "slawatch-stats-1m 2026-11-16T10:15:00Z:CHAT:URGENT"
                                + " {\"bucket\":\"2026-11-16T10:15:00Z\",\"channel\":\"CHAT\",\"priority\":\"URGENT\",\"ticketsCreated\":1,"
                                + "\"clocks\":{\"started\":0,\"met\":2,\"metLate\":0,\"finished\":2,\"atRisk\":0,\"breached\":0,\"escalated\":0},"
                                + "\"response\":{\"started\":0,\"met\":2,\"metLate\":0,\"finished\":2,\"metRate\":1.0,\"atRisk\":0,\"breached\":0,\"escalated\":0},"
                                + "\"arrival\":{\"started\":0,\"met\":0,\"metLate\":0,\"finished\":0,\"atRisk\":0,\"breached\":0,\"escalated\":0},"
                                + "\"resolution\":{\"started\":0,\"met\":0,\"metLate\":0,\"finished\":0,\"atRisk\":0,\"breached\":0,\"escalated\":0},"
                                + "\"responseSeconds\":{\"count\":2,\"sum\":140,\"mean\":70.0,\"p50\":40,\"p90\":100,\"p99\":100,\"max\":100}}");
        harness.processWatermark(Long.MAX_VALUE);
        assertThat(documents())
                .as("the agent's day ends later")
                .containsExactly(
                        "slawatch-stats-agent-1d 2026-11-16T00:00:00Z:a-17:north"
                                + " {\"bucket\":\"2026-11-16T00:00:00Z\",\"agentId\":\"a-17\",\"team\":\"north\",\"responses\":2,"
                                + "\"responseSeconds\":{\"sum\":140,\"mean\":70.0},"
                                + "\"breached\":{\"response\":0,\"arrival\":0,\"resolution\":0,\"total\":0}}");
    }

    @Test
    void shouldOverwriteTheBucketWhenALateSampleCorrectsIt() throws Exception {
        send(responseBreached(MONDAY_1015_20), arrivalMetLate(MONDAY_1015_40, 600));
        harness.processWatermark(MONDAY_1016.toEpochMilli());
        assertThat(documents()).hasSize(1);

        send(responseBreachRetracted(MONDAY_1015_20));

        assertThat(documents())
                .as("the retraction rewrites the closed minute at once")
                .containsExactly(
                        "slawatch-stats-1m 2026-11-16T10:15:00Z:CHAT:URGENT"
                                + " {\"bucket\":\"2026-11-16T10:15:00Z\",\"channel\":\"CHAT\",\"priority\":\"URGENT\",\"ticketsCreated\":0,"
                                + "\"clocks\":{\"started\":0,\"met\":0,\"metLate\":1,\"finished\":1,\"atRisk\":0,\"breached\":0,\"escalated\":0},"
                                + "\"response\":{\"started\":0,\"met\":0,\"metLate\":0,\"finished\":0,\"atRisk\":0,\"breached\":0,\"escalated\":0},"
                                + "\"arrival\":{\"started\":0,\"met\":0,\"metLate\":1,\"finished\":1,\"metRate\":0.0,\"atRisk\":0,\"breached\":0,\"escalated\":0},"
                                + "\"resolution\":{\"started\":0,\"met\":0,\"metLate\":0,\"finished\":0,\"atRisk\":0,\"breached\":0,\"escalated\":0}}");
        harness.processWatermark(Long.MAX_VALUE);
        assertThat(documents())
                .as("the agent's day counts the breach and its retraction")
                .contains(
                        "slawatch-stats-agent-1d 2026-11-16T00:00:00Z:a-17:north"
                                + " {\"bucket\":\"2026-11-16T00:00:00Z\",\"agentId\":\"a-17\",\"team\":\"north\",\"responses\":0,"
                                + "\"responseSeconds\":{\"sum\":0},"
                                + "\"breached\":{\"response\":0,\"arrival\":0,\"resolution\":0,\"total\":0}}");
    }

    @Test
    void shouldCountTechnicianArrivalsAndLatenessPerHour() throws Exception {
        send(arrivalMetLate(MONDAY_1015_20, 600), arrivalMetLate(MONDAY_1015_40, 60));
        harness.processWatermark(Long.MAX_VALUE);

        assertThat(documents())
                .filteredOn(document -> document.startsWith("slawatch-stats-tech-1h"))
                .containsExactly(
                        "slawatch-stats-tech-1h 2026-11-16T10:00:00Z:t-03:xuhui"
                                + " {\"bucket\":\"2026-11-16T10:00:00Z\",\"techId\":\"t-03\",\"region\":\"xuhui\","
                                + "\"arrivals\":2,\"arrivalsOnTime\":0,\"arrivalsLate\":2,\"onTimeRate\":0.0,"
                                + "\"lateSeconds\":{\"sum\":660,\"mean\":330.0,\"max\":600}}");
    }

    @Test
    void shouldClearTheBucketAfterTheAllowedLatenessAndIgnoreLaterSamples() throws Exception {
        send(created(MONDAY_1015));
        harness.processWatermark(MONDAY_1116.toEpochMilli());
        assertThat(documents()).hasSize(1);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();

        send(created(MONDAY_1015_40));

        assertThat(documents()).as("a partial bucket would overwrite the right one").isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }
}
