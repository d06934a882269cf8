package io.slawatch.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The Elasticsearch child process: starts from the Maven-resolved zip, serves, leaves nothing. */
class EmbeddedElasticsearchITCase {

    static final Path ROOT = Path.of(System.getProperty("slawatch.root", "../.."));

    final HttpClient http = HttpClient.newHttpClient();

    String call(String method, String url, String body) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).header("content-type", "application/json");
        request.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response =
                http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return response.body();
    }

    @Test
    void shouldServeCoreAggregationsAndLeaveNothingBehind() throws Exception {
        EmbeddedElasticsearch elasticsearch =
                EmbeddedElasticsearch.start(EmbeddedElasticsearch.distribution(ROOT));
        try {
            String url = elasticsearch.url();
            call(
                    "PUT",
                    url + "/probe",
                    "{\"mappings\":{\"properties\":{\"seconds\":{\"type\":\"long\"},\"channel\":{\"type\":\"keyword\"},\"at\":{\"type\":\"date\"}}}}");
            call(
                    "POST",
                    url + "/probe/_doc?refresh=true",
                    "{\"seconds\":20,\"channel\":\"PHONE\",\"at\":\"2026-11-23T01:00:00Z\"}");
            call(
                    "POST",
                    url + "/probe/_doc?refresh=true",
                    "{\"seconds\":40,\"channel\":\"PHONE\",\"at\":\"2026-11-23T01:00:30Z\"}");

            String result =
                    call(
                            "POST",
                            url + "/probe/_search",
                            "{\"size\":0,\"aggs\":{\"minute\":{\"date_histogram\":{\"field\":\"at\",\"fixed_interval\":\"1m\"},\"aggs\":{\"channel\":{\"terms\":{\"field\":\"channel\"}},\"p90\":{\"percentiles\":{\"field\":\"seconds\",\"percents\":[90]}}}}}}");

            assertThat(result).contains("\"doc_count\":2", "\"key\":\"PHONE\"", "\"90.0\":");
        } finally {
            elasticsearch.close();
        }
        assertThat(elasticsearch.isStopped()).isTrue();
    }
}
