package io.slawatch.sink;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.slawatch.serde.Json;
import java.io.IOException;
import java.io.InputStream;
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

    /** One item of a bulk response: its HTTP status, and Elasticsearch's reason when it failed. */
    record Item(int status, String reason) {

        boolean failed() {
            return status >= 300;
        }
    }

    /** Whether a failure with this HTTP status may succeed later. */
    static boolean retryable(int status) {
        return status == 429 || status >= 500;
    }

    /** Sorts the {@code items} of a response to a request of {@code documents}, in order. */
    static BulkOutcome of(List<IndexedDocument> documents, List<Item> items) {
        if (items.size() != documents.size()) {
            throw new IllegalStateException(
                    items.size() + " bulk response items for " + documents.size() + " documents");
        }
        int sent = 0;
        int superseded = 0;
        List<IndexedDocument> retry = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (!item.failed()) {
                sent++;
            } else if (item.status() == 409 && documents.get(i).version() != null) {
                superseded++;
            } else if (retryable(item.status())) {
                retry.add(documents.get(i));
            } else {
                refused.add(new Refusal(documents.get(i), item.status(), item.reason()));
            }
        }
        return new BulkOutcome(sent, superseded, List.copyOf(retry), List.copyOf(refused));
    }

    /**
     * Reads a bulk response filtered by {@link BulkBody#FILTER} ({@code
     * {"items":[{"index":{"status":201}},…]}}) for a request of {@code documents}.
     */
    static BulkOutcome read(List<IndexedDocument> documents, InputStream response)
            throws IOException {
        return of(documents, items(response));
    }

    static List<Item> items(InputStream response) throws IOException {
        List<Item> items = new ArrayList<>();
        try (JsonParser parser = Json.mapper().getFactory().createParser(response)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!field.equals("items")) {
                    parser.skipChildren();
                    continue;
                }
                expect(value, JsonToken.START_ARRAY);
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    // {"index": {...}}: one field, named after the action.
                    expect(parser.nextToken(), JsonToken.FIELD_NAME);
                    expect(parser.nextToken(), JsonToken.START_OBJECT);
                    items.add(item(parser));
                    expect(parser.nextToken(), JsonToken.END_OBJECT);
                }
            }
        }
        return items;
    }

    private static Item item(JsonParser parser) throws IOException {
        int status = -1;
        String reason = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("status")) {
                status = parser.getIntValue();
            } else if (field.equals("error") && value == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String errorField = parser.currentName();
                    parser.nextToken();
                    if (errorField.equals("reason")) {
                        reason = parser.getValueAsString();
                    } else {
                        parser.skipChildren();
                    }
                }
            } else {
                parser.skipChildren();
            }
        }
        if (status < 0) {
            throw new IOException("a bulk response item without a status");
        }
        return new Item(status, reason);
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("a bulk response with " + actual + " where " + expected + " was");
        }
    }
}
