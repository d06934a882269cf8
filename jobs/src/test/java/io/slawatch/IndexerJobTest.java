package io.slawatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slawatch.testkit.Checkout;
import java.util.Map;
import java.util.TreeSet;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

/** The indexer's options and operator uids, apart from the detection job's. */
class IndexerJobTest {

    static final String POLICY = Checkout.DEFAULT_POLICY.toString();

    static final Map<String, String> INDEXER_OPTIONS =
            Map.of("bootstrap-servers", "localhost:9092", "elasticsearch", "http://localhost:9200");

    @Test
    void shouldKeepEveryOperatorUidOfItsOwn() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        IndexerJob.build(env, JobOptions.parse(INDEXER_OPTIONS, JobOptions.Job.INDEXER));

        TreeSet<String> uids = new TreeSet<>();
        for (StreamNode node : env.getStreamGraph().getStreamNodes()) {
            uids.add(node.getTransformationUID());
        }

        assertThat(uids)
                .containsExactly(
                        // Flink derives the committer's uid from its sink's.
                        "Sink Committer: unreadable-documents-sink",
                        "alerts-documents-elasticsearch-sink",
                        "alerts-topic-source",
                        "clocks-documents-elasticsearch-sink",
                        "clocks-topic-source",
                        "ledger-documents-elasticsearch-sink",
                        "ledger-topic-source",
                        "separate-unreadable-alerts",
                        "separate-unreadable-clocks",
                        "separate-unreadable-ledger",
                        "separate-unreadable-stats",
                        "stats-documents-elasticsearch-sink",
                        "stats-topic-source",
                        "unreadable-documents-sink");
    }

    @Test
    void shouldRunEachTopicFromItsSourceToItsSinkInOneTask() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        IndexerJob.build(env, JobOptions.parse(INDEXER_OPTIONS, JobOptions.Job.INDEXER));

        assertThat(env.getStreamGraph().getJobGraph().getVertices())
                .extracting(JobVertex::getName)
                .containsExactlyInAnyOrder(
                        chain("alerts"),
                        chain("clocks"),
                        chain("ledger"),
                        chain("stats"),
                        "unreadable documents sink: Writer -> unreadable documents sink: Committer");
    }

    static String chain(String topic) {
        return "Source: "
                + topic
                + " topic -> separate unreadable "
                + topic
                + " -> "
                + topic
                + " "
                + IndexerJob.DOCUMENTS_SINK
                + ": Writer";
    }

    @Test
    void shouldGiveEachJobsMainTheOptionsItReads() {
        JobOptions options =
                JobOptions.parse(
                        Map.of(
                                "bootstrap-servers", "localhost:9092",
                                "policy", POLICY,
                                "elasticsearch", "http://localhost:9200",
                                "checkpoint-interval", "PT1S",
                                "delivery", "EXACTLY_ONCE"));

        assertThat(options.arguments(JobOptions.Job.DETECTION))
                .containsExactly(
                        "--bootstrap-servers",
                        "localhost:9092",
                        "--policy",
                        POLICY,
                        "--delivery",
                        "EXACTLY_ONCE",
                        "--checkpoint-interval",
                        "PT1S");
        assertThat(options.arguments(JobOptions.Job.INDEXER))
                .containsExactly(
                        "--bootstrap-servers",
                        "localhost:9092",
                        "--checkpoint-interval",
                        "PT1S",
                        "--elasticsearch",
                        "http://localhost:9200");
        assertThat(
                        JobOptions.parse(
                                        options.arguments(JobOptions.Job.INDEXER)
                                                .toArray(String[]::new),
                                        JobOptions.Job.INDEXER)
                                .givenOptions()
                                .toMap())
                .hasSize(3);
    }

    @Test
    void shouldNeedElasticsearchButNoPolicy() {
        assertThat(JobOptions.parse(INDEXER_OPTIONS, JobOptions.Job.INDEXER).indexerGroupId())
                .isEqualTo(LiveJobOptions.INDEXER_GROUP_ID.defaultValue());
        assertThatThrownBy(
                        () ->
                                JobOptions.parse(
                                        Map.of("bootstrap-servers", "localhost:9092"),
                                        JobOptions.Job.INDEXER))
                .hasMessage(
                        "bad options:\n"
                                + "  --elasticsearch is required, e.g. --elasticsearch"
                                + " http://localhost:9200");
    }
}
