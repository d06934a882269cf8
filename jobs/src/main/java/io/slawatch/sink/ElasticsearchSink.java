package io.slawatch.sink;

import java.time.Clock;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.util.function.SerializableFunction;

/**
 * Writes records to Elasticsearch with bulk requests, at least once: the buffer is sent when it is
 * full, every flush interval, and before each checkpoint completes, so a checkpoint never holds
 * unsent documents. Deterministic ids make a repeat an overwrite.
 */
public final class ElasticsearchSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;

    private final ElasticsearchOptions options;
    private final SerializableFunction<T, IndexedDocument> documents;
    private final RejectedDocuments rejected;

    public ElasticsearchSink(
            ElasticsearchOptions options,
            SerializableFunction<T, IndexedDocument> documents,
            RejectedDocuments rejected) {
        this.options = options;
        this.documents = documents;
        this.rejected = rejected;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new ElasticsearchWriter<>(
                ElasticsearchClients.restClient(options),
                options,
                documents,
                context.getProcessingTimeService(),
                context.metricGroup(),
                rejected.open(),
                Clock.systemUTC());
    }
}
