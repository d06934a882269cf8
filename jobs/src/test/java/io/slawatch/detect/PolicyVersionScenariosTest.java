package io.slawatch.detect;

import static io.slawatch.detect.TicketEvents.FRIDAY_1700;
import static io.slawatch.detect.TicketEvents.MONDAY_0900;
import static io.slawatch.detect.TicketEvents.NEXT_MONDAY_1200;
import static io.slawatch.detect.TicketEvents.at;
import static io.slawatch.detect.TicketEvents.closed;
import static io.slawatch.detect.TicketEvents.created;
import static io.slawatch.detect.TicketEvents.plus;
import static io.slawatch.detect.TicketEvents.resolved;
import static io.slawatch.detect.TicketEvents.responded;
import static io.slawatch.model.Channel.CHAT;
import static io.slawatch.model.Channel.EMAIL;
import static io.slawatch.model.Channel.PHONE;
import static io.slawatch.model.Priority.NORMAL;
import static io.slawatch.model.Priority.URGENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.slawatch.model.QuarantineReason;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.policy.PolicyVersion;
import java.nio.file.Files;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Policy versions published while tickets run (the broadcast input of {@link TicketSlaFunction}): a
 * ticket keeps the whole version in force at its CREATED.
 */
class PolicyVersionScenariosTest {

    SlaHarness sla;

    @BeforeEach
    void openHarness() throws Exception {
        sla = SlaHarness.withScenarioPolicy();
    }

    @AfterEach
    void closeHarness() throws Exception {
        sla.close();
    }

    static final Instant NEXT_MONDAY_1300 = plus(NEXT_MONDAY_1200, "PT1H");

    @Test
    void shouldKeepTheOldTargetForOldTicketsAndGiveNewTicketsThePublishedOne() throws Exception {
        sla.publish(phoneTargetOf("PT60S", "2026.11-2", plus(MONDAY_0900, "PT30M")))
                .send(
                        created(MONDAY_0900, PHONE, URGENT).ticket("T-1"),
                        created(plus(MONDAY_0900, "PT1H"), PHONE, URGENT).ticket("T-2"))
                .watermark(plus(MONDAY_0900, "PT1H2M"));

        assertThat(sla.alertLines())
                .filteredOn(line -> line.contains(":BREACHED:"))
                .containsExactly(
                        "T-1:RESPONSE:1:BREACHED:1 @2026-11-23T01:00:30Z overdue=0",
                        "T-2:RESPONSE:1:BREACHED:1 @2026-11-23T02:01:00Z overdue=0");
        assertThat(sla.alerts())
                .extracting(a -> a.ticketId() + " " + a.attributes().policyVersion())
                .containsOnly("T-1 2026.11-1", "T-2 2026.11-2");
    }

    @Test
    void shouldQuarantineAVersionPublishedAgainWithOtherContent() throws Exception {
        sla.publish(phoneTargetOf("PT60S", "2026.11-2", MONDAY_0900))
                .publish(phoneTargetOf("PT90S", "2026.11-2", MONDAY_0900))
                .send(created(plus(MONDAY_0900, "PT1M"), PHONE, URGENT))
                .watermark(plus(MONDAY_0900, "PT3M"));

        assertThat(sla.quarantine())
                .extracting(QuarantineRecord::reason, QuarantineRecord::detail)
                .containsExactly(
                        tuple(
                                QuarantineReason.BAD_VALUE,
                                "scenario-PT90S.yaml:1:1: version '2026.11-2' was published"
                                        + " before with other content (scenario-PT60S.yaml) (fix: a"
                                        + " published version never changes: give the changed"
                                        + " policy a new 'version')"));
        assertThat(sla.alertLines())
                .filteredOn(line -> line.contains(":BREACHED:"))
                .containsExactly("T-1:RESPONSE:1:BREACHED:1 @2026-11-23T01:02:00Z overdue=0");
    }

    /** The scenario policy as version {@code version}, its PHONE response target {@code target}. */
    static PolicyVersion phoneTargetOf(String target, String version, Instant effectiveFrom)
            throws Exception {
        String text =
                Files.readString(SlaHarness.SCENARIO_POLICY)
                        .replace("version: \"2026.11-1\"", "version: \"" + version + "\"")
                        .replace(
                                "{channel: PHONE, target: PT30S}",
                                "{channel: PHONE, target: " + target + "}");
        return new PolicyVersion(version, effectiveFrom, "scenario-" + target + ".yaml", text);
    }

    // appliesTo: open — open tickets move to the version when it takes effect.

