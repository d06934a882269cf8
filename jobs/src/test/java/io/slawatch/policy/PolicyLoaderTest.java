package io.slawatch.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slawatch.calendar.BusinessCalendar;
import io.slawatch.calendar.OpeningInterval;
import io.slawatch.model.Channel;
import io.slawatch.model.ClockType;
import io.slawatch.model.Complexity;
import io.slawatch.model.EventType;
import io.slawatch.model.Priority;
import io.slawatch.testkit.Checkout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyLoaderTest {

    static final Path DEFAULT_POLICY = Checkout.DEFAULT_POLICY;
    static final String FILE = "broken.yaml";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final List<OpeningInterval> OFFICE_DAY =
            List.of(OpeningInterval.parse("09:00-12:00"), OpeningInterval.parse("13:00-18:00"));

    @Test
    void shouldEncodeTheDefaultPromises() throws Exception {
        SlaPolicy policy = PolicyLoader.load(DEFAULT_POLICY);

        assertThat(policy.version()).isEqualTo("2026.11-1");
        BusinessCalendar allDay = policy.calendar("24x7");
        assertThat(allDay.zone()).isEqualTo(SHANGHAI);
        assertThat(allDay.isAlwaysOpen()).isTrue();
        BusinessCalendar office = policy.calendar("office");
        assertThat(office.zone()).isEqualTo(SHANGHAI);
        assertThat(office.weekly())
                .isEqualTo(
                        Map.of(
                                DayOfWeek.MONDAY, OFFICE_DAY,
                                DayOfWeek.TUESDAY, OFFICE_DAY,
                                DayOfWeek.WEDNESDAY, OFFICE_DAY,
                                DayOfWeek.THURSDAY, OFFICE_DAY,
                                DayOfWeek.FRIDAY, OFFICE_DAY,
                                DayOfWeek.SATURDAY, List.of(),
                                DayOfWeek.SUNDAY, List.of()));
        assertThat(office.holidays())
                .containsExactly(
                        LocalDate.parse("2026-01-01"),
                        LocalDate.parse("2026-10-01"),
                        LocalDate.parse("2026-10-02"),
                        LocalDate.parse("2026-10-03"),
                        LocalDate.parse("2026-10-04"),
                        LocalDate.parse("2026-10-05"),
                        LocalDate.parse("2026-10-06"),
                        LocalDate.parse("2026-10-07"));
        assertThat(office.extraWorkdays())
                .isEqualTo(Map.of(LocalDate.parse("2026-10-10"), OFFICE_DAY));

        ClockPolicy response = policy.clock(ClockType.RESPONSE);
        assertThat(response.start()).containsExactly(EventType.CREATED);
        assertThat(response.stop()).containsExactly(EventType.RESPONDED);
        assertThat(response.requireEta()).containsExactly(Complexity.COMPLEX);
        assertTargets(
                response,
                Map.of(
                        Channel.PHONE,
                        "PT30S",
                        Channel.CHAT,
                        "PT5M",
                        Channel.APP,
                        "PT30M",
                        Channel.SOCIAL,
                        "PT30M",
                        Channel.EMAIL,
                        "PT4H"),
                channel -> channel == Channel.EMAIL ? "office" : "24x7");
        assertThat(response.warnings()).containsExactly(new Warning(null, Percent.parse("75%")));

        ClockPolicy arrival = policy.clock(ClockType.ARRIVAL);
        assertThat(arrival.applies())
                .isEqualTo(new ClockApplies(Set.of(), Set.of(), Set.of(), true));
        assertThat(arrival.start()).containsExactly(EventType.CREATED);
        assertThat(arrival.stop()).containsExactly(EventType.ARRIVED);
        Map<Priority, Duration> arrivalTargets =
                Map.of(
                        Priority.CRITICAL,
                        Duration.ofHours(1),
                        Priority.URGENT,
                        Duration.ofHours(2),
                        Priority.NORMAL,
                        Duration.ofHours(24),
                        Priority.LOW,
                        Duration.ofHours(48));
        for (Channel channel : Channel.values()) {
            for (Priority priority : Priority.values()) {
                for (Complexity complexity : Complexity.values()) {
                    TargetRule rule = arrival.targetFor(channel, priority, complexity);
                    assertThat(rule.target()).isEqualTo(arrivalTargets.get(priority));
                    assertThat(rule.calendar()).isEqualTo("24x7");
                }
            }
        }
        assertThat(arrival.warnings()).containsExactly(new Warning(Duration.ofMinutes(30), null));

        ClockPolicy resolution = policy.clock(ClockType.RESOLUTION);
        assertThat(resolution.pause()).containsExactly(EventType.PAUSED);
        assertThat(resolution.resume()).containsExactly(EventType.RESUMED);
        assertThat(resolution.restart()).containsExactly(EventType.REOPENED);
        assertThat(resolution.applies()).isEqualTo(ClockApplies.ALL);
        for (Channel channel : Channel.values()) {
            for (Priority priority : Priority.values()) {
                assertThat(resolution.targetFor(channel, priority, Complexity.STANDARD).target())
                        .isEqualTo(Duration.ofHours(24));
                assertThat(resolution.targetFor(channel, priority, Complexity.COMPLEX).target())
                        .isEqualTo(Duration.ofHours(48));
            }
        }
        assertThat(resolution.warnings()).containsExactly(new Warning(Duration.ofHours(1), null));

        for (ClockType clock : ClockType.BUILT_IN) {
            assertThat(policy.clock(clock).escalations())
                    .as("%s escalations", clock)
                    .containsExactly(new Escalation(2, Percent.parse("100%"), null));
        }

        assertThat(policy.peaks().cap()).isEqualTo(Percent.parse("50%"));
        assertThat(policy.peaks().windows())
                .containsExactly(
                        new PeakWindow(
                                "singles-day",
                                Instant.parse("2026-11-10T16:00:00Z"),
                                Instant.parse("2026-11-11T16:00:00Z"),
                                Percent.parse("20%")));
        assertThat(policy.retentionAfterClosed()).isEqualTo(Duration.ofHours(24));
        assertThat(policy.orphanTimeout()).isEqualTo(Duration.ofHours(1));
        assertThat(policy.safetyHorizon()).isEqualTo(SlaPolicy.DEFAULT_SAFETY_HORIZON);
    }

    @Test
    void shouldExtendTargetsOfTicketsCreatedInThePeakWindowOnly() throws Exception {
        PeakPolicy peaks = PolicyLoader.load(DEFAULT_POLICY).peaks();
        Duration day = Duration.ofHours(24);
        assertThat(peaks.extend(day, Instant.parse("2026-11-10T15:59:59Z"))).isEqualTo(day);
        assertThat(peaks.extend(day, Instant.parse("2026-11-10T16:00:00Z")))
                .isEqualTo(Duration.ofMinutes(24 * 72));
        assertThat(peaks.extend(day, Instant.parse("2026-11-11T16:00:00Z"))).isEqualTo(day);
    }

    @Test
    void shouldCapOverlappingPeakExtensions() throws Exception {
        String text =
                defaultPolicy()
                        .replace(
                                "    - {name: singles-day",
                                "    - {name: promotion-week, from: \"2026-11-09T00:00+08:00\", to: \"2026-11-16T00:00+08:00\", extend: 40%}\n    - {name: singles-day");
        PeakPolicy peaks = PolicyLoader.parse(FILE, text).peaks();
        assertThat(peaks.extensionAt(Instant.parse("2026-11-09T00:00:00Z")))
                .isEqualTo(Percent.parse("40%"));
        assertThat(peaks.extensionAt(Instant.parse("2026-11-11T00:00:00Z")))
                .isEqualTo(Percent.parse("50%"));
    }

    @Test
    void shouldNameTheNearestKeyForAnUnknownKey() throws Exception {
        String text = defaultPolicy().replaceFirst("    calendar: 24x7", "    calender: 24x7");
        assertThat(problemsOf(text))
                .containsExactly(
                        new Problem(
                                FILE,
                                lineOf(text, "calender:"),
                                5,
                                "unknown key 'calender' in clock RESPONSE",
                                "did you mean 'calendar'? valid keys: applies, calendar, escalations, pause, renew, requireEta, restart, resume, start, stop, targets, warnings"));
    }

    @Test
    void shouldRefuseABadTimeZone() throws Exception {
        String text =
                defaultPolicy().replaceFirst("timeZone: Asia/Shanghai", "timeZone: Asia/Shangai");
        assertThat(problemsOf(text))
                .containsExactly(
                        new Problem(
                                FILE,
                                lineOf(text, "Asia/Shangai"),
                                5,
                                "'Asia/Shangai' is not a time zone: Unknown time-zone ID: Asia/Shangai",
                                "use an IANA zone id such as Asia/Shanghai or Europe/Berlin"));
    }

    @Test
    void shouldRefuseOverlappingIntervals() throws Exception {
        String text =
                defaultPolicy()
                        .replaceFirst(
                                "tue: \\[\"09:00-12:00\", \"13:00-18:00\"\\]",
                                "tue: [\"09:00-12:00\", \"11:00-18:00\"]");
        assertThat(problemsOf(text))
                .containsExactly(
                        new Problem(
                                FILE,
                                lineOf(text, "\"11:00-18:00\""),
                                7,
                                "overlapping opening intervals: tue 09:00-12:00 overlaps tue 11:00-18:00",
                                "make the intervals disjoint or merge them into one"));
    }

    @Test
    void shouldRefuseAnOvernightIntervalRunningIntoTheNextDay() throws Exception {
        String text =
                defaultPolicy()
                        .replaceFirst(
                                "fri: \\[\"09:00-12:00\", \"13:00-18:00\"\\]",
                                "fri: [\"09:00-12:00\", \"13:00-18:00\"]\n      sun: [\"22:00-10:00\"]");
        assertThat(problemsOf(text))
                .extracting(Problem::line, Problem::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                lineOf(text, "sun:"),
                                "overlapping opening intervals: mon 09:00-12:00 overlaps sun 22:00-10:00"));
    }

    @Test
    void shouldRefuseAZeroTarget() throws Exception {
        String text =
                defaultPolicy()
                        .replace("{channel: CHAT, target: PT5M}", "{channel: CHAT, target: PT0S}");
        assertThat(problemsOf(text))
                .containsExactly(
                        new Problem(
                                FILE,
                                lineOf(text, "PT0S"),
                                columnOf(text, "target: PT0S"),
                                "the duration PT0S must be positive",
                                "use a duration above zero, e.g. PT30M"));
    }

    @Test
    void shouldRefuseANegativeTarget() throws Exception {
        String text =
                defaultPolicy()
                        .replace("{channel: CHAT, target: PT5M}", "{channel: CHAT, target: -PT5M}");
        assertThat(problemsOf(text))
                .extracting(Problem::line, Problem::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                lineOf(text, "-PT5M"), "the duration -PT5M must be positive"));
    }

    @Test
    void shouldRefuseAMissingTargetCombination() throws Exception {
        String text = defaultPolicy().replace("      - {channel: SOCIAL, target: PT30M}\n", "");
        assertThat(problemsOf(text))
                .containsExactly(
                        new Problem(
                                FILE,
                                lineOf(text, "targets:"),
                                5,
                                "clock RESPONSE has no target for channel=SOCIAL priority=CRITICAL complexity=STANDARD; channel=SOCIAL priority=CRITICAL complexity=COMPLEX; channel=SOCIAL priority=URGENT complexity=STANDARD and 5 more combination(s)",
                                "add a target for them, or a catch-all target that names fewer attributes"));
    }

    @Test
    void shouldRefuseTwoEquallySpecificTargetsForOneCombination() throws Exception {
        String text =
                defaultPolicy()
                        .replace(
                                "      - {complexity: COMPLEX, target: PT48H}\n",
                                "      - {complexity: COMPLEX, target: PT48H}\n      - {priority: CRITICAL, target: PT8H}\n");
        List<Problem> problems = problemsOf(text);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).line())
                .isEqualTo(lineOf(text, "{priority: CRITICAL, target: PT8H}"));
        assertThat(problems.get(0).reason())
                .isEqualTo(
                        "clock RESOLUTION: this target and the one on line "
                                + lineOf(text, "{complexity: STANDARD")
                                + " both match channel=PHONE priority=CRITICAL complexity=STANDARD equally");
    }

    @Test
    void shouldRefuseAnUnknownCalendar() throws Exception {
        String text =
                defaultPolicy()
                        .replace("target: PT4H, calendar: office", "target: PT4H, calendar: ofice");
        assertThat(problemsOf(text))
                .containsExactly(
                        new Problem(
                                FILE,
                                lineOf(text, "ofice"),
                                columnOf(text, "calendar: ofice"),
                                "unknown calendar 'ofice'",
                                "did you mean 'office'? calendars defined: 24x7, office"));
    }

    @Test
    void shouldRefuseAnExtensionAboveTheCap() throws Exception {
        String text = defaultPolicy().replace("extend: 20%", "extend: 60%");
        assertThat(problemsOf(text))
                .containsExactly(
                        new Problem(
                                FILE,
                                lineOf(text, "extend: 60%"),
                                columnOf(text, "extend: 60%"),
                                "the extension 60% is above the policy's cap 50%",
                                "lower 'extend' to at most 50% or raise peaks.cap"));
    }

    @Test
    void shouldRefuseACalendarThatIsNeverOpen() throws Exception {
        String text =
                defaultPolicy()
                        .replace(
                                "calendars:\n",
                                "calendars:\n  closed:\n    timeZone: UTC\n    weekly:\n      sat: []\n    extraWorkdays: {2026-12-05: [\"09:00-12:00\"]}\n");
        assertThat(problemsOf(text))
                .containsExactly(
                        new Problem(
                                FILE,
                                lineOf(text, "    weekly:\n      sat: []"),
                                5,
                                "calendar 'closed' is never open: it has no weekly opening hours",
                                "add opening hours under 'weekly' (e.g. mon: [\"09:00-18:00\"]) or set 'alwaysOpen: true'"));
    }

    /** A calendar added to the default policy, and the problem it must raise (empty: none). */
    static Stream<Arguments> alwaysOpenCalendars() {
        return Stream.of(
                Arguments.of(
                        "always open with an extra workday",
                        "  extra:\n    timeZone: UTC\n    alwaysOpen: true\n"
                                + "    extraWorkdays: {2026-12-05: [\"09:00-12:00\"]}\n",
                        true),
                Arguments.of(
                        "always open with a holiday and an extra workday",
                        "  extra:\n    timeZone: UTC\n    alwaysOpen: true\n"
                                + "    holidays: [2026-12-25]\n"
                                + "    extraWorkdays: {2026-12-05: [\"09:00-12:00\"]}\n",
                        true),
                Arguments.of(
                        "always open with a holiday",
                        "  extra:\n    timeZone: UTC\n    alwaysOpen: true\n"
                                + "    holidays: [2026-12-25]\n",
                        false),
                Arguments.of(
                        "weekly hours with an extra workday",
                        "  extra:\n    timeZone: UTC\n    weekly:\n      mon: [\"09:00-18:00\"]\n"
                                + "    extraWorkdays: {2026-12-05: [\"09:00-12:00\"]}\n",
                        false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("alwaysOpenCalendars")
    void shouldRefuseExtraWorkdaysOnAnAlwaysOpenCalendarOnly(
            String name, String calendar, boolean refused) throws Exception {
        String text = defaultPolicy().replace("calendars:\n", "calendars:\n" + calendar);

        if (refused) {
            assertThat(problemsOf(text))
                    .containsExactly(
                            new Problem(
                                    FILE,
                                    lineOf(text, "    extraWorkdays: {2026-12-05"),
                                    5,
                                    "an alwaysOpen calendar has no closed day to make up: every"
                                            + " day is open all day",
                                    "remove 'extraWorkdays', or replace 'alwaysOpen: true' with"
                                            + " 'weekly' opening hours"));
        } else {
            assertThat(PolicyLoader.parse(FILE, text).calendars()).containsKey("extra");
        }
    }

    @Test
    void shouldRefuseAnUnknownEventType() throws Exception {
        String text = defaultPolicy().replace("stop: [RESPONDED]", "stop: [RESPONED]");
        assertThat(problemsOf(text))
                .containsExactly(
                        new Problem(
                                FILE,
                                lineOf(text, "RESPONED"),
                                5,
                                "unknown event type 'RESPONED'",
                                "did you mean 'RESPONDED'? one of CREATED, RESPONDED, DISPATCHED, ARRIVED, PAUSED, RESUMED, RESOLVED, REOPENED, CLOSED, CANCELLED, REASSIGNED, UPDATED, ETA_UPDATED, COMPLAINT, COMPLAINT_ANSWERED, CUSTOMER_MESSAGE, AGENT_MESSAGE, CUSTOMER_UPDATED"));
    }

    @Test
    void shouldRefuseADuplicateKey() throws Exception {
        String text =
                defaultPolicy()
                        .replace(
                                "version: \"2026.11-1\"\n",
                                "version: \"2026.11-1\"\nversion: \"2026.11-2\"\n");
        assertThat(problemsOf(text))
                .containsExactly(
                        new Problem(
                                FILE, 5, 1, "duplicate key 'version'", "keep one 'version' entry"));
    }

    @Test
    void shouldReportInvalidYamlWithItsPosition() throws Exception {
        String text = defaultPolicy().replace("  ARRIVAL:\n", "  ARRIVAL: [\n");
        List<Problem> problems = problemsOf(text);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).reason()).startsWith("not valid YAML: ");
        assertThat(problems.get(0).line())
                .isBetween(lineOf(text, "ARRIVAL: ["), lineOf(text, "ARRIVAL: [") + 2);
    }

    @Test
    void shouldReportEveryProblemOfAFileInOneRun() throws Exception {
        String text =
                defaultPolicy()
                        .replace("extend: 20%", "extend: 60%")
                        .replace("stop: [RESPONDED]", "stop: [RESPONED]")
                        .replace(
                                "warnings:\n      - elapsed: 75%",
                                "warnings:\n      - elapsed: 100%");
        assertThat(problemsOf(text))
                .extracting(Problem::line)
                .containsExactly(
                        lineOf(text, "RESPONED"),
                        lineOf(text, "elapsed: 100%"),
                        lineOf(text, "extend: 60%"));
    }

    @Test
    void shouldFormatProblemsAsFileLineColumnReasonAndFix() {
        assertThatThrownBy(
                        () ->
                                PolicyLoader.parse(
                                        FILE,
                                        defaultPolicy().replace("extend: 20%", "extend: 60%")))
                .isInstanceOf(PolicyException.class)
                .hasMessage(
                        "broken.yaml:"
                                + lineOf(defaultPolicy(), "extend: 20%")
                                + ":"
                                + columnOf(defaultPolicy(), "extend: 20%")
                                + ": the extension 60% is above the policy's cap 50% (fix: lower 'extend' to at most 50% or raise peaks.cap)");
    }

    @Test
    void shouldFillDefaultsForOmittedRetention() throws Exception {
        String text = defaultPolicy().substring(0, defaultPolicy().indexOf("retention:"));
        SlaPolicy policy = PolicyLoader.parse(FILE, text);
        assertThat(
                        Set.of(
                                policy.retentionAfterClosed(),
                                policy.orphanTimeout(),
                                policy.safetyHorizon()))
                .isEqualTo(
                        Set.of(
                                SlaPolicy.DEFAULT_RETENTION_AFTER_CLOSED,
                                SlaPolicy.DEFAULT_ORPHAN_TIMEOUT,
                                SlaPolicy.DEFAULT_SAFETY_HORIZON));
    }

    private static void assertTargets(
            ClockPolicy clock,
            Map<Channel, String> byChannel,
            java.util.function.Function<Channel, String> calendar) {
        for (Channel channel : Channel.values()) {
            for (Priority priority : Priority.values()) {
                for (Complexity complexity : Complexity.values()) {
                    TargetRule rule = clock.targetFor(channel, priority, complexity);
                    assertThat(rule.target())
                            .as("%s %s %s", channel, priority, complexity)
                            .isEqualTo(Duration.parse(byChannel.get(channel)));
                    assertThat(rule.calendar()).isEqualTo(calendar.apply(channel));
                }
            }
        }
    }

    static String defaultPolicy() {
        try {
            return Files.readString(DEFAULT_POLICY);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Problem> problemsOf(String text) {
        try {
            PolicyLoader.parse(FILE, text);
        } catch (PolicyException e) {
            return e.problems();
        }
        throw new AssertionError("the policy loaded, but problems were expected");
    }

    /** The 1-based column at which {@code fragment} starts. */
    static int columnOf(String text, String fragment) {
        int at = text.indexOf(fragment);
        return at - text.lastIndexOf('\n', at);
    }

    /** The 1-based line on which {@code fragment} starts. */
    static int lineOf(String text, String fragment) {
        int at = text.indexOf(fragment);
        if (at < 0) {
            throw new IllegalArgumentException("not in the text: " + fragment);
        }
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
