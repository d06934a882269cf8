package io.slawatch.sink;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * How the sink reaches Elasticsearch and how it batches. Credentials come from the environment or a
 * file named by an option, never from the command line, and are never printed.
 *
 * @param caCertificate PEM text of the CA that signed the servers' certificates; the JDK's trusted
 *     CAs when absent
 * @param requestTimeout the longest a request may take before it is retried
 * @param maxActions documents per bulk request of one index; an index with that many waiting is
 *     sent at once
 * @param flushInterval the longest a document waits in the buffer
 */
public record ElasticsearchOptions(
        List<String> urls,
        String apiKey,
        String username,
        String password,
        String caCertificate,
        Duration requestTimeout,
        int maxActions,
        Duration flushInterval,
        Duration initialBackoff,
        Duration maxBackoff)
        implements Serializable {

    public static final int DEFAULT_MAX_ACTIONS = 1000;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(100);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(10);

    public ElasticsearchOptions {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("at least one Elasticsearch URL is needed");
        }
        if (maxActions < 1) {
            throw new IllegalArgumentException("maxActions must be at least 1");
        }
    }

    /** Unauthenticated access with the default batching, e.g. to a local test cluster. */
    public static ElasticsearchOptions of(String url) {
        return new ElasticsearchOptions(
                List.of(url),
                null,
                null,
                null,
                null,
                DEFAULT_REQUEST_TIMEOUT,
                DEFAULT_MAX_ACTIONS,
                DEFAULT_FLUSH_INTERVAL,
                DEFAULT_INITIAL_BACKOFF,
                DEFAULT_MAX_BACKOFF);
    }

    @Override
    public String toString() {
        return "urls="
                + urls
                + (apiKey != null
                        ? " auth=api-key"
                        : username != null ? " auth=basic:" + username : "")
                + (caCertificate != null ? " tls-ca=given" : "")
                + " requestTimeout="
                + requestTimeout
                + " maxActions="
                + maxActions
                + " flushInterval="
                + flushInterval;
    }
}
