package io.slawatch.policy;

import static io.slawatch.policy.PolicyLoaderTest.DEFAULT_POLICY;
import static io.slawatch.policy.PolicyLoaderTest.FILE;
import static io.slawatch.policy.PolicyLoaderTest.columnOf;
import static io.slawatch.policy.PolicyLoaderTest.defaultPolicy;
import static io.slawatch.policy.PolicyLoaderTest.lineOf;
import static io.slawatch.policy.PolicyLoaderTest.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.model.ClockType;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The policy's {@code consequences} section: the after-sales rules, and located errors. */
class ConsequencesLoaderTest {

    @Test
    void shouldEncodeTheAfterSalesRulesInTheDefaultPolicy() throws Exception {
        ConsequencePolicy rules = PolicyLoader.load(DEFAULT_POLICY).consequences();

        assertThat(rules.clocks())
                .isEqualTo(Set.of(ClockType.RESPONSE, ClockType.ARRIVAL, ClockType.RESOLUTION));
        assertThat(rules.calendar()).isEqualTo("office");
        assertThat(rules.monthZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(rules.verifyWithin()).isEqualTo(2);
        assertThat(rules.whenUndecided()).isEqualTo(UndecidedCase.CONFIRM);
        assertThat(rules.actionsDueWithin()).isEqualTo(3);
        assertThat(rules.agentPointsPerBreach()).isEqualTo(2);
        assertThat(rules.trainingDueWithin()).isEqualTo(5);
        assertThat(rules.suspensionAt()).isEqualTo(3);
        assertThat(rules.suspensionDays()).isEqualTo(3);
        assertThat(rules.teamPointsPerBreach()).isEqualTo(1);
        assertThat(rules.noticeAt()).isEqualTo(5);
        assertThat(rules.tiers())
                .containsExactly(
                        new CompensationTier(1, Duration.ofHours(2), 10, 0, false),
                        new CompensationTier(2, Duration.ofHours(24), 20, 3, false),
                        new CompensationTier(3, null, 20, 3, true));
    }

    @Test
    void shouldTierLatenessWithTheUpperBoundsInclusive() throws Exception {
        ConsequencePolicy rules = PolicyLoader.load(DEFAULT_POLICY).consequences();

        assertThat(rules.tier(Duration.ofHours(2).getSeconds()).rank()).isEqualTo(1);
        assertThat(rules.tier(Duration.ofHours(2).getSeconds() + 1).rank()).isEqualTo(2);
        assertThat(rules.tier(Duration.ofHours(24).getSeconds()).rank()).isEqualTo(2);
        assertThat(rules.tier(Duration.ofHours(24).getSeconds() + 1).rank()).isEqualTo(3);
    }

    @Test
    void shouldHaveNoConsequencesWithoutTheSection() throws Exception {
        String text = defaultPolicy();
        String without = text.substring(0, text.indexOf("\n# What follows a breach"));

        assertThat(PolicyLoader.parse(FILE, without).consequences()).isNull();
    }

    @Test
    void shouldLocateAnUnknownCalendar() {
        String text =
                defaultPolicy()
                        .replace(
                                "  calendar: office\n  monthZone",
                                "  calendar: ofice\n  monthZone");

        assertThat(problemsOf(text))
                .containsExactly(
                        new Problem(
                                FILE,
                                lineOf(text, "calendar: ofice"),
                                columnOf(text, "calendar: ofice"),
                                "unknown calendar 'ofice'",
                                "did you mean 'office'? calendars defined: 24x7, office"));
    }

    @Test
    void shouldRefuseAnUpperBoundOnTheLastTier() {
        String text =
                defaultPolicy()
                        .replace(
                                "{couponPercent: 20, upgradeMonths: 3, manualReview: true}",
                                "{lateUpTo: P7D, couponPercent: 20, upgradeMonths: 3,"
                                        + " manualReview: true}");

        assertThat(problemsOf(text))
                .containsExactly(
                        new Problem(
                                FILE,
                                lineOf(text, "lateUpTo: P7D"),
                                columnOf(text, "lateUpTo: P7D"),
                                "the last compensation tier has an upper bound, so a later breach"
                                        + " gets none",
                                "remove 'lateUpTo' from the last tier: it covers everything"
                                        + " later"));
    }

    @Test
    void shouldRefuseTiersOutOfOrder() {
        String text = defaultPolicy().replace("{lateUpTo: PT24H,", "{lateUpTo: PT1H,");

        assertThat(problemsOf(text))
                .containsExactly(
                        new Problem(
                                FILE,
                                lineOf(text, "lateUpTo: PT1H"),
                                columnOf(text, "lateUpTo: PT1H"),
                                "tier 2 ends no later than the tier before it",
                                "order tiers by 'lateUpTo', shortest first"));
    }

    @Test
    void shouldRefuseAWorkingDayCountThatIsNotAWholeNumber() {
        String text =
                defaultPolicy().replace("{within: 2, whenUndecided", "{within: two, whenUndecided");

        assertThat(problemsOf(text))
                .containsExactly(
                        new Problem(
                                FILE,
                                lineOf(text, "within: two"),
                                columnOf(text, "within: two"),
                                "'two' is not a whole number from 1 up",
                                "write e.g. 'within: 2'"));
    }

    @Test
    void shouldNameTheChoicesOfAnUnknownDecision() {
        String text = defaultPolicy().replace("whenUndecided: CONFIRM", "whenUndecided: CONFIRMED");

        assertThat(problemsOf(text))
                .extracting(Problem::reason, Problem::fix)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "unknown decision 'CONFIRMED'",
                                "did you mean 'CONFIRM'? one of CONFIRM, WAIVE"));
    }

    @Test
    void shouldRefuseConsequencesOfAClockThePolicyDoesNotRun() {
        String text = defaultPolicy();
        int arrival = text.indexOf("  ARRIVAL:");
        int resolution = text.indexOf("  RESOLUTION:");
        String without = text.substring(0, arrival) + text.substring(resolution);

        List<Problem> problems = problemsOf(without);

        assertThat(problems)
                .extracting(Problem::reason)
                .containsExactly(
                        "clock 'ARRIVAL' has consequences but the policy does not define it",
                        "'prediction' predicts ARRIVAL breaches, but the policy has no ARRIVAL clock");
    }
}
