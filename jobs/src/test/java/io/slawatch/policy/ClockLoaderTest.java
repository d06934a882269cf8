package io.slawatch.policy;

import static io.slawatch.policy.PolicyLoaderTest.FILE;
import static io.slawatch.policy.PolicyLoaderTest.defaultPolicy;
import static io.slawatch.policy.PolicyLoaderTest.lineOf;
import static io.slawatch.policy.PolicyLoaderTest.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.slawatch.model.Channel;
import io.slawatch.model.ClockType;
import io.slawatch.model.Complexity;
import io.slawatch.model.EventType;
import io.slawatch.model.Priority;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The clocks a policy defines of its own: the shipped ones, value by value, and the refusals. */
class ClockLoaderTest {

    static final ClockType COMPLAINT_REPLY = ClockType.of("COMPLAINT_REPLY");
    static final ClockType NEXT_REPLY = ClockType.of("NEXT_REPLY");
    static final ClockType PERIODIC_UPDATE = ClockType.of("PERIODIC_UPDATE");

    SlaPolicy policy;

    @BeforeEach
    void loadTheShippedPolicy() throws PolicyException {
        policy = PolicyLoader.parse(FILE, defaultPolicy());
    }

    @Test
    void shouldKeepTheClocksInTheirFileOrder() {
        assertThat(policy.clocks().keySet())
                .containsExactly(
                        ClockType.RESPONSE,
                        ClockType.ARRIVAL,
                        ClockType.RESOLUTION,
                        COMPLAINT_REPLY,
                        NEXT_REPLY,
                        PERIODIC_UPDATE);
    }

    @Test
    void shouldAnswerAComplaintWithinTwoOfficeWorkingDays() {
        ClockPolicy clock = policy.clock(COMPLAINT_REPLY);
        assertThat(clock.start()).containsExactly(EventType.COMPLAINT);
        assertThat(clock.stop()).containsExactly(EventType.COMPLAINT_ANSWERED);
        assertThat(clock.applies()).isEqualTo(ClockApplies.ALL);
        TargetRule rule = clock.targetFor(Channel.APP, Priority.LOW, Complexity.COMPLEX);
        assertThat(rule.target()).isNull();
        assertThat(rule.workingDays()).isEqualTo(2);
        assertThat(rule.calendar()).isEqualTo("office");
        assertThat(clock.warnings()).containsExactly(new Warning(Duration.ofHours(2), null));
        assertThat(clock.escalations())
                .containsExactly(new Escalation(2, null, Duration.ofHours(8)));
    }

    @Test
    void shouldOweAReplyToEachChatAndEmailMessage() {
        ClockPolicy clock = policy.clock(NEXT_REPLY);
        assertThat(clock.start()).containsExactly(EventType.CUSTOMER_MESSAGE);
        assertThat(clock.stop())
                .containsExactlyInAnyOrder(EventType.AGENT_MESSAGE, EventType.RESOLVED);
        assertThat(clock.applies())
                .isEqualTo(
                        new ClockApplies(
                                Set.of(Channel.CHAT, Channel.EMAIL), Set.of(), Set.of(), null));
        TargetRule chat = clock.targetFor(Channel.CHAT, Priority.NORMAL, Complexity.STANDARD);
        assertThat(chat.target()).isEqualTo(Duration.ofMinutes(5));
        assertThat(chat.calendar()).isEqualTo("24x7");
        TargetRule email = clock.targetFor(Channel.EMAIL, Priority.NORMAL, Complexity.STANDARD);
        assertThat(email.target()).isEqualTo(Duration.ofHours(4));
        assertThat(email.calendar()).isEqualTo("office");
        assertThat(clock.warnings()).containsExactly(new Warning(null, Percent.parse("80%")));
    }

    @Test
    void shouldUpdateAComplexTicketsCustomerEveryEightHours() {
        ClockPolicy clock = policy.clock(PERIODIC_UPDATE);
        assertThat(clock.start()).containsExactly(EventType.CREATED);
        assertThat(clock.stop()).containsExactly(EventType.RESOLVED);
        assertThat(clock.renew()).containsExactly(EventType.CUSTOMER_UPDATED);
        assertThat(clock.restart()).containsExactly(EventType.REOPENED);
        assertThat(clock.applies())
                .isEqualTo(new ClockApplies(Set.of(), Set.of(), Set.of(Complexity.COMPLEX), null));
        assertThat(clock.targetFor(Channel.PHONE, Priority.LOW, Complexity.COMPLEX).target())
                .isEqualTo(Duration.ofHours(8));
        assertThat(clock.warnings()).containsExactly(new Warning(Duration.ofHours(1), null));
    }

    @Test
    void shouldRefuseAClockWhoseStopEventIsNotInTheContract() {
        String text =
                defaultPolicy().replace("stop: [COMPLAINT_ANSWERED]", "stop: [COMPLAINT_CLOSED]");
        assertThat(problemsOf(text))
                .extracting(Problem::line, Problem::reason)
                .containsExactly(
                        tuple(
                                lineOf(text, "COMPLAINT_CLOSED"),
                                "unknown event type 'COMPLAINT_CLOSED'"));
    }

    @Test
    void shouldRefuseAClockNameThatIsNotUpperCase() {
        String text = defaultPolicy().replace("  NEXT_REPLY:", "  next-reply:");
        assertThat(problemsOf(text))
                .containsExactly(
                        new Problem(
                                FILE,
                                lineOf(text, "next-reply:"),
                                3,
                                "'next-reply' is not a clock name",
                                "name a clock in upper-case letters, digits and '_', starting with"
                                        + " a letter, at most 40, e.g. COMPLAINT_REPLY"));
    }

    @Test
    void shouldRefuseAClockThatCloseStarts() {
        String text = defaultPolicy().replace("start: [COMPLAINT]", "start: [CLOSED]");
        assertThat(problemsOf(text))
                .extracting(Problem::line, Problem::reason)
                .containsExactly(
                        tuple(
                                lineOf(text, "start: [CLOSED]"),
                                "CLOSED cannot start a clock: it ends every clock of the ticket"));
    }

    @Test
    void shouldRefuseATargetGivenBothAsADurationAndInWorkingDays() {
        String text =
                defaultPolicy().replace("{workingDays: 2}", "{workingDays: 2, target: PT16H}");
        assertThat(problemsOf(text))
                .extracting(Problem::line, Problem::reason)
                .containsExactly(
                        tuple(
                                lineOf(text, "{workingDays: 2, target: PT16H}"),
                                "a target has exactly one of 'target' (business time) or"
                                        + " 'workingDays'"));
    }

    @Test
    void shouldRequireTargetsOnlyForTheTicketsAClockAppliesTo() {
        String text = defaultPolicy().replace("      - {channel: EMAIL, target: PT4H}\n", "");
        List<Problem> problems = problemsOf(text);
        assertThat(problems).extracting(Problem::reason).hasSize(1);
        assertThat(problems.get(0).reason())
                .startsWith(
                        "clock NEXT_REPLY has no target for channel=EMAIL priority=CRITICAL"
                                + " complexity=STANDARD");
    }

    @Test
    void shouldRefuseAnEventThatBothRenewsAndStopsAClock() {
        String text = defaultPolicy().replace("renew: [CUSTOMER_UPDATED]", "renew: [RESOLVED]");
        assertThat(problemsOf(text))
                .extracting(Problem::reason)
                .containsExactly(
                        "RESOLVED renews clock PERIODIC_UPDATE, so it cannot also start or end it");
    }
}
