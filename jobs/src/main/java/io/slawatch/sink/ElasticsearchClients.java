package io.slawatch.sink;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.slawatch.serde.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/** Builds the official Elasticsearch client from {@link ElasticsearchOptions}. */
public final class ElasticsearchClients {

    private ElasticsearchClients() {}

    public static ElasticsearchClient create(ElasticsearchOptions options) {
        HttpHost[] hosts = options.urls().stream().map(HttpHost::create).toArray(HttpHost[]::new);
        RestClientBuilder builder = RestClient.builder(hosts);
        if (options.apiKey() != null) {
            builder.setDefaultHeaders(
                    new Header[] {new BasicHeader("Authorization", "ApiKey " + options.apiKey())});
        } else if (options.username() != null) {
            String credentials = options.username() + ":" + options.password();
            builder.setDefaultHeaders(
                    new Header[] {
                        new BasicHeader(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(
                                                        credentials.getBytes(
                                                                StandardCharsets.UTF_8)))
                    });
        }
        return new ElasticsearchClient(
                new RestClientTransport(builder.build(), new JacksonJsonpMapper(Json.mapper())));
    }
}
