package io.slawatch.consequence;

import io.slawatch.SlaMonitorJob;
import io.slawatch.detect.TicketSlaFunction;
import io.slawatch.ingest.DecodedReview;
import io.slawatch.ingest.SeparateReviewQuarantineFunction;
import io.slawatch.model.Alert;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.LedgerEntry;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.model.Review;
import io.slawatch.policy.PolicyVersion;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.serde.ImmutableTypeInfo;
import io.slawatch.time.FlushWatermarkAtEndOfInput;
import io.slawatch.time.KeyedEventTimeBroadcastOperator;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The consequences graph: reviews source → cases by ticket ({@link CaseFunction}) → penalties by
 * agent ({@link AgentPenaltyFunction}) and by team ({@link TeamPenaltyFunction}) → due dates by
 * action ({@link ActionDueFunction}); every entry of each goes to the ledger. It runs in the
 * detection job on its alerts and outcomes, and writes only to its sinks. Every operator has a
 * stable uid.
 */
public final class Consequences {

    /** Entries are handed on, never copied, to the filters and sinks chained to their operator. */
    private static final TypeInformation<LedgerEntry> LEDGER_ENTRY =
            ImmutableTypeInfo.of(LedgerEntry.class);

    private Consequences() {}

    /** One operator's share of the ledger, named for its sink. */
    public record Part(String name, DataStream<LedgerEntry> entries) {}

    /**
     * The ledger, in the parts its operators write, and what could not be used of the reviews. A
     * sink per part chains to its operator; {@link #ledger()} merges them for a single sink.
     */
    public record Outputs(List<Part> parts, DataStream<QuarantineRecord> quarantine) {

        public DataStream<LedgerEntry> ledger() {
            DataStream<LedgerEntry> ledger = parts.get(0).entries();
            for (Part part : parts.subList(1, parts.size())) {
                ledger = ledger.union(part.entries());
            }
            return ledger;
        }
    }

    /**
     * Adds the graph of a live job; {@code policy} must have consequences. Each breach follows the
     * consequences of the version its ticket ran on: {@code published}'s (the {@code
     * slawatch.policies} topic, null: none), else {@code policy}'s.
     */
    public static Outputs build(
            StreamExecutionEnvironment env,
            DataStream<Alert> alerts,
            DataStream<ClockOutcome> outcomes,
            Source<DecodedReview, ?, ?> reviewsSource,
            int reviewsParallelism,
            WatermarkStrategy<DecodedReview> reviewTime,
            SlaPolicy policy,
            DataStream<PolicyVersion> published) {
        return build(
                env,
                alerts,
                outcomes,
                reviewsSource,
                reviewsParallelism,
                reviewTime,
                new Rules(policy, List.of(), published),
                Long.MIN_VALUE);
    }

    /**
     * The policy versions whose consequences breaches follow: a bounded run's {@code versions} (in
     * the order they were published), or those {@code published} on the topic (null: none); the
     * {@code start} policy until one takes effect, and for versions not known.
     */
    public record Rules(
            SlaPolicy start, List<PolicyVersion> versions, DataStream<PolicyVersion> published) {}

