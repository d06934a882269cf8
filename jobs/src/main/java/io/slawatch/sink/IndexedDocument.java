package io.slawatch.sink;

import com.fasterxml.jackson.databind.JsonNode;
import io.slawatch.serde.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A document for Elasticsearch: its index, its deterministic {@code _id} (a replay or a restart
 * overwrites instead of duplicating) and its source, as a tree or, from the indexer, as the JSON
 * bytes it read ({@code json}), which are sent as they are.
 *
 * @param version when set, the document is written with this external version (at least the one
 *     indexed): an earlier version that reaches Elasticsearch later (a bulk request that timed out,
 *     was retried, and then was processed after all) cannot overwrite a later one. The indexer uses
 *     the record's offset in its topic, where all versions of a document share one partition.
 */
public record IndexedDocument(String index, String id, JsonNode source, Long version, byte[] json) {

    /** A document whose every write overwrites: replay, where nothing is sent twice at once. */
    public IndexedDocument(String index, String id, JsonNode source) {
        this(index, id, source, null, null);
    }

    public IndexedDocument(String index, String id, JsonNode source, Long version) {
        this(index, id, source, version, null);
    }

    /**
     * A document whose JSON is already written ({@code json}, one object): Elasticsearch gets those
     * bytes; the tree is read only when something needs a field of it (a quarantine record).
     */
    public static IndexedDocument ofJson(String index, String id, byte[] json, Long version) {
        return new IndexedDocument(index, id, null, version, json);
    }

    /** The source as a tree, read from {@code json} when that is what it was given. */
    @Override
    public JsonNode source() {
        if (source != null || json == null) {
            return source;
        }
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("a document's JSON is an object", e);
        }
    }
}
