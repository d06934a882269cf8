package io.slawatch.sink;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A document for Elasticsearch: its index, its deterministic {@code _id} (a replay or a restart
 * overwrites instead of duplicating) and its source.
 *
 * @param version when set, the document is written with this external version (at least the one
 *     indexed): an earlier version that reaches Elasticsearch later (a bulk request that timed out,
 *     was retried, and then was processed after all) cannot overwrite a later one. The indexer uses
 *     the record's offset in its topic, where all versions of a document share one partition.
 */
public record IndexedDocument(String index, String id, JsonNode source, Long version) {

    /** A document whose every write overwrites: replay, where nothing is sent twice at once. */
    public IndexedDocument(String index, String id, JsonNode source) {
        this(index, id, source, null);
    }
}