    @Test
    void shouldRetractABreachWhoseDeadlineAHolidayAddedAfterTheFactMovesLater() throws Exception {
        sla.send(created(FRIDAY_1700, EMAIL, NORMAL)).watermark(NEXT_MONDAY_1300);

        sla.publish(
                        scenarioVersion(
                                "2026.11-2",
                                NEXT_MONDAY_1300,
                                "appliesTo: open\n",
                                text ->
                                        text.replace(
                                                "      - 2026-01-01\n",
                                                "      - 2026-01-01\n      - 2026-11-30\n")))
                .watermark(at("2026-12-01T12:00:00+08:00"));

        // Monday became a holiday: 4 office hours from Friday 17:00 end on Tuesday at 12:00.
        assertThat(sla.alertLines())
                .filteredOn(line -> line.startsWith("T-1:RESPONSE"))
                .containsExactly(
                        "T-1:RESPONSE:1:AT_RISK:1 @2026-11-30T03:00:00Z remaining=3600",
                        "T-1:RESPONSE:1:BREACHED:1 @2026-11-30T04:00:00Z overdue=0",
                        "T-1:RESPONSE:1:RETRACTED:1 @2026-11-30T05:00:00Z"
                                + " retracts=T-1:RESPONSE:1:BREACHED:1",
                        "T-1:RESPONSE:1:BREACHED:1 @2026-12-01T04:00:00Z overdue=0");
        assertThat(sla.alerts())
                .filteredOn(a -> a.eventTime().isAfter(NEXT_MONDAY_1200))
                .extracting(a -> a.attributes().policyVersion())
                .containsOnly("2026.11-2");
    }

    @Test
    void shouldBreachAtOnceWhenAShorterTargetForOpenTicketsTakesEffectPastTheNewDeadline()
            throws Exception {
        sla.send(created(MONDAY_0900, CHAT, URGENT)).watermark(plus(MONDAY_0900, "PT1M"));

        sla.publish(
                        scenarioVersion(
                                "2026.11-2",
                                plus(MONDAY_0900, "PT3M"),
                                "appliesTo: open\n",
                                text ->
                                        text.replace(
                                                "{channel: CHAT, target: PT5M}",
                                                "{channel: CHAT, target: PT2M}")))
                .watermark(plus(MONDAY_0900, "PT4M"));

        // Woken when the version takes effect, not at its own 75 % warning (3 min 45 s): the new
        // warning and deadline (1 min 30 s, 2 min) are past and alert at once.
        assertThat(sla.alertLines())
                .filteredOn(line -> line.startsWith("T-1:RESPONSE"))
                .containsExactly(
                        "T-1:RESPONSE:1:AT_RISK:1 @2026-11-23T01:03:00Z remaining=0",
                        "T-1:RESPONSE:1:BREACHED:1 @2026-11-23T01:03:00Z overdue=60",
                        "T-1:RESPONSE:1:ESCALATED:2 @2026-11-23T01:04:00Z overdue=120");
    }

    @Test
    void shouldKeepTheVersionOfOpenTicketsWhenTheNewOneAppliesToNewTicketsOnly() throws Exception {
        sla.send(created(MONDAY_0900, CHAT, URGENT)).watermark(plus(MONDAY_0900, "PT1M"));

        sla.publish(
                        scenarioVersion(
                                "2026.11-2",
                                plus(MONDAY_0900, "PT2M"),
                                "",
                                text ->
                                        text.replace(
                                                "{channel: CHAT, target: PT5M}",
                                                "{channel: CHAT, target: PT2M}")))
                .watermark(plus(MONDAY_0900, "PT4M"));

        assertThat(sla.alertLines())
                .filteredOn(line -> line.startsWith("T-1:RESPONSE"))
                .containsExactly("T-1:RESPONSE:1:AT_RISK:1 @2026-11-23T01:03:45Z remaining=75");
    }

    @Test
    void shouldLeaveNoTimerOrStateOnceATicketClosedBeforeAVersionForOpenTicketsTookEffect()
            throws Exception {
        sla.send(created(MONDAY_0900, CHAT, URGENT)).watermark(plus(MONDAY_0900, "PT1M"));
        sla.publish(
                scenarioVersion(
                        "2026.11-2", plus(MONDAY_0900, "PT1H"), "appliesTo: open\n", text -> text));

        sla.send(
                        responded(plus(MONDAY_0900, "PT2M")),
                        resolved(plus(MONDAY_0900, "PT3M")),
                        closed(plus(MONDAY_0900, "PT4M")))
                .watermark(plus(MONDAY_0900, "PT24H5M"));

        assertThat(sla.timers()).isZero();
        assertThat(sla.stateEntries()).isZero();
    }

    /** The scenario policy as {@code version}, with {@code header} after its version line. */
    static PolicyVersion scenarioVersion(
            String version, Instant effectiveFrom, String header, UnaryOperator<String> change)
            throws Exception {
        String text =
                change.apply(
                        Files.readString(SlaHarness.SCENARIO_POLICY)
                                .replace(
                                        "version: \"2026.11-1\"\n",
                                        "version: \"" + version + "\"\n" + header));
        return new PolicyVersion(version, effectiveFrom, "scenario-" + version + ".yaml", text);
    }
}
