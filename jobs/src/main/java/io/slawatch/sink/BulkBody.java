package io.slawatch.sink;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.slawatch.serde.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The body of a {@code _bulk} request, written by hand: an action line and the document's own bytes
 * for each document. The official client's bulk API wrote each document as a buffer of its own
 * (sent as many small chunks) and read every field of the full response; this writes one array and
 * asks Elasticsearch for each item's status and error only ({@link #FILTER}).
 */
final class BulkBody {

    static final String PATH = "/_bulk";

    /** The response fields {@link BulkOutcome#read} needs. */
    static final String FILTER = "items.*.status,items.*.error.reason";

    static final String CONTENT_TYPE = "application/x-ndjson";

    private static final byte[] ACTION_START =
            "{\"index\":{\"_index\":\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ID = "\",\"_id\":\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] VERSION = "\",\"version\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] VERSION_TYPE =
            ",\"version_type\":\"external_gte\"}}\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ACTION_END = "\"}}\n".getBytes(StandardCharsets.UTF_8);

    private BulkBody() {}

    /** One index action per document, in order. */
    static byte[] of(List<IndexedDocument> documents) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(documents.size() * 512);
        JsonStringEncoder encoder = JsonStringEncoder.getInstance();
        for (IndexedDocument document : documents) {
            body.writeBytes(ACTION_START);
            body.writeBytes(encoder.quoteAsUTF8(document.index()));
            body.writeBytes(ID);
            body.writeBytes(encoder.quoteAsUTF8(document.id()));
            if (document.version() != null) {
                body.writeBytes(VERSION);
                body.writeBytes(
                        Long.toString(document.version()).getBytes(StandardCharsets.US_ASCII));
                body.writeBytes(VERSION_TYPE);
            } else {
                body.writeBytes(ACTION_END);
            }
            body.writeBytes(source(document));
            body.write('\n');
        }
        return body.toByteArray();
    }

    /**
     * The document's JSON on one line: its bytes as they came, unless they span lines (JSON written
     * by hand), which would end the bulk line early; then the tree written compactly.
     */
    private static byte[] source(IndexedDocument document) {
        byte[] json = document.json();
        if (json != null && !spansLines(json)) {
            return json;
        }
        return Json.bytes(document.source());
    }

    private static boolean spansLines(byte[] json) {
        for (byte b : json) {
            if (b == '\n' || b == '\r') {
                return true;
            }
        }
        return false;
    }
}
