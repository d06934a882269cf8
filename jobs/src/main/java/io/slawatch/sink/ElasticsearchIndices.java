package io.slawatch.sink;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.slawatch.model.Alert;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.ClockView;
import io.slawatch.serde.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * slawatch's indices and their templates. The templates are the JSON files in
 * deploy/elasticsearch/, bundled into the jobs jar; they are installed when absent.
 */
public final class ElasticsearchIndices {

    public static final String ALERTS = "slawatch-alerts";
    public static final String OUTCOMES = "slawatch-outcomes";
    public static final String CLOCKS = "slawatch-clocks";
    public static final List<String> TEMPLATES = List.of(ALERTS, OUTCOMES, CLOCKS);

    private ElasticsearchIndices() {}

    /** Installs each template that is absent; returns the ones it installed. */
    public static List<String> installTemplates(ElasticsearchClient client) throws IOException {
        List<String> installed = new ArrayList<>();
        for (String name : TEMPLATES) {
            if (client.indices().existsIndexTemplate(exists -> exists.name(name)).value()) {
                continue;
            }
            try (InputStream template =
                    ElasticsearchIndices.class.getResourceAsStream(
                            "/elasticsearch/" + name + ".json")) {
                if (template == null) {
                    throw new IOException("index template " + name + ".json is not bundled");
                }
                client.indices().putIndexTemplate(put -> put.name(name).withJson(template));
            }
            installed.add(name);
        }
        return installed;
    }

    /** An alert, by its deterministic alertId. */
    public static IndexedDocument alert(Alert alert) {
        return new IndexedDocument(ALERTS, alert.alertId(), Json.mapper().valueToTree(alert));
    }

    /** A clock cycle's current state, by its clockId: each change overwrites the last. */
    public static IndexedDocument clock(ClockView view) {
        return new IndexedDocument(CLOCKS, view.clockId(), Json.mapper().valueToTree(view));
    }

    /** A clock outcome, by its outcomeId: a late correction overwrites it. */
    public static IndexedDocument outcome(ClockOutcome outcome) {
        return new IndexedDocument(
                OUTCOMES, outcome.outcomeId(), Json.mapper().valueToTree(outcome));
    }
}
