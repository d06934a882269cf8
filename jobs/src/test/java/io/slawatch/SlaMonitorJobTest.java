package io.slawatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.ingest.EventDecoder;
import io.slawatch.ingest.file.FileLinesSource;
import io.slawatch.policy.PolicyLoader;
import io.slawatch.sink.ElasticsearchOptions;
import io.slawatch.sink.RejectedDocuments;
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
                        new FileLinesSource(List.of("unused.jsonl"), EventDecoder.withDefaults()),
                        1,
                        EventTime.replay(EventTime.DEFAULT_OUT_OF_ORDERNESS),
                        PolicyLoader.load(Path.of("src/test/resources/policies/scenario.yaml")));
        SlaMonitorJob.sinkTo(outputs, new SlaMonitorJob.Sinks(discard(), discard(), discard()));
        SlaMonitorJob.sinkToElasticsearch(
                outputs,
                new ElasticsearchOptions(
                        List.of("http://localhost:9200"),
                        null,
                        null,
                        null,
                        null,
                        ElasticsearchOptions.DEFAULT_REQUEST_TIMEOUT,
                        ElasticsearchOptions.DEFAULT_MAX_ACTIONS,
                        ElasticsearchOptions.DEFAULT_FLUSH_INTERVAL,
                        ElasticsearchOptions.DEFAULT_INITIAL_BACKOFF,
                        ElasticsearchOptions.DEFAULT_MAX_BACKOFF),
                RejectedDocuments.logged());

        TreeSet<String> uids = new TreeSet<>();
        for (StreamNode node : env.getStreamGraph().getStreamNodes()) {
            if (node.getTransformationUID() != null) {
                uids.add(node.getTransformationUID());
            }
        }

        assertThat(uids)
                .containsExactly(
                        "alerts-elasticsearch-sink",
                        "alerts-sink",
                        "clocks-sink",
                        "flush-watermark-at-end-of-input",
                        "outcomes-elasticsearch-sink",
                        "outcomes-sink",
                        "quarantine-sink",
                        "rolling-statistics",
                        "separate-quarantine",
                        "statistics-buckets",
                        "statistics-elasticsearch-sink",
                        "ticket-events-source",
                        "ticket-sla-clocks");
    }

    private static <T> Sink<T> discard() {
        return new DiscardingSink<>();
    }
}
