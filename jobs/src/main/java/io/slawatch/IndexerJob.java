package io.slawatch;

import io.slawatch.index.IndexedTopic;
import io.slawatch.index.SeparateUnreadableDocuments;
import io.slawatch.index.TopicDocument;
import io.slawatch.index.TopicDocumentDeserializer;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.sink.ElasticsearchOptions;
import io.slawatch.sink.ElasticsearchSink;
import io.slawatch.sink.KafkaQuarantine;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The indexer job: alerts, clock views, statistics and the ledger from the detection job's topics
 * into Elasticsearch. It runs apart from detection, so an Elasticsearch that is slow or down only
 * makes it lag while Kafka holds the backlog; alerts never wait for it.
 *
 * <p>Its Kafka offsets are committed with its checkpoints, and the sink sends everything before a
 * checkpoint completes: after a failure or a restart it resumes from the last checkpoint (or the
 * group's committed offsets) and re-sends what came after, which deterministic {@code _id}s turn
 * into overwrites. It reads committed records only, so with EXACTLY_ONCE delivery it indexes what
 * detection committed, one detection checkpoint behind at most. Its operators have uids of their
 * own: the two jobs' savepoints are independent.
 */
public final class IndexerJob {

    public static final String JOB_NAME = "slawatch indexer";

    private IndexerJob() {}

    /** The shaded jar's second entry point: {@code flink run -c io.slawatch.IndexerJob …}. */
    public static void main(String[] args) throws Exception {
        JobOptions options = JobOptions.parse(args, JobOptions.Job.INDEXER);
        var cluster = LiveJob.clusterConfiguration(options);
        LiveJob.prepare(options).forEach(System.out::println);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(
                        LiveJob.configuration(options, cluster));
        build(env, options);
        env.execute(JOB_NAME);
    }

    /** Adds the indexer's graph to {@code env}; {@code options} must name Elasticsearch. */
    public static void build(StreamExecutionEnvironment env, JobOptions options) {
        ElasticsearchOptions elasticsearch =
                options.elasticsearch()
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "the indexer needs --elasticsearch"));
        DataStream<TopicDocument> documents =
                read(env, options, options.alertsTopic(), IndexedTopic.ALERTS)
                        .union(
                                read(env, options, options.clocksTopic(), IndexedTopic.CLOCKS),
                                read(env, options, options.statsTopic(), IndexedTopic.STATS),
                                read(env, options, options.ledgerTopic(), IndexedTopic.LEDGER));
        SingleOutputStreamOperator<TopicDocument> readable =
                documents
                        .process(new SeparateUnreadableDocuments())
                        .name("separate unreadable documents")
                        .uid("separate-unreadable-documents");
        Map<String, String> producer = new HashMap<>(options.kafkaProperties());
        producer.put("bootstrap.servers", options.bootstrapServers());
        readable.sinkTo(
                        new ElasticsearchSink<>(
                                elasticsearch,
                                TopicDocument::indexed,
                                new KafkaQuarantine(options.quarantineTopic(), producer)))
                .name("documents to elasticsearch")
                .uid("documents-elasticsearch-sink");
        DataStream<QuarantineRecord> unreadable =
                readable.getSideOutput(SeparateUnreadableDocuments.UNREADABLE);
        unreadable
                .sinkTo(
                        LiveJob.sink(
                                options,
                                options.quarantineTopic(),
                                QuarantineRecord::ticketId,
                                "indexer-quarantine",
                                DeliveryGuarantee.AT_LEAST_ONCE))
                .name("unreadable documents sink")
                .uid("unreadable-documents-sink");
    }

    /**
     * One topic's records, as documents. One source per topic, so that Flink's per-source lag
     * metric ({@code pendingRecords}) is the lag of that topic.
     */
    private static DataStream<TopicDocument> read(
            StreamExecutionEnvironment env, JobOptions options, String topic, IndexedTopic kind) {
        String name = kind.name().toLowerCase(java.util.Locale.ROOT);
        KafkaSource<TopicDocument> source =
                LiveJob.committedRecords(
                        options,
                        topic,
                        options.indexerGroupId(),
                        new TopicDocumentDeserializer(kind),
                        kind == IndexedTopic.LEDGER);
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), name + " topic")
                .uid(name + "-topic-source");
    }
}
