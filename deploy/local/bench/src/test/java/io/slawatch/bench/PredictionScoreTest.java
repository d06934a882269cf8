package io.slawatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.model.Alert;
import io.slawatch.model.ClockOutcome;
import io.slawatch.serde.Json;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PredictionScoreTest {

    static Alert alert(String ticket, String kind, int level, String at, String retracts)
            throws Exception {
        return Json.mapper()
                .readValue(
                        "{\"alertId\":\"%s:ARRIVAL:1:%s:%d\",\"ticketId\":\"%s\",\"clock\":\"ARRIVAL\",\"kind\":\"%s\",\"level\":%d,\"cycle\":1,\"targetSeconds\":7200,\"eventTime\":\"%s\"%s}"
                                .formatted(
                                        ticket,
                                        kind,
                                        level,
                                        ticket,
                                        kind,
                                        level,
                                        at,
                                        retracts == null
                                                ? ""
                                                : ",\"retractsAlertId\":\"" + retracts + "\""),
                        Alert.class);
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    static ClockOutcome outcome(String ticket, String status) {
        return read(
                "{\"outcomeId\":\"%s:ARRIVAL:1\",\"ticketId\":\"%s\",\"clock\":\"ARRIVAL\",\"cycle\":1,\"status\":\"%s\",\"targetSeconds\":7200,\"elapsedBusinessSeconds\":0,\"pausedBusinessSeconds\":0,\"lateSeconds\":0}"
                        .formatted(ticket, ticket, status),
                ClockOutcome.class);
    }

    @Test
    void shouldScoreOnlyCyclesWithAVerdictAndLeadFromTheFirstPrediction() throws Exception {
        List<Alert> alerts =
                List.of(
                        // Foretold 90 minutes before its warning.
                        alert("T-1", "PREDICTED_BREACH", 1, "2026-11-23T00:00:00Z", null),
                        alert("T-1", "AT_RISK", 1, "2026-11-23T01:30:00Z", null),
                        alert("T-1", "BREACHED", 1, "2026-11-23T02:00:00Z", null),
                        // Predicted, then met: a false alarm.
                        alert("T-2", "PREDICTED_BREACH", 1, "2026-11-23T00:00:00Z", null),
                        // Predicted, still running unbreached at the end: no verdict.
                        alert("T-3", "PREDICTED_BREACH", 1, "2026-11-23T00:00:00Z", null),
                        // Breached unannounced.
                        alert("T-4", "BREACHED", 1, "2026-11-23T02:00:00Z", null),
                        // Breached, then retracted: no breach.
                        alert("T-5", "BREACHED", 1, "2026-11-23T02:00:00Z", null),
                        alert(
                                "T-5",
                                "RETRACTED",
                                1,
                                "2026-11-23T02:01:00Z",
                                "T-5:ARRIVAL:1:BREACHED:1"));
        List<ClockOutcome> outcomes =
                Stream.of("T-1:MET_LATE", "T-2:MET", "T-3:RUNNING", "T-4:RUNNING", "T-5:MET")
                        .map(o -> outcome(o.split(":")[0], o.split(":")[1]))
                        .toList();

        PredictionScore score = PredictionScore.of(alerts, outcomes);

        assertThat(score)
                .isEqualTo(new PredictionScore(2, 2, 1, 1, List.of(Duration.ofMinutes(90))));
        assertThat(score.precision()).isEqualTo(0.5);
        assertThat(score.recall()).isEqualTo(0.5);
        assertThat(score.medianLead()).isEqualTo(Duration.ofMinutes(90));
    }
}
