package io.slawatch.sink;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Documents waiting to be sent, by index and then {@code _id}: a later document with the same id
 * replaces the earlier one in its place, since Elasticsearch would overwrite it anyway, so it is
 * never sent.
 *
 * <p>Indices are kept apart so that an index whose share is full leaves in a bulk of its own:
 * Elasticsearch splits a bulk into one request per shard it touches, each with its own translog
 * sync, so a bulk of one index costs it less than one mixing all of them. It holds at most the
 * writer's bulk size per index.
 */
final class DocumentBuffer {

    /** The newest timestamp of a batch with none. */
    static final long NO_TIME = Long.MIN_VALUE;

    /** Documents to send and the newest record timestamp (event time) among them. */
    record Batch(List<IndexedDocument> documents, long newest) {}

    private static final class Share {
        final Map<String, IndexedDocument> documents = new LinkedHashMap<>();
        long newest = NO_TIME;
    }

    private final Map<String, Share> shares = new LinkedHashMap<>();

    /**
     * Adds {@code document}, written at {@code timestamp} (NO_TIME: none); true when it replaced
     * one with the same index and id.
     */
    boolean add(IndexedDocument document, long timestamp) {
        Share share = shares.computeIfAbsent(document.index(), index -> new Share());
        if (timestamp > share.newest) {
            share.newest = timestamp;
        }
        return share.documents.put(document.id(), document) != null;
    }

    int size() {
        int size = 0;
        for (Share share : shares.values()) {
            size += share.documents.size();
        }
        return size;
    }

    /** How many documents of {@code index} wait. */
    int size(String index) {
        Share share = shares.get(index);
        return share == null ? 0 : share.documents.size();
    }

    /** The documents of {@code index} in the order their ids first came; they leave the buffer. */
    Batch drain(String index) {
        Share share = shares.remove(index);
        if (share == null) {
            return new Batch(List.of(), NO_TIME);
        }
        return new Batch(new ArrayList<>(share.documents.values()), share.newest);
    }

    /** Every document, index by index, each in the order its id first came; the buffer empties. */
    Batch drain() {
        List<IndexedDocument> documents = new ArrayList<>();
        long newest = NO_TIME;
        for (Share share : shares.values()) {
            documents.addAll(share.documents.values());
            newest = Math.max(newest, share.newest);
        }
        shares.clear();
        return new Batch(documents, newest);
    }
}
