package io.slawatch.sink;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Documents waiting to be sent, one per index and {@code _id}: a later document with the same id
 * replaces the earlier one in its place, since Elasticsearch would overwrite it anyway, so it is
 * never sent.
 */
final class DocumentBuffer {

    private Map<String, IndexedDocument> documents = new LinkedHashMap<>();

    /** Adds {@code document}; true when it replaced one with the same index and id. */
    boolean add(IndexedDocument document) {
        return documents.put(document.index() + '/' + document.id(), document) != null;
    }

    int size() {
        return documents.size();
    }

    boolean isEmpty() {
        return documents.isEmpty();
    }

    /** The documents in the order their ids first came, and an empty buffer. */
    List<IndexedDocument> drain() {
        List<IndexedDocument> batch = new ArrayList<>(documents.values());
        documents = new LinkedHashMap<>();
        return batch;
    }
}
