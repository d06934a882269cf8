package io.slawatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.testkit.Http;
import io.slawatch.testkit.SharedElasticsearch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Elasticsearch child process serves what the dashboards need: core aggregations. */
@ExtendWith(SharedElasticsearch.class)
class EmbeddedElasticsearchITCase {

    @Test
    void shouldServeCoreAggregations() throws Exception {
        Http http = new Http(SharedElasticsearch.url());
        http.call(
                "PUT",
                "/probe",
                "{\"mappings\":{\"properties\":{\"seconds\":{\"type\":\"long\"},\"channel\":{\"type\":\"keyword\"},\"at\":{\"type\":\"date\"}}}}");
        http.call(
                "POST",
                "/probe/_doc?refresh=true",
                "{\"seconds\":20,\"channel\":\"PHONE\",\"at\":\"2026-11-23T01:00:00Z\"}");
        http.call(
                "POST",
                "/probe/_doc?refresh=true",
                "{\"seconds\":40,\"channel\":\"PHONE\",\"at\":\"2026-11-23T01:00:30Z\"}");

        String result =
                http.call(
                        "POST",
                        "/probe/_search",
                        "{\"size\":0,\"aggs\":{\"minute\":{\"date_histogram\":{\"field\":\"at\",\"fixed_interval\":\"1m\"},\"aggs\":{\"channel\":{\"terms\":{\"field\":\"channel\"}},\"p90\":{\"percentiles\":{\"field\":\"seconds\",\"percents\":[90]}}}}}}");

        assertThat(result).contains("\"doc_count\":2", "\"key\":\"PHONE\"", "\"90.0\":");
    }
}
