package io.slawatch.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.model.Alert;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.policy.PolicyLoader;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.testkit.Checkout;
import io.slawatch.time.EventTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replay on a MiniCluster: the same input gives the same alerts at any parallelism. */
class ReplayITCase {

    static final Path ROOT = Checkout.ROOT;
    static final Path SAMPLE = ROOT.resolve("schemas/examples/streams/sample-tickets.jsonl");
    static SlaPolicy policy;

    @TempDir static Path temp;

    @BeforeAll
    static void loadPolicy() throws Exception {
        policy = PolicyLoader.load(ROOT.resolve("deploy/policies/default.yaml"));
    }

    record Run(
            Replay.Result result,
            List<String> alerts,
            List<String> outcomes,
            List<QuarantineRecord> quarantine) {}

    static Run replay(int parallelism, List<Path> inputs) throws Exception {
        Path dir = Files.createDirectories(temp.resolve("p" + parallelism + "-" + inputs.size()));
        Replay.Options options =
                new Replay.Options(
                        inputs,
                        policy,
                        dir.resolve("alerts.jsonl"),
                        dir.resolve("outcomes.jsonl"),
                        dir.resolve("quarantine.jsonl"),
                        parallelism,
                        EventTime.DEFAULT_OUT_OF_ORDERNESS);
        Replay.Result result = Replay.run(options, read -> {});
        return new Run(
                result,
                Files.readAllLines(options.alerts()),
                Files.readAllLines(options.outcomes()),
                Replay.read(options.quarantine(), QuarantineRecord.class));
    }

    /** A quarantine record without the wall-clock parts (when, and the clock in a detail). */
    static String stable(QuarantineRecord q) {
        return q.reason()
                + " "
                + q.file()
                + ":"
                + q.line()
                + " "
                + q.ticketId()
                + " "
                + q.eventId()
                + " "
                + q.payload();
    }

    @Test
    void shouldGiveTheSameAlertsOutcomesAndQuarantineAtParallelismOneTwoAndFour() throws Exception {
        Run one = replay(1, List.of(SAMPLE));
        Run two = replay(2, List.of(SAMPLE));
        Run four = replay(4, List.of(SAMPLE));

        assertThat(one.alerts()).hasSize(68);
        assertThat(two.alerts()).isEqualTo(one.alerts());
        assertThat(four.alerts()).isEqualTo(one.alerts());
        assertThat(two.outcomes()).isEqualTo(one.outcomes());
        assertThat(four.outcomes()).isEqualTo(one.outcomes());
        assertThat(four.quarantine().stream().map(ReplayITCase::stable).toList())
                .isEqualTo(one.quarantine().stream().map(ReplayITCase::stable).toList());
        assertThat(
                        List.of(
                                one.result().eventsRead(),
                                two.result().eventsRead(),
                                four.result().eventsRead()))
                .containsOnly(177L);
        assertThat(
                        List.of(
                                one.result().duplicates(),
                                two.result().duplicates(),
                                four.result().duplicates()))
                .containsOnly(1L);
    }

    @Test
    void shouldRetractTheBreachOfALateButTimelyResponseAndReportOpenClocksAsRunning()
            throws Exception {
        Run run = replay(2, List.of(SAMPLE));
        List<Alert> alerts = run.alerts().stream().map(line -> read(line, Alert.class)).toList();
        List<ClockOutcome> outcomes =
                run.outcomes().stream().map(line -> read(line, ClockOutcome.class)).toList();

        assertThat(alerts)
                .filteredOn(a -> a.ticketId().equals("S-0026"))
                .extracting(Alert::alertId)
                .containsExactly(
                        "S-0026:RESPONSE:1:AT_RISK:1",
                        "S-0026:RESPONSE:1:RETRACTED:1",
                        "S-0026:RESPONSE:1:RETRACTED:2",
                        "S-0026:RESPONSE:1:BREACHED:1",
                        "S-0026:RESPONSE:1:ESCALATED:2");
        assertThat(outcomes)
                .filteredOn(o -> o.status() == io.slawatch.model.OutcomeStatus.RUNNING)
                .extracting(ClockOutcome::outcomeId)
                .containsExactly("S-0022:RESPONSE:1", "S-0027:RESOLUTION:1");
        assertThat(alerts).noneMatch(a -> a.ticketId().equals("S-0027"));
        assertThat(run.quarantine())
                .extracting(QuarantineRecord::reason, QuarantineRecord::line)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                io.slawatch.model.QuarantineReason.ORPHAN, null),
                        org.assertj.core.groups.Tuple.tuple(
                                io.slawatch.model.QuarantineReason.ORPHAN, null),
                        org.assertj.core.groups.Tuple.tuple(
                                io.slawatch.model.QuarantineReason.MALFORMED_JSON, 41L),
                        org.assertj.core.groups.Tuple.tuple(
                                io.slawatch.model.QuarantineReason.UNKNOWN_TYPE, 60L),
                        org.assertj.core.groups.Tuple.tuple(
                                io.slawatch.model.QuarantineReason.FUTURE_TIMESTAMP, 81L),
                        org.assertj.core.groups.Tuple.tuple(
                                io.slawatch.model.QuarantineReason.BAD_TIMESTAMP, 101L));
    }

    @Test
    void shouldReadSeveralFilesInOrderLikeOne() throws Exception {
        List<String> lines = Files.readAllLines(SAMPLE);
        Path first = temp.resolve("first.jsonl");
        Path second = temp.resolve("second.jsonl.gz");
        Files.write(first, lines.subList(0, 90));
        try (var gzip = new java.util.zip.GZIPOutputStream(Files.newOutputStream(second))) {
            gzip.write(
                    (String.join("\n", lines.subList(90, lines.size())) + "\n")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        Run split = replay(2, List.of(first, second));
        Run whole = replay(1, List.of(SAMPLE));

        assertThat(split.alerts()).isEqualTo(whole.alerts());
        assertThat(split.outcomes()).isEqualTo(whole.outcomes());
    }

    static <T> T read(String line, Class<T> type) {
        try {
            return io.slawatch.serde.Json.mapper().readValue(line, type);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
