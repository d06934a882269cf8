package io.slawatch.report;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.ScrollResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.ResponseBody;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slawatch.model.Alert;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.ClockView;
import io.slawatch.model.LedgerEntry;
import io.slawatch.model.OutcomeStatus;
import io.slawatch.serde.Json;
import io.slawatch.sink.ElasticsearchIndices;
import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A report's data as the live pipeline indexed it: alerts, the clock views (the final view of a
 * cycle carries its outcome) and the ledger, from the start of the period's trend on.
 */
public final class ElasticsearchReportData {

    /** Documents a scroll page brings. */
    static final int PAGE = 5_000;

    private static final String KEEP_ALIVE = "2m";

    private ElasticsearchReportData() {}

    public static ReportData read(ElasticsearchClient client, Period period) throws IOException {
        String from = period.trendStart().toString();
        Query dueSince = Query.of(q -> q.range(r -> r.date(d -> d.field("deadline").gte(from))));
        List<FieldValue> months = new ArrayList<>();
        for (YearMonth month = period.trendMonths().get(0);
                !month.isAfter(period.last());
                month = month.plusMonths(1)) {
            months.add(FieldValue.of(month.toString()));
        }
        Query ofMonths = Query.of(q -> q.terms(t -> t.field("month").terms(v -> v.value(months))));
        List<ClockOutcome> outcomes =
                all(client, ElasticsearchIndices.CLOCKS, dueSince, ClockView.class).stream()
                        .map(ElasticsearchReportData::outcome)
                        .toList();
        return new ReportData(
                all(client, ElasticsearchIndices.ALERTS, dueSince, Alert.class),
                outcomes,
                all(client, ElasticsearchIndices.LEDGER, ofMonths, LedgerEntry.class));
    }

    /** A clock view as an outcome: ended views carry theirs, the others are still RUNNING. */
    static ClockOutcome outcome(ClockView view) {
        OutcomeStatus status =
                switch (view.phase()) {
                    case MET -> OutcomeStatus.MET;
                    case MET_LATE -> OutcomeStatus.MET_LATE;
                    case CANCELLED -> OutcomeStatus.CANCELLED;
                    default -> OutcomeStatus.RUNNING;
                };
        return new ClockOutcome(
                ClockOutcome.outcomeId(view.ticketId(), view.clock(), view.cycle()),
                view.ticketId(),
                view.clock(),
                view.cycle(),
                status,
                view.startedAt(),
                status == OutcomeStatus.RUNNING ? null : view.endedAt(),
                view.deadline(),
                view.targetSeconds(),
                Objects.requireNonNullElse(view.elapsedBusinessSeconds(), 0L),
                Objects.requireNonNullElse(view.pausedBusinessSeconds(), 0L),
                Objects.requireNonNullElse(view.lateSeconds(), 0L),
                view.attributes());
    }

    private static <T> List<T> all(
            ElasticsearchClient client, String index, Query query, Class<T> type)
            throws IOException {
        if (!client.indices().exists(e -> e.index(index)).value()) {
            return List.of();
        }
        List<T> documents = new ArrayList<>();
        SearchResponse<ObjectNode> first =
                client.search(
                        s -> s.index(index).query(query).size(PAGE).scroll(t -> t.time(KEEP_ALIVE)),
                        ObjectNode.class);
        String scrollId = first.scrollId();
        ResponseBody<ObjectNode> page = first;
        try {
            while (add(page, type, documents)) {
                String id = scrollId;
                ScrollResponse<ObjectNode> next =
                        client.scroll(
                                s -> s.scrollId(id).scroll(t -> t.time(KEEP_ALIVE)),
                                ObjectNode.class);
                scrollId = next.scrollId();
                page = next;
            }
        } finally {
            String id = scrollId;
            if (id != null) {
                client.clearScroll(c -> c.scrollId(id));
            }
        }
        return documents;
    }

    /** Adds a page's documents, read as the job writes them; true when more may follow. */
    private static <T> boolean add(ResponseBody<ObjectNode> page, Class<T> type, List<T> documents)
            throws IOException {
        for (Hit<ObjectNode> hit : page.hits().hits()) {
            documents.add(Json.mapper().treeToValue(hit.source(), type));
        }
        return page.hits().hits().size() == PAGE;
    }
}
