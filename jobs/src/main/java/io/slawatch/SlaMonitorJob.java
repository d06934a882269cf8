package io.slawatch;

import io.slawatch.detect.TicketSlaFunction;
import io.slawatch.ingest.Decoded;
import io.slawatch.ingest.SeparateQuarantineFunction;
import io.slawatch.model.Alert;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.ClockView;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.model.StatsBucket;
import io.slawatch.model.StatsSample;
import io.slawatch.model.TicketEvent;
import io.slawatch.policy.PolicyVersion;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.predict.ArrivalPredictionFunction;
import io.slawatch.predict.EtaSignal;
import io.slawatch.serde.ImmutableTypeInfo;
import io.slawatch.stats.RollingStatsFunction;
import io.slawatch.stats.StatsSamples;
import io.slawatch.time.FlushWatermarkAtEndOfInput;
import io.slawatch.time.KeyedEventTimeBroadcastOperator;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;

/**
 * The slawatch job graph: source (decoding, event time per split) → separate quarantine →
 * keyBy(ticketId) → {@link TicketSlaFunction} → alerts, outcomes and quarantine sinks; clock views
 * and statistics ({@link #statistics}) go to sinks of their own ({@link #sinkViewsTo}). Nothing
 * here waits for Elasticsearch: the {@link IndexerJob} reads the topics into it.
 *
 * <p>It receives its source, watermark strategy and sinks, so the same graph runs live on Kafka and
 * in replay over files. The source, decoding and event time run at the source's parallelism with
 * forward links, so every ticket sees events and watermarks in the source's order at any detection
 * parallelism. Every operator has a stable uid: keep them when changing the graph, or savepoints no
 * longer restore.
 */
public final class SlaMonitorJob {

    /**
     * The type of the decoded events stream: handed to chained operators without a copy. An
     * in-memory source of events declares it too, or each event is copied for every chained
     * consumer.
     */
    public static final TypeInformation<TicketEvent> EVENT_TYPE =
            ImmutableTypeInfo.of(TicketEvent.class);

    private SlaMonitorJob() {}

    /**
     * The streams the graph produces, before any sink. {@code clockAlerts} are the clocks' own
     * alerts, without the arrival predictions that {@code alerts} adds: a consumer of breaches
     * reads them in operators chained to the clocks, where {@code alerts}, a union, would send
     * every alert across the network first.
     */
    public record Outputs(
            DataStream<Alert> alerts,
            DataStream<Alert> clockAlerts,
            DataStream<ClockOutcome> outcomes,
            DataStream<ClockView> clocks,
            DataStream<StatsSample> samples,
            DataStream<QuarantineRecord> quarantine) {}

    /** The sinks of a run. Clock views and statistics are for Elasticsearch only. */
    public record Sinks(
            Sink<Alert> alerts, Sink<ClockOutcome> outcomes, Sink<QuarantineRecord> quarantine) {}

    /**
     * Adds the detection graph to {@code env} for a bounded run: tickets run on {@code policy}
     * until a version of {@code versions} (a replay's {@code --policies}) takes effect.
     */
    public static Outputs build(
            StreamExecutionEnvironment env,
            Source<Decoded, ?, ?> source,
            int sourceParallelism,
            WatermarkStrategy<Decoded> watermarks,
            SlaPolicy policy,
            List<PolicyVersion> versions) {
        return build(env, source, sourceParallelism, watermarks, policy, versions, null);
    }

