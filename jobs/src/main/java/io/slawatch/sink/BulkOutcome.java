package io.slawatch.sink;

import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.util.ArrayList;
import java.util.List;

/**
 * What one bulk response says of each document of its request: indexed, superseded (a versioned
 * document older than the one indexed: 409, nothing to do), to be sent again (HTTP 429 or 5xx:
 * Elasticsearch may take it later), or refused for good (a mapping error, a bad document), with
 * Elasticsearch's status and reason.
 */
record BulkOutcome(int sent, int superseded, List<IndexedDocument> retry, List<Refusal> refused) {

    /** A document Elasticsearch will never take, and why. */
    record Refusal(IndexedDocument document, int status, String reason) {}

    /** Whether a failure with this HTTP status may succeed later. */
    static boolean retryable(int status) {
        return status == 429 || status >= 500;
    }

    /** Sorts the {@code items} of a response to a request of {@code documents}, in order. */
    static BulkOutcome of(List<IndexedDocument> documents, List<BulkResponseItem> items) {
        if (items.size() != documents.size()) {
            throw new IllegalStateException(
                    items.size() + " bulk response items for " + documents.size() + " documents");
        }
        int sent = 0;
        int superseded = 0;
        List<IndexedDocument> retry = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            if (item.error() == null) {
                sent++;
            } else if (item.status() == 409 && documents.get(i).version() != null) {
                superseded++;
            } else if (retryable(item.status())) {
                retry.add(documents.get(i));
            } else {
                refused.add(new Refusal(documents.get(i), item.status(), item.error().reason()));
            }
        }
        return new BulkOutcome(sent, superseded, List.copyOf(retry), List.copyOf(refused));
    }
}
