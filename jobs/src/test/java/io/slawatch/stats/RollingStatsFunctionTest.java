package io.slawatch.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.model.Channel;
import io.slawatch.model.ClockType;
import io.slawatch.model.Complexity;
import io.slawatch.model.Priority;
import io.slawatch.model.SampleKind;
import io.slawatch.model.StatsBucket;
import io.slawatch.model.StatsGrain;
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
    static final Instant MONDAY_1100 = Instant.parse("2026-11-16T11:00:00Z");
    static final Instant MONDAY_1200 = Instant.parse("2026-11-16T12:00:00Z");
    static final Instant TUESDAY_0000 = Instant.parse("2026-11-17T00:00:00Z");
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
        send(arrivalMetLate(MONDAY_1015_20, 600), arrivalMetLate(MONDAY_1015_40, 60));
        harness.processWatermark(MONDAY_1015_40.toEpochMilli());
        assertThat(documents()).as("the hour is not over").isEmpty();

        harness.processWatermark(MONDAY_1100.toEpochMilli());

        assertThat(documents())
                .containsExactly(
                        "slawatch-stats-tech-1h 2026-11-16T10:00:00Z:t-03:xuhui"
                                + " {\"bucket\":\"2026-11-16T10:00:00Z\",\"techId\":\"t-03\",\"region\":\"xuhui\","
                                + "\"arrivals\":2,\"arrivalsOnTime\":0,\"arrivalsLate\":2,\"onTimeRate\":0.0,"
                                + "\"lateSeconds\":{\"sum\":660,\"mean\":330.0,\"max\":600}}");
        harness.processWatermark(MONDAY_1200.toEpochMilli());
        assertThat(documents()).as("emitted once").isEmpty();
    }

    @Test
    void shouldCountAnAgentsResponsesPerDay() throws Exception {
        send(responseMet(MONDAY_1015_20, 40), responseMet(MONDAY_1015_40, 100));
        harness.processWatermark(TUESDAY_0000.toEpochMilli());

        assertThat(documents())
                .containsExactly(
                        "slawatch-stats-agent-1d 2026-11-16T00:00:00Z:a-17:north"
                                + " {\"bucket\":\"2026-11-16T00:00:00Z\",\"agentId\":\"a-17\",\"team\":\"north\",\"responses\":2,"
                                + "\"responseSeconds\":{\"sum\":140,\"mean\":70.0},"
                                + "\"breached\":{\"response\":0,\"arrival\":0,\"resolution\":0,\"total\":0}}");
    }

    @Test
    void shouldOverwriteTheBucketWhenALateSampleCorrectsIt() throws Exception {
        send(responseBreached(MONDAY_1015_20));
        harness.processWatermark(TUESDAY_0000.toEpochMilli());
        assertThat(documents())
                .containsExactly(
                        "slawatch-stats-agent-1d 2026-11-16T00:00:00Z:a-17:north"
                                + " {\"bucket\":\"2026-11-16T00:00:00Z\",\"agentId\":\"a-17\",\"team\":\"north\",\"responses\":0,"
                                + "\"responseSeconds\":{\"sum\":0},"
                                + "\"breached\":{\"response\":1,\"arrival\":0,\"resolution\":0,\"total\":1}}");

        send(responseBreachRetracted(MONDAY_1015_20));

        assertThat(documents())
                .as("the retraction rewrites the closed day at once")
                .containsExactly(
                        "slawatch-stats-agent-1d 2026-11-16T00:00:00Z:a-17:north"
                                + " {\"bucket\":\"2026-11-16T00:00:00Z\",\"agentId\":\"a-17\",\"team\":\"north\",\"responses\":0,"
                                + "\"responseSeconds\":{\"sum\":0},"
                                + "\"breached\":{\"response\":0,\"arrival\":0,\"resolution\":0,\"total\":0}}");
    }

    @Test
    void shouldClearTheBucketAfterTheAllowedLatenessAndIgnoreLaterSamples() throws Exception {
        send(arrivalMetLate(MONDAY_1015, 60));
        harness.processWatermark(MONDAY_1200.toEpochMilli());
        assertThat(documents()).hasSize(1);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();

        send(arrivalMetLate(MONDAY_1015_40, 60));

        assertThat(documents()).as("a partial bucket would overwrite the right one").isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void shouldDropABucketOfTheRetiredMinuteGrainUnwritten() throws Exception {
        StatsBucket restored = new StatsBucket();
        restored.grain = StatsGrain.MINUTE;
        restored.id = "2026-11-16T10:15:00Z:CHAT:URGENT";
        restored.start = MONDAY_1015.toEpochMilli();
        harness.processElement(restored, MONDAY_1015.toEpochMilli());

        harness.processWatermark(MONDAY_1200.toEpochMilli());

        assertThat(documents()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }
}
