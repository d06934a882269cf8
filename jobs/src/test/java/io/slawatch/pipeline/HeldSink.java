package io.slawatch.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Collects what a job on this JVM's MiniCluster writes, and can hold its first write until the test
 * releases it: a sink as slow as an unreachable Elasticsearch, so that the job is backpressured.
 * Sinks are found by name, since Flink copies the sink object it is given.
 */
final class HeldSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;

    private static final Map<String, List<Object>> WRITTEN = new ConcurrentHashMap<>();
    private static final Map<String, CountDownLatch> RELEASES = new ConcurrentHashMap<>();
    private static final Map<String, AtomicReference<Instant>> HELD_SINCE =
            new ConcurrentHashMap<>();

    private final String name;

    private HeldSink(String name) {
        this.name = name;
    }

    /** A sink that writes at once. */
    static <T> HeldSink<T> collecting(String name) {
        WRITTEN.put(name, new CopyOnWriteArrayList<>());
        return new HeldSink<>(name);
    }

    /** A sink whose first write waits for {@link #release}. */
    static <T> HeldSink<T> holdingFirstWrite(String name) {
        RELEASES.put(name, new CountDownLatch(1));
        HELD_SINCE.put(name, new AtomicReference<>());
        return collecting(name);
    }

    @SuppressWarnings("unchecked")
    List<T> written() {
        return (List<T>) (List<?>) List.copyOf(WRITTEN.get(name));
    }

    /** When the first write began waiting, or null while none has. */
    Instant heldSince() {
        return HELD_SINCE.get(name).get();
    }

    void release() {
        RELEASES.get(name).countDown();
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context context) throws InterruptedException {
                CountDownLatch release = RELEASES.get(name);
                if (release != null && HELD_SINCE.get(name).compareAndSet(null, Instant.now())) {
                    release.await();
                }
                WRITTEN.get(name).add(element);
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