    /**
     * Adds the graph; {@code rules.start()} must have consequences. {@code alerts} are the clocks'
     * own ({@link SlaMonitorJob.Outputs#clockAlerts}), so the breaches are filtered in the clocks'
     * task: a union would have every alert cross the network first. {@code eventsEnd} is a bounded
     * run's last ticket event time: the reviews' input, which usually ends earlier, lets event time
     * reach it before it ends, so the policy's deadlines up to the last event pass whichever input
     * finishes first. Long.MIN_VALUE for an unbounded run.
     */
    public static Outputs build(
            StreamExecutionEnvironment env,
            DataStream<Alert> alerts,
            DataStream<ClockOutcome> outcomes,
            Source<DecodedReview, ?, ?> reviewsSource,
            int reviewsParallelism,
            WatermarkStrategy<DecodedReview> reviewTime,
            Rules rules,
            long eventsEnd) {
        SlaPolicy policy = rules.start();
        if (policy.consequences() == null) {
            throw new IllegalArgumentException(
                    "policy " + policy.version() + " has no 'consequences' section");
        }
        DataStream<PolicyVersion> versions =
                (rules.published() != null
                                ? rules.published()
                                : SlaMonitorJob.noPublishedVersions(
                                        alerts, "no-published-policy-versions-for-consequences"))
                        .broadcast();
        // The reviews' operators run at the source's parallelism, chained to it: a trickle beside
        // the events, not worth tasks of their own.
        SingleOutputStreamOperator<Review> reviews =
                env.fromSource(reviewsSource, reviewTime, "reviews")
                        .uid("reviews-source")
                        .setParallelism(reviewsParallelism)
                        .process(new SeparateReviewQuarantineFunction())
                        .name("separate review quarantine")
                        .uid("separate-review-quarantine")
                        .setParallelism(reviewsParallelism);
        if (eventsEnd != Long.MIN_VALUE) {
            reviews =
                    reviews.transform(
                                    "flush watermark at end of reviews",
                                    reviews.getType(),
                                    new FlushWatermarkAtEndOfInput<>(eventsEnd))
                            .uid("flush-watermark-at-end-of-reviews")
                            .setParallelism(reviewsParallelism);
        }
        DataStream<CaseInput> caseInputs =
                alerts.filter(CaseInput::concerns)
                        .name("breaches and retractions")
                        .uid("case-alerts")
                        .map(CaseInput::of)
                        .name("case alerts")
                        .uid("case-alert-inputs")
                        .union(
                                outcomes.filter(CaseInput::concerns)
                                        .name("late clocks")
                                        .uid("case-outcomes")
                                        .map(CaseInput::of)
                                        .name("case outcomes")
                                        .uid("case-outcome-inputs"),
                                reviews.filter(review -> review.decision().decidesCase())
                                        .name("case reviews")
                                        .uid("case-reviews")
                                        .setParallelism(reviewsParallelism)
                                        .map(CaseInput::of)
                                        .name("case review inputs")
                                        .uid("case-review-inputs")
                                        .setParallelism(reviewsParallelism));
        SingleOutputStreamOperator<LedgerEntry> caseEntries =
                caseInputs
                        .keyBy(CaseInput::ticketId)
                        .connect(versions)
                        .transform(
                                "breach cases",
                                LEDGER_ENTRY,
                                versioned(new CaseFunction(policy, rules.versions())))
                        .uid("breach-cases");
        DataStream<Verdict> verdicts = caseEntries.getSideOutput(CaseFunction.VERDICTS);
        DataStream<LedgerEntry> agentEntries =
                verdicts.filter(verdict -> verdict.agentId() != null)
                        .name("verdicts with an agent")
                        .uid("agent-verdicts")
                        .keyBy(Verdict::agentId)
                        .connect(versions)
                        .transform(
                                "agent penalties",
                                LEDGER_ENTRY,
                                versioned(new AgentPenaltyFunction(policy, rules.versions())))
                        .uid("agent-penalties");
        DataStream<LedgerEntry> teamEntries =
                verdicts.filter(verdict -> verdict.team() != null)
                        .name("verdicts with a team")
                        .uid("team-verdicts")
                        .keyBy(Verdict::team)
                        .connect(versions)
                        .transform(
                                "team penalties",
                                LEDGER_ENTRY,
                                versioned(new TeamPenaltyFunction(policy, rules.versions())))
                        .uid("team-penalties");
        // Each producer's actions leave through a filter chained to it, and each part of the
        // ledger through a sink of its own: no entry crosses the network just to be merged.
        SingleOutputStreamOperator<LedgerEntry> followUps =
                actions(caseEntries, "case")
                        .union(
                                actions(agentEntries, "agent"),
                                actions(teamEntries, "team"),
                                reviews.filter(review -> !review.decision().decidesCase())
                                        .name("done reviews")
                                        .uid("done-reviews")
                                        .setParallelism(reviewsParallelism)
                                        .map(ActionInput::of)
                                        .name("done review inputs")
                                        .uid("done-review-inputs")
                                        .setParallelism(reviewsParallelism))
                        .keyBy(ActionInput::actionId)
                        .process(new ActionDueFunction(policy))
                        .returns(LEDGER_ENTRY)
                        .name("action due dates")
                        .uid("action-due-dates");
        return new Outputs(
                List.of(
                        new Part("cases", caseEntries),
                        new Part("agents", agentEntries),
                        new Part("teams", teamEntries),
                        new Part("actions", followUps)),
                reviews.getSideOutput(SeparateReviewQuarantineFunction.QUARANTINE)
                        .union(
                                caseEntries.getSideOutput(CaseFunction.QUARANTINE),
                                followUps.getSideOutput(ActionDueFunction.QUARANTINE)));
    }

    /** {@code function} with the policy versions as broadcast state and the events' time alone. */
    private static <I>
            KeyedEventTimeBroadcastOperator<String, I, PolicyVersion, LedgerEntry> versioned(
                    VersionedLedgerFunction<I> function) {
        return new KeyedEventTimeBroadcastOperator<>(
                function, List.of(TicketSlaFunction.POLICY_VERSIONS));
    }

    /** The action entries and reversals among {@code entries}, for their due dates. */
    private static DataStream<ActionInput> actions(
            DataStream<LedgerEntry> entries, String producer) {
        return entries.filter(ActionInput::concerns)
                .name(producer + " actions and reversals")
                .uid(producer + "-actions")
                .map(ActionInput::of)
                .name(producer + " action inputs")
                .uid(producer + "-action-inputs");
    }
}
