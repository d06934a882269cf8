package io.slawatch.index;

import io.slawatch.sink.ElasticsearchIndices;

/**
 * The detection job's output topics the indexer reads, each with the index its records go to and
 * the field that holds their {@code _id}. Outcomes are not among them: the final clock view of a
 * cycle carries its outcome.
 */
public enum IndexedTopic {
    ALERTS(ElasticsearchIndices.ALERTS, "alertId"),
    CLOCKS(ElasticsearchIndices.CLOCKS, "clockId"),
    LEDGER(ElasticsearchIndices.LEDGER, "entryId"),
    /** Statistics records name their own index by their grain. */
    STATS(null, "id");

    private final String index;
    private final String idField;

    IndexedTopic(String index, String idField) {
        this.index = index;
        this.idField = idField;
    }

    String index() {
        return index;
    }

    String idField() {
        return idField;
    }
}
