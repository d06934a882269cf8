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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.runtime.jobgraph.JobVertex;
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
        withConsequences(env);

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

    @Test
    void shouldReadBreachesForTheirConsequencesInTheTicketClocksTask() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        SlaMonitorJob.sinkTo(
                withConsequences(env), new SlaMonitorJob.Sinks(discard(), discard(), discard()));

        List<Set<String>> tasks = new ArrayList<>();
        for (JobVertex vertex : env.getStreamGraph().getJobGraph().getVertices()) {
            tasks.add(operators(vertex.getName()));
        }

        // The alerts sink reads the clocks' alerts and the predictions, a union: a task of its
        // own. The breaches for the cases are filtered in the clocks' task, not sent there whole.
        assertThat(tasks)
                .containsExactlyInAnyOrder(
                        Set.of(
                                "Source: ticket events",
                                "separate quarantine",
                                "flush watermark at end of input",
                                "no published policy versions"),
                        Set.of(
                                "ticket SLA clocks",
                                "outcomes sink: Writer",
                                "no published policy versions",
                                "breaches and retractions",
                                "case alerts",
                                "late clocks",
                                "case outcomes"),
                        Set.of("arrival predictions"),
                        Set.of("alerts sink: Writer"),
                        Set.of("quarantine sink: Writer"),
                        Set.of(
                                "Source: reviews",
                                "separate review quarantine",
                                "case reviews",
                                "case review inputs",
                                "done reviews",
                                "done review inputs"),
                        Set.of(
                                "breach cases",
                                "verdicts with an agent",
                                "verdicts with a team",
                                "case actions and reversals",
                                "case action inputs"),
                        Set.of(
                                "agent penalties",
                                "agent actions and reversals",
                                "agent action inputs"),
                        Set.of(
                                "team penalties",
                                "team actions and reversals",
                                "team action inputs"),
                        Set.of("action due dates"),
                        Set.of("Sink: Writer"),
                        Set.of("Sink: Writer"));
    }

    /** The operators a task's name lists: "a -> (b, c -> d)" chains a, b, c and d. */
    private static Set<String> operators(String taskName) {
        return Set.of(taskName.replaceAll("^\\(|\\)$", "").split("\\s*(->|,)\\s*\\(?|\\)"));
    }

    /** The detection graph of the default policy and its consequences, their ledger discarded. */
    private static SlaMonitorJob.Outputs withConsequences(StreamExecutionEnvironment env)
            throws Exception {
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
                        outputs.clockAlerts(),
                        outputs.outcomes(),
                        new FileLinesSource<>(List.of(), ReviewDecoder.withDefaults()),
                        1,
                        EventTime.reviewsReplay(EventTime.DEFAULT_OUT_OF_ORDERNESS),
                        policy,
                        null);
        consequences.ledger().sinkTo(discard());
        consequences.quarantine().sinkTo(discard());
        return outputs;
    }

    private static <T> Sink<T> discard() {
        return new DiscardingSink<>();
    }
}
