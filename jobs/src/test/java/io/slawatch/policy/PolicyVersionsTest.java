package io.slawatch.policy;

import static io.slawatch.policy.PolicyLoaderTest.defaultPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which published version is in force when, and that a version never changes. */
class PolicyVersionsTest {

    static final Instant DECEMBER_1 = Instant.parse("2026-12-01T00:00:00Z");
    static final Instant DECEMBER_15 = Instant.parse("2026-12-15T00:00:00Z");

    final PolicyVersions versions = new PolicyVersions();

    static PolicyVersion version(String label, Instant from) {
        return new PolicyVersion(
                label,
                from,
                label + ".yaml",
                defaultPolicy().replace("version: \"2026.11-1\"", "version: \"" + label + "\""));
    }

    @Test
    void shouldPutNoVersionInForceBeforeTheFirstTakesEffect() throws Exception {
        versions.add(version("v1", DECEMBER_1));

        assertThat(versions.inForceAt(DECEMBER_1.minusSeconds(1))).isNull();
        assertThat(versions.inForceAt(DECEMBER_1).version()).isEqualTo("v1");
    }

    @Test
    void shouldPutTheLatestEffectiveVersionInForceWhateverOrderTheyWerePublishedIn()
            throws Exception {
        versions.add(version("v2", DECEMBER_15));
        versions.add(version("v1", DECEMBER_1));

        assertThat(versions.inForceAt(DECEMBER_15.minusSeconds(1)).version()).isEqualTo("v1");
        assertThat(versions.inForceAt(DECEMBER_15).version()).isEqualTo("v2");
        assertThat(versions.records())
                .extracting(PolicyVersion::version)
                .containsExactly("v1", "v2");
    }

    @Test
    void shouldPutTheLaterPublishedOfTwoVersionsFromTheSameInstantInForce() throws Exception {
        versions.add(version("v1", DECEMBER_1));
        versions.add(version("v1-fix", DECEMBER_1));

        assertThat(versions.inForceAt(DECEMBER_1).version()).isEqualTo("v1-fix");
    }

    @Test
    void shouldIgnoreAVersionPublishedAgainWithTheSameContent() throws Exception {
        assertThat(versions.add(version("v1", DECEMBER_1))).isTrue();
        assertThat(versions.add(version("v1", DECEMBER_15))).isFalse();

        assertThat(versions.inForceAt(DECEMBER_1).version()).isEqualTo("v1");
    }

    @Test
    void shouldRefuseAVersionPublishedAgainWithOtherContent() throws Exception {
        versions.add(version("v1", DECEMBER_1));
        PolicyVersion changed =
                new PolicyVersion(
                        "v1",
                        DECEMBER_15,
                        "changed.yaml",
                        version("v1", DECEMBER_1).policy().replace("PT30S", "PT60S"));

        assertThatThrownBy(() -> versions.add(changed))
                .isInstanceOf(PolicyException.class)
                .hasMessage(
                        "changed.yaml:1:1: version 'v1' was published before with other content"
                                + " (v1.yaml) (fix: a published version never changes: give the"
                                + " changed policy a new 'version')");
    }

    @Test
    void shouldRefuseARecordWhoseLabelIsNotItsPolicysVersion() {
        PolicyVersion mislabelled =
                new PolicyVersion("v9", DECEMBER_1, "default.yaml", defaultPolicy());

        assertThatThrownBy(() -> versions.add(mislabelled))
                .isInstanceOf(PolicyException.class)
                .hasMessageStartingWith(
                        "default.yaml:1:1: the record says version 'v9' but the policy says"
                                + " '2026.11-1'");
    }

    @Test
    void shouldDropAVersionOnlyOnceNoTicketCreatedUnderItCanStillBeKept() throws Exception {
        versions.add(version("v1", DECEMBER_1));
        versions.add(version("v2", DECEMBER_15));
        // A ticket created just before v2 took effect is kept at most 90 days, then 24 h.
        Instant lastUse =
                DECEMBER_15
                        .plus(SlaPolicy.DEFAULT_SAFETY_HORIZON)
                        .plus(SlaPolicy.DEFAULT_RETENTION_AFTER_CLOSED);

        assertThat(versions.unusedAt(lastUse)).isEmpty();
        assertThat(versions.unusedAt(lastUse.plusMillis(1))).containsExactly("v1");
        versions.remove("v1");
        assertThat(versions.get("v1")).isNull();
        assertThat(versions.unusedAt(Instant.MAX)).as("the latest is never dropped").isEmpty();
    }
}
