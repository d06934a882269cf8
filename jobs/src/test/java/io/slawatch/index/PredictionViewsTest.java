package io.slawatch.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slawatch.serde.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Where a cycle's prediction stands, as the indexer derives it from the alerts, whole. */
class PredictionViewsTest {

    static final String PREDICTED =
            "{\"alertId\":\"T-1:ARRIVAL:1:PREDICTED_BREACH:1\",\"ticketId\":\"T-1\","
                    + "\"clock\":\"ARRIVAL\",\"kind\":\"PREDICTED_BREACH\",\"level\":1,\"cycle\":1,"
                    + "\"startedAt\":\"2026-11-23T00:00:00Z\",\"deadline\":\"2026-11-23T02:00:00Z\","
                    + "\"eventTime\":\"2026-11-23T00:40:00Z\",\"targetSeconds\":7200,"
                    + "\"predictedArrivalAt\":\"2026-11-23T02:05:00Z\",\"predictedLateSeconds\":300,"
                    + "\"probability\":0.5987,\"channel\":\"PHONE\",\"priority\":\"URGENT\","
                    + "\"complexity\":\"STANDARD\",\"agentId\":\"a-1\",\"techId\":\"t-pudong-2\","
                    + "\"team\":\"field\",\"region\":\"pudong\",\"policyVersion\":\"2026.11-1\","
                    + "\"customerId\":\"c-1\"}";

    static final String CLEARED =
            "{\"alertId\":\"T-1:ARRIVAL:1:PREDICTION_CLEARED:1\",\"ticketId\":\"T-1\","
                    + "\"clock\":\"ARRIVAL\",\"kind\":\"PREDICTION_CLEARED\",\"level\":1,\"cycle\":1,"
                    + "\"startedAt\":\"2026-11-23T00:00:00Z\",\"deadline\":\"2026-11-23T02:00:00Z\","
                    + "\"eventTime\":\"2026-11-23T01:00:00Z\",\"targetSeconds\":7200,"
                    + "\"retractsAlertId\":\"T-1:ARRIVAL:1:PREDICTED_BREACH:1\","
                    + "\"predictedArrivalAt\":\"2026-11-23T01:30:00Z\",\"predictedLateSeconds\":0,"
                    + "\"probability\":0.0668,\"channel\":\"PHONE\",\"priority\":\"URGENT\","
                    + "\"complexity\":\"STANDARD\",\"agentId\":\"a-1\",\"techId\":\"t-pudong-2\","
                    + "\"team\":\"field\",\"region\":\"pudong\",\"policyVersion\":\"2026.11-1\"}";

    static TopicDocument view(String alert) throws Exception {
        return PredictionViews.of((ObjectNode) Json.mapper().readTree(alert)).orElseThrow();
    }

    @Test
    void shouldStandAPredictionUnderItsCycleWithoutTheCustomer() throws Exception {
        TopicDocument standing = view(PREDICTED);

        assertThat(standing.index()).isEqualTo("slawatch-predictions");
        assertThat(standing.id()).isEqualTo("T-1:ARRIVAL:1");
        assertThat(standing.offset())
                .isEqualTo(Instant.parse("2026-11-23T00:40:00Z").toEpochMilli() * 2);
        assertThat(standing.source())
                .isEqualTo(
                        "{\"clockId\":\"T-1:ARRIVAL:1\",\"ticketId\":\"T-1\",\"cycle\":1,"
                                + "\"startedAt\":\"2026-11-23T00:00:00Z\","
                                + "\"deadline\":\"2026-11-23T02:00:00Z\",\"targetSeconds\":7200,"
                                + "\"predictedArrivalAt\":\"2026-11-23T02:05:00Z\","
                                + "\"predictedLateSeconds\":300,\"probability\":0.5987,"
                                + "\"channel\":\"PHONE\",\"priority\":\"URGENT\","
                                + "\"complexity\":\"STANDARD\",\"agentId\":\"a-1\","
                                + "\"techId\":\"t-pudong-2\",\"team\":\"field\","
                                + "\"region\":\"pudong\",\"policyVersion\":\"2026.11-1\","
                                + "\"status\":\"STANDING\","
                                + "\"alertId\":\"T-1:ARRIVAL:1:PREDICTED_BREACH:1\","
                                + "\"updatedAt\":\"2026-11-23T00:40:00Z\"}");
    }

    @Test
    void shouldClearThePredictionItNamesWithALaterVersion() throws Exception {
        TopicDocument cleared = view(CLEARED);

        assertThat(cleared.id()).isEqualTo("T-1:ARRIVAL:1");
        assertThat(cleared.offset()).isGreaterThan(view(PREDICTED).offset());
        ObjectNode source = (ObjectNode) Json.mapper().readTree(cleared.source());
        assertThat(source.get("status").asText()).isEqualTo("CLEARED");
        assertThat(source.get("alertId").asText()).isEqualTo("T-1:ARRIVAL:1:PREDICTED_BREACH:1");
        assertThat(source.get("probability").asDouble()).isEqualTo(0.0668);
    }

    @Test
    void shouldKeepNoViewForOtherAlerts() throws Exception {
        String breached =
                PREDICTED
                        .replace("PREDICTED_BREACH", "BREACHED")
                        .replace(",\"predictedLateSeconds\":300", "");

        assertThat(PredictionViews.of((ObjectNode) Json.mapper().readTree(breached))).isEmpty();
    }
}
