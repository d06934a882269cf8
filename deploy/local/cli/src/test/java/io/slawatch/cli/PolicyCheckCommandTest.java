package io.slawatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.testkit.Checkout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyCheckCommandTest {

    static final Path ROOT = Checkout.ROOT;
    static final Path DEFAULT_POLICY = ROOT.resolve("deploy/policies/default.yaml");

    @TempDir Path temp;

    @Test
    void shouldSummariseTheDefaultPolicy() {
        CliRun run = CliRun.run("", "policy", "check", DEFAULT_POLICY.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .isEqualTo(
                        DEFAULT_POLICY
                                + ": OK, policy version 2026.11-1\n"
                                + "calendars:\n"
                                + "  24x7: Asia/Shanghai, always open\n"
                                + "  office: Asia/Shanghai, 40.0 h/week, 8 holiday(s), 0 closure(s), 1 extra workday(s)\n"
                                + "clocks:\n"
                                + "  RESPONSE: CREATED -> RESPONDED, COMPLEX responses need etaAt\n"
                                + "    channel=PHONE priority=any complexity=any -> 30s on 24x7\n"
                                + "    channel=CHAT priority=any complexity=any -> 5m on 24x7\n"
                                + "    channel=APP priority=any complexity=any -> 30m on 24x7\n"
                                + "    channel=SOCIAL priority=any complexity=any -> 30m on 24x7\n"
                                + "    channel=EMAIL priority=any complexity=any -> 4h on office\n"
                                + "    at risk: 75% elapsed\n"
                                + "    breached (level 1) at the deadline; escalated level 2 at 100% of the target past the deadline\n"
                                + "  ARRIVAL: CREATED -> ARRIVED, onsite tickets only\n"
                                + "    channel=any priority=CRITICAL complexity=any -> 1h on 24x7\n"
                                + "    channel=any priority=URGENT complexity=any -> 2h on 24x7\n"
                                + "    channel=any priority=NORMAL complexity=any -> 1d on 24x7\n"
                                + "    channel=any priority=LOW complexity=any -> 2d on 24x7\n"
                                + "    at risk: PT30M before the deadline\n"
                                + "    breached (level 1) at the deadline; escalated level 2 at 100% of the target past the deadline\n"
                                + "  RESOLUTION: CREATED -> RESOLVED, paused by PAUSED until RESUMED, new cycle on REOPENED\n"
                                + "    channel=any priority=any complexity=STANDARD -> 1d on 24x7\n"
                                + "    channel=any priority=any complexity=COMPLEX -> 2d on 24x7\n"
                                + "    at risk: PT1H before the deadline\n"
                                + "    breached (level 1) at the deadline; escalated level 2 at 100% of the target past the deadline\n"
                                + "  COMPLAINT_REPLY: COMPLAINT -> COMPLAINT_ANSWERED\n"
                                + "    channel=any priority=any complexity=any -> 2 working days on office\n"
                                + "    at risk: PT2H before the deadline\n"
                                + "    breached (level 1) at the deadline; escalated level 2 at PT8H past the deadline\n"
                                + "  NEXT_REPLY: CUSTOMER_MESSAGE -> RESOLVED|AGENT_MESSAGE, channel=CHAT|EMAIL tickets only\n"
                                + "    channel=CHAT priority=any complexity=any -> 5m on 24x7\n"
                                + "    channel=EMAIL priority=any complexity=any -> 4h on office\n"
                                + "    at risk: 80% elapsed\n"
                                + "    breached (level 1) at the deadline\n"
                                + "  PERIODIC_UPDATE: CREATED -> RESOLVED, new cycle on REOPENED, renewed by CUSTOMER_UPDATED, complexity=COMPLEX tickets only\n"
                                + "    channel=any priority=any complexity=any -> 8h on 24x7\n"
                                + "    at risk: PT1H before the deadline\n"
                                + "    breached (level 1) at the deadline\n"
                                + "peaks (cap 50%):\n"
                                + "  singles-day: 2026-11-10T16:00:00Z to 2026-11-11T16:00:00Z, +20%\n"
                                + "retention: 1d after CLOSED; orphans quarantined after 1h; never-closed tickets cleared after 90d\n"
                                + "consequences of a BREACHED RESPONSE|ARRIVAL|RESOLUTION alert, in working days of office, months in Asia/Shanghai:\n"
                                + "  verified within 2 working days, else CONFIRM by the policy\n"
                                + "  agent: -2 points a breach; the month's first brings WARNING and TRAINING (due in 5 working days); the 3rd brings a SUSPENSION of 3 working days\n"
                                + "  department: -1 point a breach; the month's 5th brings a NOTICE\n"
                                + "  customer: APOLOGY per confirmed breach; one compensation per ticket:\n"
                                + "    late up to 2h -> COUPON 10%\n"
                                + "    late up to 1d -> COUPON 20%, UPGRADE 3 months\n"
                                + "    late more than 1d -> COUPON 20%, UPGRADE 3 months, MANUAL_REVIEW\n"
                                + "  decided actions due within 3 working days, else OVERDUE\n"
                                + "predictions: PREDICTED_BREACH from 50% likely late; ETA error 10m ± 20m"
                                + " until a region's hour band has 20 arrivals\n"
                                + "report: the public edition shows agents under keyed pseudonyms\n");
    }

    @Test
    void shouldListEveryProblemOfABrokenCopyWithLineNumbersAndExitOne() throws Exception {
        Path broken = temp.resolve("broken.yaml");
        String text =
                Files.readString(DEFAULT_POLICY)
                        .replace("extend: 20%", "extend: 60%")
                        .replace(
                                "timeZone: Asia/Shanghai\n    weekly:",
                                "timeZone: Asia/Shangai\n    weekly:");
        Files.writeString(broken, text);

        CliRun run = CliRun.run("", "policy", "check", broken.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo(
                        broken
                                + ": 2 problems\n"
                                + "  "
                                + broken
                                + ":"
                                + position(text, "timeZone: Asia/Shangai")
                                + ": 'Asia/Shangai' is not a time zone: Unknown time-zone ID: Asia/Shangai (fix: use an IANA zone id such as Asia/Shanghai or Europe/Berlin)\n"
                                + "  "
                                + broken
                                + ":"
                                + position(text, "extend: 60%")
                                + ": the extension 60% is above the policy's cap 50% (fix: lower 'extend' to at most 50% or raise peaks.cap)\n");
    }

    @Test
    void shouldFailWhenOneOfSeveralFilesIsBrokenAndStillCheckTheOthers() throws Exception {
        Path missing = temp.resolve("missing.yaml");

        CliRun run =
                CliRun.run("", "policy", "check", missing.toString(), DEFAULT_POLICY.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .startsWith(missing + ": 1 problem\n  " + missing + ":1:1: cannot read the file");
        assertThat(run.out()).startsWith(DEFAULT_POLICY + ": OK, policy version 2026.11-1\n");
    }

    @Test
    void shouldListCommandsInHelp() {
        CliRun run = CliRun.run("", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("policy", "calendar", "Real-time SLA monitor");
    }

    /** {@code line:column} (1-based) where {@code fragment} starts in {@code text}. */
    static String position(String text, String fragment) {
        int at = text.indexOf(fragment);
        long line = text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        return line + ":" + (at - text.lastIndexOf('\n', at));
    }
}
