package io.slawatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.KafkaTopics;
import io.slawatch.testkit.SharedKafka;
import io.slawatch.testkit.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code slawatch review} writes exactly the review the job reads, or refuses it with why. */
@ExtendWith(SharedKafka.class)
class ReviewCommandITCase {

    String topic;

    @BeforeEach
    void createTopic() throws Exception {
        topic = "t" + UUID.randomUUID().toString().substring(0, 8) + ".reviews";
        KafkaTopics.ensure(SharedKafka.bootstrapServers(), Map.of(), List.of(topic), 1);
    }

    CliRun review(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "review";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--bootstrap-servers";
        all[args.length + 2] = SharedKafka.bootstrapServers();
        all[args.length + 3] = "--reviews-topic";
        all[args.length + 4] = topic;
        return CliRun.run("", all);
    }

    List<ConsumerRecord<String, String>> written() {
        try (TopicReader reader = new TopicReader(SharedKafka.bootstrapServers(), topic)) {
            return reader.readToEnd(Duration.ofMinutes(1));
        }
    }

    @Test
    void shouldWriteAConfirmationKeyedByItsTicket() {
        CliRun run =
                review(
                        "confirm",
                        "T-1:RESPONSE:1:BREACHED:1",
                        "--reviewer",
                        "sup-1",
                        "--reason",
                        "call log shows no answer in time",
                        "--at",
                        "2026-11-25T10:30:00+08:00",
                        "--review-id",
                        "R-1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .isEqualTo(
                        "review R-1: CONFIRM T-1:RESPONSE:1:BREACHED:1 written to "
                                + topic
                                + " (partition 0, offset 0)\n");
        assertThat(written())
                .singleElement()
                .satisfies(
                        record -> {
                            assertThat(record.key()).isEqualTo("T-1");
                            assertThat(record.value())
                                    .isEqualTo(
                                            "{\"reviewId\":\"R-1\",\"alertId\":\"T-1:RESPONSE:1:BREACHED:1\","
                                                    + "\"decision\":\"CONFIRM\",\"reviewer\":\"sup-1\","
                                                    + "\"reason\":\"call log shows no answer in time\","
                                                    + "\"decidedAt\":\"2026-11-25T02:30:00Z\"}");
                        });
    }

    @Test
    void shouldWriteADoneKeyedByItsAction() {
        CliRun run =
                review(
                        "done",
                        "T-1:RESPONSE:1:BREACHED:1:APOLOGY",
                        "--reviewer",
                        "care-1",
                        "--at",
                        "2026-11-26T10:00:00+08:00",
                        "--review-id",
                        "R-2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(written())
                .extracting(ConsumerRecord::key)
                .containsExactly("T-1:RESPONSE:1:BREACHED:1:APOLOGY");
    }

    @Test
    void shouldRefuseWhatTheJobWouldQuarantineAndWriteNothing() {
        CliRun noReason = review("waive", "T-1:RESPONSE:1:BREACHED:1", "--reviewer", "sup-1");
        CliRun notABreach = review("confirm", "T-1", "--reviewer", "sup-1", "--reason", "checked");
        CliRun unknownDecision =
                review("approve", "T-1:RESPONSE:1:BREACHED:1", "--reviewer", "sup-1");

        assertThat(noReason.exitCode()).isEqualTo(1);
        assertThat(noReason.err()).isEqualTo("slawatch review: MISSING_FIELD: missing reason\n");
        assertThat(notABreach.err())
                .isEqualTo(
                        "slawatch review: BAD_VALUE: alertId 'T-1' is not"
                                + " TICKET:CLOCK:CYCLE:KIND:LEVEL\n");
        assertThat(unknownDecision.err())
                .isEqualTo("slawatch review: 'approve' is not confirm, waive or done\n");
        assertThat(written()).isEmpty();
    }
}
