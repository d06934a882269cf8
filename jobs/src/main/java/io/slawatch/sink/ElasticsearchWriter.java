package io.slawatch.sink;

import com.fasterxml.jackson.databind.JsonNode;
import io.slawatch.model.QuarantineReason;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.serde.Json;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers documents and sends them in bulk on a sender thread of its own, one request at a time, so
 * the task goes on while Elasticsearch indexes the previous batch, and a batch never overtakes an
 * earlier one (a clock view's later state is never overwritten by an earlier one). A document
 * replaced in the buffer by a later one with the same index and {@code _id} is not sent. An index
 * whose share of the buffer reaches the bulk size leaves alone ({@link DocumentBuffer}); the flush
 * interval and checkpoints send the rest together.
 *
 * <p>Retryable failures (HTTP 429, 5xx, a lost connection) are retried with exponential backoff for
 * as long as they last; meanwhile the next full batch waits for its turn, so the task blocks and
 * Flink backpressures the job instead of buffering without bound. A document Elasticsearch refuses
 * for good (a mapping error, a bad document) is counted in {@code documentsRejected} and
 * quarantined with Elasticsearch's reason rather than retried forever.
 */
final class ElasticsearchWriter<T> implements SinkWriter<T> {

    /** Gauge: the newest event time indexed (epoch milliseconds), absent before the first. */
    static final String NEWEST_INDEXED_METRIC = "newestIndexedEventTime";

    /**
     * Gauge: dashboard freshness, wall-clock milliseconds since the newest event time indexed;
     * absent before the first document.
     */
    static final String FRESHNESS_METRIC = "dashboardFreshnessMillis";

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchWriter.class);

    private static final ContentType NDJSON = ContentType.create(BulkBody.CONTENT_TYPE);

    private final RestClient client;
    private final ElasticsearchOptions options;
    private final SerializableFunction<T, IndexedDocument> documents;
    private final ProcessingTimeService time;
    private final RejectedDocuments.Channel rejections;
    private final Clock wallClock;
    private final Counter sent;
    private final Counter rejected;
    private final Counter retries;
    private final Counter replaced;
    private final Counter superseded;
    private final Counter recordsSent;
    private final Counter sendErrors;
    private final ExecutorService sender;

    /** Documents not yet handed to the sender. */
    private final DocumentBuffer buffer = new DocumentBuffer();

    /** How long the last bulk request took, for Flink's standard currentSendTime gauge. */
    private volatile long lastSendNanos;

    /**
     * The newest event time Elasticsearch holds from this writer: what dashboards are fresh up to.
     */
    private volatile long newestIndexed = DocumentBuffer.NO_TIME;

    /** The batch being sent, or null. Only the task thread reads and sets it. */
    private Future<?> inFlight;

    private boolean closed;

    ElasticsearchWriter(
            RestClient client,
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
        this.replaced = metrics.counter("documentsReplacedInBuffer");
        this.superseded = metrics.counter("documentsSuperseded");
        // Flink's standard sink metrics, beside slawatch's own.
        this.recordsSent = metrics.getNumRecordsSendCounter();
        this.sendErrors = metrics.getNumRecordsSendErrorsCounter();
        metrics.setCurrentSendTimeGauge(() -> lastSendNanos);
        metrics.gauge(
                NEWEST_INDEXED_METRIC,
                () -> newestIndexed == DocumentBuffer.NO_TIME ? null : newestIndexed);
        metrics.gauge(
                FRESHNESS_METRIC,
                () ->
                        newestIndexed == DocumentBuffer.NO_TIME
                                ? null
                                : wallClock.millis() - newestIndexed);
        this.sender =
                Executors.newSingleThreadExecutor(
                        task -> {
                            Thread thread = new Thread(task, "elasticsearch-bulk-sender");
                            thread.setDaemon(true);
                            return thread;
                        });
        scheduleFlush();
    }

    @Override
    public void write(T element, Context context) throws IOException, InterruptedException {
        IndexedDocument document = documents.apply(element);
        Long timestamp = context.timestamp();
        if (buffer.add(document, timestamp == null ? DocumentBuffer.NO_TIME : timestamp)) {
            replaced.inc();
        }
        if (buffer.size(document.index()) >= options.maxActions()) {
            dispatch(buffer.drain(document.index()));
        }
    }

    /** Before a checkpoint: everything written so far is in Elasticsearch or quarantined. */
    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        dispatch(buffer.drain());
        awaitInFlight();
        rejections.flush();
    }

    private void scheduleFlush() {
        time.registerTimer(
                time.getCurrentProcessingTime() + options.flushInterval().toMillis(),
                timestamp -> {
                    if (closed) {
                        return;
                    }
                    // A batch still in flight is waited for by the next full buffer or checkpoint,
                    // not here, where waiting would stall the task for nothing.
                    if (inFlight == null || inFlight.isDone()) {
                        dispatch(buffer.drain());
                    }
                    scheduleFlush();
                });
    }

    /** Hands {@code batch} to the sender once the batch before it is done. */
    private void dispatch(DocumentBuffer.Batch batch) throws IOException, InterruptedException {
        awaitInFlight();
        if (batch.documents().isEmpty()) {
            return;
        }
        inFlight =
                sender.submit(
                        () -> {
                            send(batch.documents());
                            if (batch.newest() > newestIndexed) {
                                newestIndexed = batch.newest();
                            }
                            return null;
                        });
    }

    private void awaitInFlight() throws IOException, InterruptedException {
        if (inFlight == null) {
            return;
        }
        try {
            inFlight.get();
        } catch (ExecutionException e) {
            throw new IOException("sending to Elasticsearch failed", e.getCause());
        } finally {
            inFlight = null;
        }
    }

    /** Sends a batch, retrying what may succeed later, until nothing is left. */
    private void send(List<IndexedDocument> batch) throws IOException, InterruptedException {
        List<IndexedDocument> pending = batch;
        long backoff = options.initialBackoff().toMillis();
        while (!pending.isEmpty()) {
            List<IndexedDocument> retry = new ArrayList<>();
            try {
                Request request = new Request("POST", BulkBody.PATH);
                request.addParameter("filter_path", BulkBody.FILTER);
                request.setEntity(new ByteArrayEntity(BulkBody.of(pending), NDJSON));
                long started = System.nanoTime();
                Response response = client.performRequest(request);
                lastSendNanos = System.nanoTime() - started;
                BulkOutcome outcome;
                try (InputStream body = response.getEntity().getContent()) {
                    outcome = BulkOutcome.read(pending, body);
                }
                sent.inc(outcome.sent());
                superseded.inc(outcome.superseded());
                recordsSent.inc(outcome.sent());
                for (BulkOutcome.Refusal refusal : outcome.refused()) {
                    rejected.inc();
                    sendErrors.inc();
                    quarantine(refusal.document(), refusal.status(), refusal.reason());
                }
                retry = outcome.retry();
            } catch (ResponseException e) {
                int status = e.getResponse().getStatusLine().getStatusCode();
                if (!BulkOutcome.retryable(status)) {
                    throw e;
                }
                LOG.warn("Elasticsearch busy ({}), retrying in {} ms", status, backoff);
                retry = pending;
            } catch (IOException e) {
                LOG.warn(
                        "Elasticsearch unreachable, retrying in {} ms: {}",
                        backoff,
                        e.getMessage());
                retry = pending;
            }
            pending = retry;
            if (!pending.isEmpty()) {
                retries.inc();
                // The task waits for this batch before sending the next: that is the backpressure.
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, options.maxBackoff().toMillis());
            }
        }
    }

    private void quarantine(IndexedDocument document, int status, String reason)
            throws IOException {
        JsonNode ticketId = document.source().get("ticketId");
        rejections.rejected(
                QuarantineRecord.ofJson(
                        Json.mapper().writeValueAsString(document.source()),
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
                        ticketId == null ? null : ticketId.asText(),
                        null));
    }

    @Override
    public void close() throws Exception {
        closed = true;
        // Documents written since the last checkpoint are not lost: a restore replays them.
        sender.shutdownNow();
        try (RejectedDocuments.Channel channel = rejections) {
            sender.awaitTermination(options.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            client.close();
        }
    }
}
