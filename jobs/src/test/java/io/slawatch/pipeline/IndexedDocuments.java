package io.slawatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slawatch.JobOptions;
import io.slawatch.index.IndexedTopic;
import io.slawatch.index.TopicDocument;
import io.slawatch.index.TopicDocumentDeserializer;
import io.slawatch.serde.Json;
import io.slawatch.sink.ElasticsearchIndices;
import io.slawatch.testkit.Await;
import io.slawatch.testkit.Http;
import io.slawatch.testkit.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What Elasticsearch holds, and what it must hold once the indexer caught up: the latest document
 * per index and {@code _id} on the topics the indexer reads. Both keyed {@code index/_id}.
 */
final class IndexedDocuments {

    private IndexedDocuments() {}

    /** Every slawatch document in Elasticsearch, each read once. */
    static Map<String, JsonNode> inElasticsearch(Http http) throws Exception {
        http.call("POST", "/slawatch-*/_refresh", null);
        Map<String, JsonNode> documents = new TreeMap<>();
        for (String index : ElasticsearchIndices.TEMPLATES) {
            long count = ElasticsearchSinkITCase.countOrZero(http, index);
            if (count == 0) {
                continue;
            }
            // The indexer may still be writing: the scroll sees a later state than the count did.
            JsonNode page =
                    Json.mapper()
                            .readTree(
                                    http.call(
                                            "POST",
                                            "/" + index + "/_search?scroll=1m",
                                            "{\"size\":10000,\"sort\":[\"_doc\"]}"));
            while (page.at("/hits/hits").size() > 0) {
                for (JsonNode hit : page.at("/hits/hits")) {
                    String id = index + "/" + hit.get("_id").asText();
                    assertThat(documents.put(id, hit.get("_source")))
                            .as(id + ": one hit per document")
                            .isNull();
                }
                page =
                        Json.mapper()
                                .readTree(
                                        http.call(
                                                "POST",
                                                "/_search/scroll",
                                                "{\"scroll\":\"1m\",\"scroll_id\":\""
                                                        + page.get("_scroll_id").asText()
                                                        + "\"}"));
            }
            http.call(
                    "DELETE",
                    "/_search/scroll",
                    "{\"scroll_id\":\"" + page.get("_scroll_id").asText() + "\"}");
        }
        return documents;
    }

    /**
     * Waits until Elasticsearch holds exactly the latest document per id of the topics, more than
     * {@code moreThan} of them, and asserts it (each document whole); returns them.
     */
    static Map<String, JsonNode> assertIndexedAsOnTopics(
            String bootstrap, JobOptions options, Http http, long moreThan, Duration deadline)
            throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, JsonNode>[] last = new Map[2];
        Await.until(
                () -> {
                    last[0] = onTopics(bootstrap, options);
                    last[1] = inElasticsearch(http);
                    return last[0].size() > moreThan && last[0].equals(last[1]);
                },
                same -> same,
                deadline);
        assertThat((long) last[0].size()).as("documents").isGreaterThan(moreThan);
        assertThat(last[1].keySet()).isEqualTo(last[0].keySet());
        Map<String, String> differing = new TreeMap<>();
        for (Map.Entry<String, JsonNode> onTopic : last[0].entrySet()) {
            JsonNode indexed = last[1].get(onTopic.getKey());
            if (!onTopic.getValue().equals(indexed) && differing.size() < 3) {
                differing.put(
                        onTopic.getKey(), "topic " + onTopic.getValue() + " index " + indexed);
            }
        }
        assertThat(differing).as("documents unlike the latest on their topic").isEmpty();
        return last[0];
    }

    /**
     * The document per index and id with the highest version on the topics the indexer reads (for
     * most, the latest record; for a case's or an action's state, the furthest status).
     */
    static Map<String, JsonNode> onTopics(String bootstrap, JobOptions options) throws Exception {
        Map<String, TopicDocument> documents = new TreeMap<>();
        read(bootstrap, options.alertsTopic(), IndexedTopic.ALERTS, documents);
        read(bootstrap, options.clocksTopic(), IndexedTopic.CLOCKS, documents);
        read(bootstrap, options.statsTopic(), IndexedTopic.STATS, documents);
        read(bootstrap, options.ledgerTopic(), IndexedTopic.LEDGER, documents);
        Map<String, JsonNode> sources = new TreeMap<>();
        for (Map.Entry<String, TopicDocument> document : documents.entrySet()) {
            sources.put(document.getKey(), Json.mapper().readTree(document.getValue().source()));
        }
        return sources;
    }

    private static void read(
            String bootstrap, String topic, IndexedTopic kind, Map<String, TopicDocument> documents)
            throws Exception {
        TopicDocumentDeserializer deserializer = new TopicDocumentDeserializer(kind);
        List<TopicDocument> read = new ArrayList<>();
        Collector<TopicDocument> out = new ListCollector<>(read);
        try (TopicReader reader = new TopicReader(bootstrap, topic)) {
            for (ConsumerRecord<String, String> record : reader.readToEnd(Duration.ofMinutes(2))) {
                deserializer.deserialize(
                        new ConsumerRecord<>(
                                topic,
                                record.partition(),
                                record.offset(),
                                null,
                                record.value().getBytes(StandardCharsets.UTF_8)),
                        out);
            }
        }
        for (TopicDocument document : read) {
            assertThat(document.readable()).as(String.valueOf(document.unreadable())).isTrue();
            // The sink writes with version_type=external_gte: an equal version overwrites.
            documents.merge(
                    document.index() + "/" + document.id(),
                    document,
                    (held, next) -> next.offset() >= held.offset() ? next : held);
        }
    }
}
