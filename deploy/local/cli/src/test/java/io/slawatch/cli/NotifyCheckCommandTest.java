package io.slawatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.testkit.Checkout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifyCheckCommandTest {

    static final Path SHIPPED = Checkout.resolve("deploy/notify/notify.yaml");
    static final Path EVERY_OPTION = Checkout.resolve("deploy/notify/notify-all.example.yaml");

    @TempDir Path temp;

    @Test
    void shouldSummariseTheShippedFile() {
        CliRun run = CliRun.run("", "notify", "check", SHIPPED.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .isEqualTo(
                        SHIPPED
                                + ": 1 receiver, 1 route\n"
                                + "  receiver ops: alertmanager at http://127.0.0.1:9093, firing"
                                + " alerts re-sent every PT1M; retried for PT1H\n"
                                + "  route to ops: kind in [AT_RISK, BREACHED, ESCALATED, PREDICTED_BREACH]\n");
    }

    @Test
    void shouldSayWhereEachSecretIsReadFromAndWhetherItIsThereButNeverWhatItIs() throws Exception {
        Path secret = temp.resolve("routing-key");
        Files.writeString(secret, "R0UT1NGKEY-NEVER-PRINTED\n");
        Path file = temp.resolve("notify.yaml");
        Files.writeString(
                file,
                Files.readString(EVERY_OPTION)
                        .replace("/run/secrets/pagerduty-routing-key", secret.toString()));

        CliRun run = CliRun.run("", "notify", "check", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains(
                        "  receiver on-call: pagerduty at https://events.pagerduty.com/v2/enqueue,"
                                + " secret from the secret file "
                                + secret
                                + " (there), one incident per clock cycle; retried for PT1H\n",
                        "  receiver helpdesk-webhook: webhook at"
                                + " https://helpdesk.example.com/hooks/slawatch, secret from the"
                                + " environment variable SLAWATCH_WEBHOOK_SECRET (not there on this"
                                + " machine), CloudEvents signed per Standard Webhooks; retried for"
                                + " PT1H\n",
                        "  route to helpdesk-webhook: kind in [BREACHED, ESCALATED, MET_LATE,"
                                + " RETRACTED], region in [minhang, pudong]\n")
                .doesNotContain("R0UT1NGKEY");
    }

    @Test
    void shouldListEveryProblemWithItsPlaceAndFix() throws Exception {
        Path file = temp.resolve("broken.yaml");
        Files.writeString(
                file,
                "receivers:\n"
                        + "  - {name: ops, type: alertmanager, url: 'http://am:9093'}\n"
                        + "routes:\n"
                        + "  - receiver: opps\n");

        CliRun run = CliRun.run("", "notify", "check", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo(
                        file
                                + ": 1 problem\n  "
                                + file
                                + ":4:5: no receiver named 'opps' (fix: did you mean 'ops'?"
                                + " receivers: ops)\n");
    }
}
