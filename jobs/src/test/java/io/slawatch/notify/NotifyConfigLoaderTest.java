package io.slawatch.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slawatch.policy.PolicyException;
import io.slawatch.testkit.Checkout;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NotifyConfigLoaderTest {

    static final String FILE = "notify.yaml";

    static List<String> problems(String yaml) {
        try {
            NotifyConfigLoader.parse(FILE, yaml);
        } catch (PolicyException e) {
            return e.problems().stream().map(Object::toString).toList();
        }
        throw new AssertionError("accepted:\n" + yaml);
    }

    @Test
    void shouldLoadTheShippedFileAsWritten() throws Exception {
        NotifyConfig config =
                NotifyConfigLoader.load(Checkout.resolve("deploy/notify/notify.yaml"));

        assertThat(config.receivers())
                .containsExactly(
                        new Receiver(
                                "ops",
                                ReceiverType.ALERTMANAGER,
                                URI.create("http://127.0.0.1:9093"),
                                null,
                                null,
                                null,
                                Receiver.DEFAULT_TIMEOUT,
                                Receiver.DEFAULT_RESEND_INTERVAL,
                                Receiver.DEFAULT_RESEND_FOR,
                                Receiver.DEFAULT_MAX_AGE,
                                Receiver.DEFAULT_QUEUE_CAPACITY,
                                null,
                                Receiver.DEFAULT_SOURCE));
        assertThat(config.routes())
                .containsExactly(
                        new Route(
                                "ops",
                                Map.of(
                                        MatchField.KIND,
                                        Set.of(
                                                "AT_RISK",
                                                "BREACHED",
                                                "ESCALATED",
                                                "PREDICTED_BREACH"))));
    }

    @Test
    void shouldLoadEveryOptionOfTheExample() throws Exception {
        NotifyConfig config =
                NotifyConfigLoader.load(Checkout.resolve("deploy/notify/notify-all.example.yaml"));

        Map<String, Receiver> receivers = config.receiversByName();
        assertThat(receivers.get("ops").password())
                .isEqualTo(SecretSource.ofFile("/run/secrets/alertmanager-password"));
        assertThat(receivers.get("ops").user()).isEqualTo("slawatch");
        assertThat(receivers.get("helpdesk-webhook").secret())
                .isEqualTo(SecretSource.ofEnv("SLAWATCH_WEBHOOK_SECRET"));
        assertThat(receivers.get("helpdesk-webhook").maxAge()).isEqualTo(Duration.ofHours(1));
        assertThat(receivers.get("on-call").type()).isEqualTo(ReceiverType.PAGERDUTY);
        assertThat(config.routes().get(1).match())
                .isEqualTo(
                        Map.of(
                                MatchField.KIND,
                                Set.of("BREACHED", "ESCALATED", "MET_LATE", "RETRACTED"),
                                MatchField.REGION,
                                Set.of("pudong", "minhang")));
    }

    @Test
    void shouldRefuseASecretWrittenIntoTheFileWithoutRepeatingIt() {
        assertThat(
                        problems(
                                """
                                receivers:
                                  - name: hooks
                                    type: webhook
                                    url: https://example.com/hook
                                    secret: whsec_c2VjcmV0
                                routes:
                                  - receiver: hooks
                                """))
                .containsExactly(
                        "notify.yaml:5:5: 'secret' must name where the secret is, not hold it"
                                + " (fix: put it in a file or an environment variable and write"
                                + " 'secret: {file: PATH}' or 'secret: {env: NAME}')");
    }

    @Test
    void shouldNameTheNearestKeyTypeKindAndReceiver() {
        assertThat(
                        problems(
                                """
                                receivers:
                                  - name: ops
                                    type: alertmanagr
                                    url: http://127.0.0.1:9093
                                    resendIntervall: PT30S
                                routes:
                                  - receiver: opz
                                    match: {kind: [BREACH]}
                                """))
                .containsExactly(
                        "notify.yaml:5:5: unknown key 'resendIntervall' in a receiver (fix: did you"
                                + " mean 'resendInterval'? valid keys: auth, generatorUrl, maxAge,"
                                + " name, queueCapacity, resendFor, resendInterval, secret, source,"
                                + " timeout, type, url)",
                        "notify.yaml:3:5: unknown receiver type 'alertmanagr' (fix: did you mean"
                                + " 'alertmanager'? one of alertmanager, webhook, pagerduty)",
                        "notify.yaml:7:5: no receiver named 'opz' (fix: did you mean 'ops'?"
                                + " receivers: ops)",
                        "notify.yaml:8:20: unknown kind 'BREACH' (fix: did you mean 'BREACHED'? one"
                                + " of AT_RISK, BREACHED, ESCALATED, MET_LATE, RETRACTED, PREDICTED_BREACH, PREDICTION_CLEARED)");
    }

    @Test
    void shouldAskForWhatEachReceiverTypeNeeds() {
        assertThat(
                        problems(
                                """
                                receivers:
                                  - name: hooks
                                    type: webhook
                                    url: ftp://example.com
                                  - name: pd
                                    type: pagerduty
                                    url: https://events.pagerduty.com/v2/enqueue
                                routes:
                                  - receiver: hooks
                                """))
                .containsExactly(
                        "notify.yaml:4:5: 'ftp://example.com' is not an http or https URL with a"
                                + " host (fix: write e.g. http://127.0.0.1:9093)",
                        "notify.yaml:2:5: a webhook receiver needs a signing 'secret' (fix: add"
                                + " 'secret: {env: SLAWATCH_WEBHOOK_SECRET}' holding a whsec_…"
                                + " secret)",
                        "notify.yaml:5:5: a pagerduty receiver needs its routing key as 'secret'"
                                + " (fix: add 'secret: {env: PAGERDUTY_ROUTING_KEY}')");
    }

    @Test
    void shouldRefuseAFileWithoutRoutes() {
        assertThatThrownBy(
                        () ->
                                NotifyConfigLoader.parse(
                                        FILE,
                                        "receivers:\n  - {name: ops, type: alertmanager, url:"
                                                + " 'http://am:9093'}\n"))
                .isInstanceOf(PolicyException.class)
                .hasMessage(
                        "notify.yaml:1:1: no 'routes': no alert would be delivered (fix: add"
                                + " 'routes:' with '- receiver: NAME' and a 'match')");
    }
}
