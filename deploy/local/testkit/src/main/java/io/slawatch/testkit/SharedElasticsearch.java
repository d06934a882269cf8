package io.slawatch.testkit;

import io.slawatch.embedded.EmbeddedElasticsearch;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Elasticsearch child process per test JVM, started by the first test class that needs it and
 * stopped by JUnit when the run ends; stopping checks that nothing is left behind.
 */
public final class SharedElasticsearch implements BeforeAllCallback {

    private static EmbeddedElasticsearch elasticsearch;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(
                        SharedElasticsearch.class,
                        key -> {
                            try {
                                elasticsearch =
                                        EmbeddedElasticsearch.start(
                                                EmbeddedElasticsearch.distribution(Checkout.ROOT));
                            } catch (Exception e) {
                                throw new IllegalStateException("Elasticsearch did not start", e);
                            }
                            EmbeddedElasticsearch started = elasticsearch;
                            return (ExtensionContext.Store.CloseableResource & AutoCloseable)
                                    () -> {
                                        started.close();
                                        if (!started.isStopped()) {
                                            throw new IllegalStateException(
                                                    "Elasticsearch left a process or directory behind");
                                        }
                                    };
                        });
    }

    /** The shared instance itself, for a test that takes it down and up again. */
    public static EmbeddedElasticsearch instance() {
        url();
        return elasticsearch;
    }

    public static String url() {
        if (elasticsearch == null) {
            throw new IllegalStateException(
                    "annotate the test class with @ExtendWith(SharedElasticsearch.class)");
        }
        return elasticsearch.url();
    }
}
