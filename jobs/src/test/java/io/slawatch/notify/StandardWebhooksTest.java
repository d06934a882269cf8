package io.slawatch.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StandardWebhooksTest {

    /** The Standard Webhooks specification's published test vector. */
    static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long SPEC_TIMESTAMP = 1614265330;
    static final byte[] SPEC_BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    /** Another key, as during a rotation: its signature is the first one's, under that key. */
    static final String NEXT_SECRET = "whsec_" + "c2xhd2F0Y2gtbmV4dC1rZXktZm9yLXJvdGF0aW9u";

    @Test
    void shouldReproduceTheSpecificationsTestVector() {
        assertThat(
                        StandardWebhooks.signature(
                                StandardWebhooks.keys(SPEC_SECRET),
                                SPEC_ID,
                                SPEC_TIMESTAMP,
                                SPEC_BODY))
                .isEqualTo(SPEC_SIGNATURE);
    }

    @Test
    void shouldSignWithEveryKeyWhileKeysRotate() {
        String next =
                StandardWebhooks.signature(
                        StandardWebhooks.keys(NEXT_SECRET), SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY);

        assertThat(
                        StandardWebhooks.signature(
                                StandardWebhooks.keys(SPEC_SECRET + " " + NEXT_SECRET),
                                SPEC_ID,
                                SPEC_TIMESTAMP,
                                SPEC_BODY))
                .isEqualTo(SPEC_SIGNATURE + " " + next);
    }

    @Test
    void shouldRefuseASecretThatIsNotBase64WithoutRepeatingIt() {
        assertThatThrownBy(() -> StandardWebhooks.keys("whsec_not*base64!"))
                .hasMessage("a webhook secret is not whsec_ followed by Base64")
                .hasMessageNotContaining("not*base64");
    }
}
