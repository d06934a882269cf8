package io.slawatch.sink;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.DeserializationFeature;
import io.slawatch.serde.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/** Builds the official Elasticsearch client from {@link ElasticsearchOptions}. */
public final class ElasticsearchClients {

    private ElasticsearchClients() {}

    public static ElasticsearchClient create(ElasticsearchOptions options) {
        return new ElasticsearchClient(
                new RestClientTransport(
                        restClient(options),
                        // The client reads each document out of a larger response: a document
                        // ends before its input does.
                        new JacksonJsonpMapper(
                                Json.mapper()
                                        .copy()
                                        .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS))));
    }

    /** The low-level client underneath: what the sink's bulk requests go through. */
    public static RestClient restClient(ElasticsearchOptions options) {
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
        int timeout = Math.toIntExact(options.requestTimeout().toMillis());
        builder.setRequestConfigCallback(
                request -> request.setConnectTimeout(timeout).setSocketTimeout(timeout));
        if (options.caCertificate() != null) {
            SSLContext tls = trusting(options.caCertificate());
            builder.setHttpClientConfigCallback(client -> client.setSSLContext(tls));
        }
        return builder.build();
    }

    /** TLS that trusts the certificates signed by the given CA (PEM). */
    static SSLContext trusting(String pem) {
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int i = 0;
            for (Certificate certificate :
                    CertificateFactory.getInstance("X.509")
                            .generateCertificates(
                                    new ByteArrayInputStream(
                                            pem.getBytes(StandardCharsets.US_ASCII)))) {
                trusted.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory trust =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            return tls;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException(
                    "the Elasticsearch CA certificate cannot be used: " + e.getMessage(), e);
        }
    }
}
