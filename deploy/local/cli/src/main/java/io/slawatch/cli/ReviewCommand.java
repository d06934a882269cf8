package io.slawatch.cli;

import io.slawatch.JobOptions;
import io.slawatch.ingest.DecodedReview;
import io.slawatch.ingest.ReviewDecoder;
import io.slawatch.model.RawEvent;
import io.slawatch.model.Review;
import io.slawatch.model.ReviewDecision;
import io.slawatch.serde.Json;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slawatch review}: a person's decision, written to the reviews topic. */
@Command(
        name = "review",
        mixinStandardHelpOptions = true,
        modelTransformer = JobOptionSpecs.Review.class,
        description = {
            "Write a review to the reviews topic: `confirm ALERT_ID` or `waive ALERT_ID` decides the"
                    + " case of a BREACHED alert, `done ENTRY_ID` marks a ledger action carried"
                    + " out. The detection job applies it at its time; a review of an unknown alert"
                    + " or entry, or a second decision, is quarantined with its reason."
        })
final class ReviewCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "confirm|waive|done", description = "The decision.")
    String decision;

    @Parameters(
            index = "1",
            paramLabel = "ID",
            description =
                    "The BREACHED alert's id (confirm, waive), or the action's entryId (done).")
    String id;

    @Option(
            names = "--reviewer",
            required = true,
            paramLabel = "NAME",
            description = "Who decides (a staff id, not a person's name).")
    String reviewer;

    @Option(
            names = "--reason",
            paramLabel = "TEXT",
            description = "Why; required to confirm or waive.")
    String reason;

    @Option(
            names = "--at",
            paramLabel = "INSTANT",
            description = "When it was decided (default: now), e.g. 2026-11-25T10:30:00+08:00.")
    String at;

    @Option(
            names = "--review-id",
            paramLabel = "ID",
            description =
                    "The review's id (default: a random UUID); a repeat with the same id is"
                            + " the same review.")
    String reviewId;

    private final Clock clock;

    ReviewCommand() {
        this(Clock.systemUTC());
    }

    ReviewCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReviewDecision chosen;
        try {
            chosen = ReviewDecision.valueOf(decision.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err.println("slawatch review: '" + decision + "' is not confirm, waive or done");
            err.flush();
            return 1;
        }
        JobOptions options = JobOptionSpecs.parse(spec, JobOptions.Job.REVIEW);
        if (options == null) {
            return 1;
        }
        // Written as JSON and decoded by the job's own decoder, so a review the job would
        // quarantine is refused here, with the same reason.
        String json =
                "{"
                        + field(
                                "reviewId",
                                reviewId == null ? UUID.randomUUID().toString() : reviewId)
                        + ","
                        + field(chosen.decidesCase() ? "alertId" : "entryId", id)
                        + ","
                        + field("decision", chosen.name())
                        + ","
                        + field("reviewer", reviewer)
                        + (reason == null ? "" : "," + field("reason", reason))
                        + ","
                        + field("decidedAt", at == null ? clock.instant().toString() : at)
                        + "}";
        DecodedReview decoded =
                new ReviewDecoder(options.maxEventBytes(), options.futureSkew(), clock)
                        .decode(
                                new RawEvent(
                                        "command line",
                                        RawEvent.FILE,
                                        1,
                                        json.getBytes(StandardCharsets.UTF_8)));
        if (!decoded.ok()) {
            err.println(
                    "slawatch review: "
                            + decoded.quarantined().reason()
                            + ": "
                            + decoded.quarantined().detail());
            err.flush();
            return 1;
        }
        Review review = decoded.review();
        Properties producer = new Properties();
        producer.putAll(options.kafkaProperties());
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaProducer<String, byte[]> kafka =
                new KafkaProducer<>(producer, new StringSerializer(), new ByteArraySerializer())) {
            String key = review.decision().decidesCase() ? review.ticketId() : review.entryId();
            RecordMetadata written =
                    kafka.send(
                                    new ProducerRecord<>(
                                            options.reviewsTopic(), key, Json.bytes(review)))
                            .get();
            out.println(
                    "review "
                            + review.reviewId()
                            + ": "
                            + review.decision()
                            + " "
                            + id
                            + " written to "
                            + written.topic()
                            + " (partition "
                            + written.partition()
                            + ", offset "
                            + written.offset()
                            + ")");
            out.flush();
        }
        return 0;
    }

    private static String field(String name, String value) {
        return Json.write(name) + ":" + Json.write(value);
    }
}
