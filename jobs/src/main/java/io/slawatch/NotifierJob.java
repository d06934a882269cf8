package io.slawatch;

import io.slawatch.model.QuarantineRecord;
import io.slawatch.notify.ActiveAlertsFunction;
import io.slawatch.notify.Delivery;
import io.slawatch.notify.Notice;
import io.slawatch.notify.NoticeDeserializer;
import io.slawatch.notify.NotifyConfig;
import io.slawatch.notify.NotifyConfigLoader;
import io.slawatch.notify.ReceiverSink;
import io.slawatch.notify.RouteNotices;
import io.slawatch.notify.Routed;
import io.slawatch.sink.KafkaQuarantine;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The notifier job: alerts from the detection job's topic to where alerting systems listen
 * (Alertmanager, signed webhooks, PagerDuty), as the notification file routes them. It runs apart
 * from detection and the indexer, so a slow or failing receiver delays neither; within it, each
 * receiver has a queue of its own. Outcomes are read too: a clock cycle that ends resolves what
 * still fires for it. Offsets are committed with its checkpoints; what fires and what is still to
 * be delivered are in its state.
 */
public final class NotifierJob {

    public static final String JOB_NAME = "slawatch notifier";

    private NotifierJob() {}

    /** The shaded jar's third entry point: {@code flink run -c io.slawatch.NotifierJob …}. */
    public static void main(String[] args) throws Exception {
        JobOptions options = JobOptions.parse(args, JobOptions.Job.NOTIFIER);
        NotifyConfig config = NotifyConfigLoader.load(options.notifyFile().orElseThrow());
        var cluster = LiveJob.clusterConfiguration(options);
        LiveJob.prepare(options).forEach(System.out::println);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(
                        LiveJob.configuration(options, cluster));
        build(env, options, config);
        env.execute(JOB_NAME);
    }

    /** Adds the notifier's graph to {@code env}. */
    public static void build(
            StreamExecutionEnvironment env, JobOptions options, NotifyConfig config) {
        DataStream<Notice> notices =
                read(env, options, options.alertsTopic(), NoticeDeserializer.Topic.ALERTS)
                        .union(
                                read(
                                        env,
                                        options,
                                        options.outcomesTopic(),
                                        NoticeDeserializer.Topic.OUTCOMES));
        SingleOutputStreamOperator<Routed> routed =
                notices.process(new RouteNotices(config))
                        .name("route alerts to receivers")
                        .uid("route-notices");
        SingleOutputStreamOperator<Delivery> deliveries =
                routed.keyBy(Routed::key)
                        .process(new ActiveAlertsFunction(config))
                        .name("firing alerts per receiver")
                        .uid("active-alerts");
        Map<String, String> producer = new HashMap<>(options.kafkaProperties());
        producer.put("bootstrap.servers", options.bootstrapServers());
        deliveries
                .sinkTo(
                        new ReceiverSink(
                                config, new KafkaQuarantine(options.quarantineTopic(), producer)))
                .name("deliveries to receivers")
                .uid("receiver-deliveries");
        DataStream<QuarantineRecord> unreadable = routed.getSideOutput(RouteNotices.UNREADABLE);
        unreadable
                .sinkTo(
                        LiveJob.sink(
                                options,
                                options.quarantineTopic(),
                                QuarantineRecord::ticketId,
                                "notifier-quarantine",
                                DeliveryGuarantee.AT_LEAST_ONCE))
                .name("unreadable notices sink")
                .uid("unreadable-notices-sink");
    }

    private static DataStream<Notice> read(
            StreamExecutionEnvironment env,
            JobOptions options,
            String topic,
            NoticeDeserializer.Topic kind) {
        String name = kind.name().toLowerCase(Locale.ROOT);
        KafkaSource<Notice> source =
                LiveJob.committedRecords(
                        options, topic, options.notifierGroupId(), new NoticeDeserializer(kind));
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), name + " for the notifier")
                .uid(name + "-notice-source");
    }
}
