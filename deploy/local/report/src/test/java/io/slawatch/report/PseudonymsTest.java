package io.slawatch.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PseudonymsTest {

    static final byte[] SECRET = "sixteen-byte-key-and-more".getBytes(StandardCharsets.UTF_8);
    static final byte[] OTHER_SECRET = "another-sixteen-byte-key".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldGiveAnAgentTheSamePseudonymUnderTheSameSecretOnly() {
        String pseudonym = new Pseudonyms(SECRET).of("a-east-3");

        assertThat(pseudonym).matches("agent-[0-9a-f]{10}").doesNotContain("east");
        assertThat(new Pseudonyms(SECRET).of("a-east-3")).isEqualTo(pseudonym);
        assertThat(new Pseudonyms(SECRET).of("a-east-4")).isNotEqualTo(pseudonym);
        assertThat(new Pseudonyms(OTHER_SECRET).of("a-east-3")).isNotEqualTo(pseudonym);
    }

    @Test
    void shouldRefuseAGuessableSecret() {
        assertThatThrownBy(() -> new Pseudonyms("short".getBytes(StandardCharsets.UTF_8)))
                .hasMessage(
                        "the pseudonym secret has 5 bytes; it needs at least 16 (e.g. head -c 32"
                                + " /dev/urandom | base64 > FILE)");
    }
}
