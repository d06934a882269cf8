package io.slawatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.consequence.Consequences;
import io.slawatch.ingest.EventDecoder;
import io.slawatch.ingest.ReviewDecoder;
import io.slawatch.ingest.file.FileLinesSource;
import io.slawatch.policy.PolicyLoader;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.testkit.Checkout;
import io.slawatch.time.EventTime;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

/** The graph's operator uids: savepoints restore only while every one of them stays as it is. */
class SlaMonitorJobTest {

    @Test
    void shouldKeepEveryOperatorUidThatSavepointsHoldStateUnder() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        SlaMonitorJob.Outputs outputs =
                SlaMonitorJob.build(
                        env,
                        new FileLinesSource<>(List.of("unused.jsonl"), EventDecoder.withDefaults()),
                        1,
                        EventTime.replay(EventTime.DEFAULT_OUT_OF_ORDERNESS),
                        PolicyLoader.load(Path.of("src/test/resources/policies/scenario.yaml")),
                        List.of());
        SlaMonitorJob.sinkTo(outputs, new SlaMonitorJob.Sinks(discard(), discard(), discard()));
        SlaMonitorJob.sinkViewsTo(outputs, discard(), discard());

        TreeSet<String> uids = new TreeSet<>();
        for (StreamNode node : env.getStreamGraph().getStreamNodes()) {
            if (node.getTransformationUID() != null) {
                uids.add(node.getTransformationUID());
            }
        }

        assertThat(uids)
                .containsExactly(
                        "alerts-sink",
                        "arrival-predictions",
                        "clock-views-sink",
                        "flush-watermark-at-end-of-input",
                        "no-published-policy-versions",
                        "outcomes-sink",
                        "quarantine-sink",
                        "rolling-statistics",
                        "separate-quarantine",
                        "statistics-buckets",
                        "statistics-sink",
                        "ticket-events-source",
                        "ticket-sla-clocks");
    }

    @Test
    void shouldKeepEveryConsequencesOperatorUid() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        SlaPolicy policy = PolicyLoader.load(Checkout.resolve("deploy/policies/default.yaml"));
        SlaMonitorJob.Outputs outputs =
                SlaMonitorJob.build(
                        env,
                        new FileLinesSource<>(List.of("unused.jsonl"), EventDecoder.withDefaults()),
                        1,
                        EventTime.replay(EventTime.DEFAULT_OUT_OF_ORDERNESS),
                        policy,
                        List.of());
        Consequences.Outputs consequences =
                Consequences.build(
                        env,
                        outputs.alerts(),
                        outputs.outcomes(),
                        new FileLinesSource<>(List.of(), ReviewDecoder.withDefaults()),
                        1,
                        EventTime.reviewsReplay(EventTime.DEFAULT_OUT_OF_ORDERNESS),
                        policy,
                        null);
        consequences.ledger().sinkTo(discard());
        consequences.quarantine().sinkTo(discard());

        TreeSet<String> uids = new TreeSet<>();
        for (StreamNode node : env.getStreamGraph().getStreamNodes()) {
            if (node.getTransformationUID() != null) {
                uids.add(node.getTransformationUID());
            }
        }

        assertThat(uids)
                .containsExactly(
                        "action-due-dates",
                        "agent-action-inputs",
                        "agent-actions",
                        "agent-penalties",
                        "agent-verdicts",
                        "arrival-predictions",
                        "breach-cases",
                        "case-action-inputs",
                        "case-actions",
                        "case-alert-inputs",
                        "case-alerts",
                        "case-outcome-inputs",
                        "case-outcomes",
                        "case-review-inputs",
                        "case-reviews",
                        "done-review-inputs",
                        "done-reviews",
                        "flush-watermark-at-end-of-input",
                        "no-published-policy-versions",
                        "no-published-policy-versions-for-consequences",
                        "reviews-source",
                        "separate-quarantine",
                        "separate-review-quarantine",
                        "team-action-inputs",
                        "team-actions",
                        "team-penalties",
                        "team-verdicts",
                        "ticket-events-source",
                        "ticket-sla-clocks");
    }

    private static <T> Sink<T> discard() {
        return new DiscardingSink<>();
    }
}
