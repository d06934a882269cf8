package io.slawatch.testkit;

import io.slawatch.embedded.EmbeddedKafka;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One in-process Kafka broker per test JVM: started by the first test class that uses it, closed by
 * JUnit when the whole test run ends (not in a shutdown hook, which would race the JVM's exit).
 */
public final class SharedKafka implements BeforeAllCallback {

    private static EmbeddedKafka kafka;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(
                        SharedKafka.class,
                        key -> {
                            try {
                                kafka = EmbeddedKafka.start();
                            } catch (Exception e) {
                                throw new IllegalStateException(
                                        "the embedded Kafka did not start", e);
                            }
                            return (ExtensionContext.Store.CloseableResource & AutoCloseable)
                                    kafka::close;
                        });
    }

    public static String bootstrapServers() {
        if (kafka == null) {
            throw new IllegalStateException(
                    "annotate the test class with @ExtendWith(SharedKafka.class)");
        }
        return kafka.bootstrapServers();
    }
}
