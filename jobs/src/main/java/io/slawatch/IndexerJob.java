package io.slawatch;

import io.slawatch.index.IndexedTopic;
import io.slawatch.index.SeparateUnreadableDocuments;
import io.slawatch.index.TopicDocument;
import io.slawatch.index.TopicDocumentDeserializer;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.sink.ElasticsearchOptions;
import io.slawatch.sink.ElasticsearchSink;
import io.slawatch.sink.KafkaQuarantine;
import java.util.EnumMap;
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
 * The indexer job: alerts, clock views, statistics and the ledger from the detection job's topics
 * into Elasticsearch. It runs apart from detection, so an Elasticsearch that is slow or down only
 * makes it lag while Kafka holds the backlog; alerts never wait for it.
 *
 * <p>Its Kafka offsets are committed with its checkpoints, and the sink sends everything before a
 * checkpoint completes: after a failure or a restart it resumes from the last checkpoint (or the
 * group's committed offsets) and re-sends what came after, which deterministic {@code _id}s turn
 * into overwrites. It reads committed records only, so with EXACTLY_ONCE delivery it indexes what
 * detection committed, one detection checkpoint behind at most. Its operators have uids of their
 * own: the two jobs' savepoints are independent. None of them keeps state, so a savepoint taken
 * before each topic had a sink of its own still restores.
 */
public final class IndexerJob {

    public static final String JOB_NAME = "slawatch indexer";

    /** What {@code slawatch index} prints once the job runs: what a supervisor waits for. */
    public static final String RUNNING_LINE = "slawatch index: running; Ctrl-C stops";

    /** What each topic's sink is called after its topic: "clocks documents to elasticsearch". */
    public static final String DOCUMENTS_SINK = "documents to elasticsearch";

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
        Map<String, String> producer = new HashMap<>(options.kafkaProperties());
        producer.put("bootstrap.servers", options.bootstrapServers());
        DataStream<QuarantineRecord> unreadable = null;
        for (Map.Entry<IndexedTopic, String> topic : topics(options).entrySet()) {
            DataStream<QuarantineRecord> topicUnreadable =
                    index(env, options, topic.getValue(), topic.getKey(), elasticsearch, producer);
            unreadable = unreadable == null ? topicUnreadable : unreadable.union(topicUnreadable);
        }
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

    /** The topics the indexer reads, in a stable order. */
    private static Map<IndexedTopic, String> topics(JobOptions options) {
        Map<IndexedTopic, String> topics = new EnumMap<>(IndexedTopic.class);
        topics.put(IndexedTopic.ALERTS, options.alertsTopic());
        topics.put(IndexedTopic.CLOCKS, options.clocksTopic());
        topics.put(IndexedTopic.LEDGER, options.ledgerTopic());
        topics.put(IndexedTopic.STATS, options.statsTopic());
        return topics;
    }

    /**
     * One topic's chain: its source, the separation of unreadable records and a sink of its own,
     * all in one task, so a document is never serialized between them (in one shared sink, moving
     * the records cost the sources more than reading them). Its ids are its own, so each sink still
     * keeps the order of every {@code _id}. The unreadable records are returned for the quarantine.
     */
    private static DataStream<QuarantineRecord> index(
            StreamExecutionEnvironment env,
            JobOptions options,
            String topic,
            IndexedTopic kind,
            ElasticsearchOptions elasticsearch,
            Map<String, String> producer) {
        String name = kind.name().toLowerCase(Locale.ROOT);
        SingleOutputStreamOperator<TopicDocument> readable =
                read(env, options, topic, kind)
                        .process(new SeparateUnreadableDocuments())
                        .name("separate unreadable " + name)
                        .uid("separate-unreadable-" + name);
        readable.sinkTo(
                        new ElasticsearchSink<>(
                                elasticsearch,
                                TopicDocument::indexed,
                                new KafkaQuarantine(options.quarantineTopic(), producer)))
                .name(name + " " + DOCUMENTS_SINK)
                .uid(name + "-documents-elasticsearch-sink");
        return readable.getSideOutput(SeparateUnreadableDocuments.UNREADABLE);
    }

    /**
     * One topic's records, as documents. One source per topic, so that Flink's per-source lag
     * metric ({@code pendingRecords}) is the lag of that topic.
     */
    private static DataStream<TopicDocument> read(
            StreamExecutionEnvironment env, JobOptions options, String topic, IndexedTopic kind) {
        String name = kind.name().toLowerCase(Locale.ROOT);
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
