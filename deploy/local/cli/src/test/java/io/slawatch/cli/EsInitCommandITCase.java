package io.slawatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.testkit.SharedElasticsearch;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code slawatch es init} against a real Elasticsearch. */
@ExtendWith(SharedElasticsearch.class)
class EsInitCommandITCase {

    static final String STATS_TEMPLATE = "slawatch-stats-agent-1d";

    @Test
    void shouldInstallOnlyTheTemplatesThatAreAbsentOrOlder() throws Exception {
        String url = SharedElasticsearch.url();
        HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(url + "/_index_template/" + STATS_TEMPLATE))
                                .DELETE()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());

        CliRun run = CliRun.run("", "es", "init", "--elasticsearch", url);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines())
                .contains("installed index template " + STATS_TEMPLATE)
                .hasSize(8)
                .allMatch(line -> line.matches("(installed|present  ) index template slawatch-.*"));
        assertThat(CliRun.run("", "es", "init", "--elasticsearch", url).out().lines())
                .containsExactly(
                        "present   index template slawatch-alerts",
                        "present   index template slawatch-clocks",
                        "present   index template slawatch-stats-tech-1h",
                        "present   index template slawatch-stats-agent-1d",
                        "present   index template slawatch-ledger",
                        "present   index template slawatch-cases",
                        "present   index template slawatch-actions",
                        "present   index template slawatch-predictions");
    }

    @Test
    void shouldRefuseToStartWithoutAnElasticsearchOrWithABadCertificate() {
        CliRun missing = CliRun.run("", "es", "init");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err())
                .isEqualTo(
                        "slawatch es init: bad options:\n"
                                + "  --elasticsearch is required, e.g. --elasticsearch"
                                + " http://localhost:9200\n");

        CliRun notPem =
                CliRun.run(
                        "",
                        "es",
                        "init",
                        "--elasticsearch",
                        "https://localhost:9200",
                        "--elasticsearch-ca-file",
                        "pom.xml");
        assertThat(notPem.exitCode()).isEqualTo(1);
        assertThat(notPem.err())
                .isEqualTo(
                        "slawatch es init: bad options:\n"
                                + "  --elasticsearch-ca-file is not a PEM certificate; give the CA"
                                + " file (e.g. http_ca.crt), which starts with -----BEGIN"
                                + " CERTIFICATE-----\n");
    }
}
