package io.slawatch.sink;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import com.fasterxml.jackson.databind.JsonNode;
import io.slawatch.model.PayloadEncoding;
import io.slawatch.model.QuarantineReason;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.serde.Json;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.apache.flink.util.function.SerializableFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers documents and sends them in bulk. Retryable failures (HTTP 429, 5xx, a lost connection)
 * are retried with exponential backoff for as long as they last; while they do, the writer blocks
 * and Flink backpressures the job instead of buffering without bound. A document Elasticsearch
 * refuses for good (a mapping error, a bad document) is counted in {@code documentsRejected} and
 * quarantined with Elasticsearch's reason rather than retried forever.
 */
final class ElasticsearchWriter<T> implements SinkWriter<T> {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchWriter.class);

    private final ElasticsearchClient client;
    private final ElasticsearchOptions options;
    private final SerializableFunction<T, IndexedDocument> documents;
    private final ProcessingTimeService time;
    private final RejectedDocuments.Channel rejections;
    private final Clock wallClock;
    private final Counter sent;
    private final Counter rejected;
    private final Counter retries;
    private List<IndexedDocument> buffer = new ArrayList<>();
    private boolean closed;

    ElasticsearchWriter(
            ElasticsearchClient client,
            ElasticsearchOptions options,
            SerializableFunction<T, IndexedDocument> documents,
            ProcessingTimeService time,
            SinkWriterMetricGroup metrics,
            RejectedDocuments.Channel rejections,
            Clock wallClock) {
        this.client = client;
        this.options = options;
        this.documents = documents;
        this.time = time;
        this.rejections = rejections;
        this.wallClock = wallClock;
        this.sent = metrics.counter("documentsSent");
        this.rejected = metrics.counter("documentsRejected");
        this.retries = metrics.counter("bulkRetries");
        scheduleFlush();
    }

    @Override
    public void write(T element, Context context) throws IOException, InterruptedException {
        buffer.add(documents.apply(element));
        if (buffer.size() >= options.maxActions()) {
            send();
        }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        send();
        rejections.flush();
    }

    private void scheduleFlush() {
        time.registerTimer(
                time.getCurrentProcessingTime() + options.flushInterval().toMillis(),
                timestamp -> {
                    if (!closed) {
                        send();
                        scheduleFlush();
                    }
                });
    }

    /** Sends the buffer, retrying what may succeed later, until nothing is left. */
    private void send() throws IOException, InterruptedException {
        long backoff = options.initialBackoff().toMillis();
        while (!buffer.isEmpty()) {
            List<IndexedDocument> retry = new ArrayList<>();
            try {
                List<BulkOperation> operations = new ArrayList<>(buffer.size());
                for (IndexedDocument document : buffer) {
                    operations.add(
                            BulkOperation.of(
                                    op ->
                                            op.index(
                                                    index ->
                                                            index.index(document.index())
                                                                    .id(document.id())
                                                                    .document(document.source()))));
                }
                BulkResponse response = client.bulk(bulk -> bulk.operations(operations));
                List<BulkResponseItem> items = response.items();
                for (int i = 0; i < items.size(); i++) {
                    BulkResponseItem item = items.get(i);
                    if (item.error() == null) {
                        sent.inc();
                    } else if (item.status() == 429 || item.status() >= 500) {
                        retry.add(buffer.get(i));
                    } else {
                        rejected.inc();
                        quarantine(buffer.get(i), item.status(), item.error().reason());
                    }
                }
            } catch (IOException e) {
                LOG.warn(
                        "Elasticsearch unreachable, retrying in {} ms: {}",
                        backoff,
                        e.getMessage());
                retry = buffer;
            } catch (ElasticsearchException e) {
                if (e.status() != 429 && e.status() < 500) {
                    throw e;
                }
                LOG.warn("Elasticsearch busy ({}), retrying in {} ms", e.status(), backoff);
                retry = buffer;
            }
            buffer = retry;
            if (!buffer.isEmpty()) {
                retries.inc();
                // Waiting here is the backpressure: the task takes no new records meanwhile.
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, options.maxBackoff().toMillis());
            }
        }
    }

    private void quarantine(IndexedDocument document, int status, String reason)
            throws IOException {
        JsonNode ticketId = document.source().get("ticketId");
        rejections.rejected(
                new QuarantineRecord(
                        QuarantineReason.REJECTED_BY_ELASTICSEARCH,
                        "index "
                                + document.index()
                                + ", _id "
                                + document.id()
                                + ": HTTP "
                                + status
                                + ", "
                                + reason,
                        wallClock.instant(),
                        Json.mapper().writeValueAsString(document.source()),
                        PayloadEncoding.UTF8,
                        null,
                        null,
                        null,
                        null,
                        null,
                        ticketId == null ? null : ticketId.asText(),
                        null));
    }

    @Override
    public void close() throws Exception {
        closed = true;
        try (RejectedDocuments.Channel channel = rejections) {
            client._transport().close();
        }
    }
}
