package io.slawatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slawatch.notify.NotifyConfigLoader;
import io.slawatch.testkit.Checkout;
import java.util.Map;
import java.util.TreeSet;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

/** The notifier's options and operator uids, apart from the other jobs'. */
class NotifierJobTest {

    static final String NOTIFY = Checkout.resolve("deploy/notify/notify.yaml").toString();

    static final Map<String, String> NOTIFIER_OPTIONS =
            Map.of("bootstrap-servers", "localhost:9092", "notify", NOTIFY);

    @Test
    void shouldKeepEveryOperatorUidOfItsOwn() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobOptions options = JobOptions.parse(NOTIFIER_OPTIONS, JobOptions.Job.NOTIFIER);
        NotifierJob.build(
                env, options, NotifyConfigLoader.load(options.notifyFile().orElseThrow()));

        TreeSet<String> uids = new TreeSet<>();
        for (StreamNode node : env.getStreamGraph().getStreamNodes()) {
            uids.add(node.getTransformationUID());
        }

        assertThat(uids)
                .containsExactly(
                        "Sink Committer: unreadable-notices-sink",
                        "active-alerts",
                        "alerts-notice-source",
                        "outcomes-notice-source",
                        "receiver-deliveries",
                        "route-notices",
                        "unreadable-notices-sink");
    }

    @Test
    void shouldGiveTheNotifiersMainTheOptionsItReads() {
        JobOptions options =
                JobOptions.parse(
                        Map.of(
                                "bootstrap-servers",
                                "localhost:9092",
                                "policy",
                                IndexerJobTest.POLICY,
                                "notify",
                                NOTIFY,
                                "checkpoint-interval",
                                "PT1S"));

        assertThat(options.arguments(JobOptions.Job.NOTIFIER))
                .containsExactly(
                        "--bootstrap-servers",
                        "localhost:9092",
                        "--notify",
                        NOTIFY,
                        "--checkpoint-interval",
                        "PT1S");
        assertThat(options.arguments(JobOptions.Job.DETECTION)).doesNotContain("--notify");
    }

    @Test
    void shouldNeedTheNotifyFileButNoPolicy() {
        assertThat(JobOptions.parse(NOTIFIER_OPTIONS, JobOptions.Job.NOTIFIER).notifierGroupId())
                .isEqualTo(LiveJobOptions.NOTIFIER_GROUP_ID.defaultValue());
        assertThatThrownBy(
                        () ->
                                JobOptions.parse(
                                        Map.of("bootstrap-servers", "localhost:9092"),
                                        JobOptions.Job.NOTIFIER))
                .hasMessage(
                        "bad options:\n"
                                + "  --notify is required, e.g. --notify"
                                + " deploy/notify/notify.yaml");
    }
}
