package io.slawatch.sink;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A document for Elasticsearch: its index, its deterministic {@code _id} (a replay or a restart
 * overwrites instead of duplicating) and its source.
 */
public record IndexedDocument(String index, String id, JsonNode source) {}
