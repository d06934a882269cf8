package io.slawatch.policy;

import static io.slawatch.policy.PolicyLoaderTest.DEFAULT_POLICY;
import static io.slawatch.policy.PolicyLoaderTest.FILE;
import static io.slawatch.policy.PolicyLoaderTest.columnOf;
import static io.slawatch.policy.PolicyLoaderTest.defaultPolicy;
import static io.slawatch.policy.PolicyLoaderTest.lineOf;
import static io.slawatch.policy.PolicyLoaderTest.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportPolicyLoaderTest {

    @Test
    void shouldPublishAgentsUnderPseudonymsInTheDefaultPolicy() throws Exception {
        assertThat(PolicyLoader.load(DEFAULT_POLICY).report())
                .isEqualTo(new ReportPolicy(PublicAgents.PSEUDONYMS));
    }

    @Test
    void shouldPublishNoAgentsWithoutTheSection() throws Exception {
        String text = defaultPolicy();
        String without = text.substring(0, text.indexOf("\nreport:"));

        assertThat(PolicyLoader.parse(FILE, without).report()).isEqualTo(ReportPolicy.DEFAULT);
        assertThat(ReportPolicy.DEFAULT.publicAgents()).isEqualTo(PublicAgents.NONE);
    }

    @Test
    void shouldLocateAnUnknownChoice() {
        String text =
                defaultPolicy().replace("publicAgents: PSEUDONYMS", "publicAgents: PSEUDONYM");

        assertThat(problemsOf(text))
                .containsExactly(
                        new Problem(
                                FILE,
                                lineOf(text, "publicAgents: PSEUDONYM "),
                                columnOf(text, "publicAgents: PSEUDONYM "),
                                "unknown choice for publicAgents 'PSEUDONYM'",
                                "did you mean 'PSEUDONYMS'? one of PSEUDONYMS, NONE"));
    }
}