    /**
     * Adds the detection graph to {@code env}: tickets run on {@code policy} until a version of
     * {@code versions}, or published on {@code published} (the topic {@code slawatch.policies},
     * which must never hold event time back; null: none), takes effect.
     */
    public static Outputs build(
            StreamExecutionEnvironment env,
            Source<Decoded, ?, ?> source,
            int sourceParallelism,
            WatermarkStrategy<Decoded> watermarks,
            SlaPolicy policy,
            List<PolicyVersion> versions,
            DataStream<PolicyVersion> published) {
        SingleOutputStreamOperator<TicketEvent> decoded =
                env.fromSource(source, watermarks, "ticket events")
                        .uid("ticket-events-source")
                        .setParallelism(sourceParallelism)
                        .process(new SeparateQuarantineFunction())
                        .returns(EVENT_TYPE)
                        .name("separate quarantine")
                        .uid("separate-quarantine")
                        .setParallelism(sourceParallelism);
        SingleOutputStreamOperator<TicketEvent> timed =
                decoded.transform(
                                "flush watermark at end of input",
                                EVENT_TYPE,
                                new FlushWatermarkAtEndOfInput<>())
                        .uid("flush-watermark-at-end-of-input")
                        .setParallelism(sourceParallelism);
        SingleOutputStreamOperator<Alert> alerts = ticketClocks(timed, policy, versions, published);
        DataStream<QuarantineRecord> quarantine =
                decoded.getSideOutput(SeparateQuarantineFunction.QUARANTINE)
                        .union(alerts.getSideOutput(TicketSlaFunction.QUARANTINE));
        DataStream<Alert> allAlerts = alerts;
        if (policy.prediction() != null) {
            allAlerts =
                    alerts.union(
                            alerts.getSideOutput(TicketSlaFunction.ETA_SIGNALS)
                                    .keyBy(EtaSignal::region)
                                    .process(new ArrivalPredictionFunction(policy))
                                    .returns(TicketSlaFunction.ALERT)
                                    .name("arrival predictions")
                                    .uid("arrival-predictions"));
        }
        return new Outputs(
                allAlerts,
                alerts,
                alerts.getSideOutput(TicketSlaFunction.OUTCOMES),
                alerts.getSideOutput(TicketSlaFunction.CLOCKS),
                alerts.getSideOutput(TicketSlaFunction.SAMPLES),
                quarantine);
    }

    /**
     * keyBy(ticketId) → {@link TicketSlaFunction}, with the policy versions of {@code published}
     * (null: none) broadcast to every subtask; event time is the events' alone ({@link
     * KeyedEventTimeBroadcastOperator}).
     */
    public static SingleOutputStreamOperator<Alert> ticketClocks(
            SingleOutputStreamOperator<TicketEvent> events,
            SlaPolicy policy,
            List<PolicyVersion> versions,
            DataStream<PolicyVersion> published) {
        DataStream<PolicyVersion> policies =
                published != null
                        ? published
                        : noPublishedVersions(events, "no-published-policy-versions");
        return events.keyBy(TicketEvent::ticketId)
                .connect(policies.broadcast())
                .transform(
                        "ticket SLA clocks",
                        TicketSlaFunction.ALERT,
                        new KeyedEventTimeBroadcastOperator<>(
                                new TicketSlaFunction(policy, versions),
                                List.of(TicketSlaFunction.POLICY_VERSIONS)))
                .uid("ticket-sla-clocks");
    }

    /** The broadcast input of a run without a policies topic: none, on {@code stream}'s tasks. */
    public static <T> DataStream<PolicyVersion> noPublishedVersions(
            DataStream<T> stream, String uid) {
        return stream.flatMap((T record, Collector<PolicyVersion> none) -> {})
                .returns(PolicyVersion.class)
                .name("no published policy versions")
                .uid(uid)
                .setParallelism(stream.getParallelism());
    }

    /** Sends the graph's streams to {@code sinks}. */
    public static void sinkTo(Outputs outputs, Sinks sinks) {
        outputs.alerts().sinkTo(sinks.alerts()).name("alerts sink").uid("alerts-sink");
        outputs.outcomes().sinkTo(sinks.outcomes()).name("outcomes sink").uid("outcomes-sink");
        outputs.quarantine()
                .sinkTo(sinks.quarantine())
                .name("quarantine sink")
                .uid("quarantine-sink");
    }

    /**
     * Sums the graph's statistics samples into per-minute, per-technician and per-agent buckets in
     * event time.
     */
    public static DataStream<StatsBucket> statistics(Outputs outputs, Duration allowedLateness) {
        return outputs.samples()
                .flatMap(
                        (StatsSample sample, Collector<StatsBucket> out) ->
                                StatsSamples.buckets(sample).forEach(out::collect))
                .returns(StatsBucket.class)
                .name("statistics buckets")
                .uid("statistics-buckets")
                .keyBy(bucket -> bucket.id)
                .process(new RollingStatsFunction(allowedLateness))
                .name("rolling statistics")
                .uid("rolling-statistics");
    }

    /**
     * Sends the clock views and the statistics buckets to their sinks: compacted topics the indexer
     * reads into Elasticsearch. The statistics are summed here, in event time, so that every
     * consumer reads finished buckets.
     */
    public static void sinkViewsTo(
            Outputs outputs, Sink<ClockView> clocks, Sink<StatsBucket> statistics) {
        outputs.clocks().sinkTo(clocks).name("clock views sink").uid("clock-views-sink");
        statistics(outputs, RollingStatsFunction.DEFAULT_ALLOWED_LATENESS)
                .sinkTo(statistics)
                .name("statistics sink")
                .uid("statistics-sink");
    }
}
