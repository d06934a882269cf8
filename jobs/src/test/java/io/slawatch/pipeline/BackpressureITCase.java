package io.slawatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.JobOptions;
import io.slawatch.LiveJob;
import io.slawatch.SlaMonitorJob;
import io.slawatch.model.Alert;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.ClockType;
import io.slawatch.model.OutcomeStatus;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.policy.PolicyLoader;
import io.slawatch.testkit.Await;
import io.slawatch.testkit.SharedKafka;
import io.slawatch.time.EventTime;
import io.slawatch.time.WallClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The live job reading a backlog, held back by a slow sink or reading it for longer than the
 * startup grace: neither is a quiet stream, so event time follows the backlog's events.
 */
@ExtendWith(SharedKafka.class)
class BackpressureITCase {

    /**
     * More tickets than the source's fetch queue and the network buffers hold, so that most of the
     * backlog is still in Kafka while the sink holds the job back.
     */
    static final int TICKETS = 20_000;

    /** Well within PHONE's 30 s response target, and before its 75 % warning. */
    static final Duration RESPONSE_AFTER = Duration.ofSeconds(10);

    static final Duration CREATED_EVERY = Duration.ofMillis(100);

    /** Several idle timeouts: long enough for a held-back split to look quiet by the wall clock. */
    static final Duration HOLD = Duration.ofSeconds(5);

    /** Shorter than the idle timeout: a split read at this pace is never quiet. */
    static final Duration TRICKLE_EVERY = Duration.ofMillis(200);

    /** Steps of a trickle that lasts twice the startup grace. */
    static final int TRICKLE_STEPS =
            (int) (EventTime.DEFAULT_STARTUP_GRACE.toMillis() * 2 / TRICKLE_EVERY.toMillis());

    @RegisterExtension static final MiniClusterExtension FLINK = MiniClusters.withSlots(4);

    @Test
    void shouldNotBreachABacklogWhileASlowSinkHoldsTheJobBack() throws Exception {
        String bootstrap = SharedKafka.bootstrapServers();
        JobOptions options =
                LivePipelineITCase.options(bootstrap, LivePipelineITCase.DEFAULT_POLICY);
        // The backlog spans 33 minutes an hour ago: by the wall clock every response is overdue.
        Instant anHourAgo =
                Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
        produceAnsweredPhoneTickets(bootstrap, options.eventsTopic(), anHourAgo);
        HeldSink<Alert> alerts = HeldSink.collecting("backpressure-alerts");
        HeldSink<ClockOutcome> outcomes = HeldSink.holdingFirstWrite("backpressure-outcomes");
        HeldSink<QuarantineRecord> quarantine = HeldSink.collecting("backpressure-quarantine");
        JobClient job = start(options, new SlaMonitorJob.Sinks(alerts, outcomes, quarantine));
        try {
            Instant heldSince =
                    Await.until(
                            outcomes::heldSince, since -> since != null, LivePipelineITCase.WAIT);
            assertThat(heldSince).as("the outcomes sink began holding").isNotNull();
            Await.until(
                    Instant::now, now -> now.isAfter(heldSince.plus(HOLD)), HOLD.multipliedBy(2));
            outcomes.release();

            assertAnsweredInTime(
                    TICKETS, outcomes, alerts, quarantine, LivePipelineITCase.WAIT.multipliedBy(2));
        } finally {
            job.cancel().get();
        }
    }

    @Test
    void shouldFollowABacklogReadForLongerThanTheStartupGrace() throws Exception {
        String bootstrap = SharedKafka.bootstrapServers();
        JobOptions options =
                LivePipelineITCase.options(bootstrap, LivePipelineITCase.DEFAULT_POLICY);
        // A ticket a second of event time an hour ago, read at a step every TRICKLE_EVERY: event
        // time trails the wall clock by an hour for as long as the trickle lasts.
        Instant anHourAgo =
                Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
        int answerLag = (int) RESPONSE_AFTER.toSeconds();
        HeldSink<Alert> alerts = HeldSink.collecting("trickle-alerts");
        HeldSink<ClockOutcome> outcomes = HeldSink.collecting("trickle-outcomes");
        HeldSink<QuarantineRecord> quarantine = HeldSink.collecting("trickle-quarantine");
        JobClient job = start(options, new SlaMonitorJob.Sinks(alerts, outcomes, quarantine));
        try {
            Await.until(
                    () -> job.getJobStatus().get(),
                    status -> status == JobStatus.RUNNING,
                    LivePipelineITCase.WAIT);
            Instant begin = Instant.now();
            for (int step = 0; step < TRICKLE_STEPS; step++) {
                Instant due = begin.plus(TRICKLE_EVERY.multipliedBy(step));
                Await.until(Instant::now, now -> !now.isBefore(due), TRICKLE_EVERY.multipliedBy(2));
                Instant at = anHourAgo.plusSeconds(step);
                List<byte[]> events = new ArrayList<>();
                if (step >= answerLag) {
                    int answered = step - answerLag;
                    events.add(
                            LivePipelineITCase.event(
                                    "r-" + answered, "S-" + answered, "RESPONDED", at, ""));
                }
                if (step < TRICKLE_STEPS - answerLag) {
                    events.add(
                            LivePipelineITCase.event(
                                    "c-" + step,
                                    "S-" + step,
                                    "CREATED",
                                    at,
                                    ",\"channel\":\"PHONE\",\"priority\":\"NORMAL\""));
                }
                LivePipelineITCase.produce(bootstrap, options.eventsTopic(), events);
            }

            assertAnsweredInTime(
                    TRICKLE_STEPS - answerLag,
                    outcomes,
                    alerts,
                    quarantine,
                    LivePipelineITCase.WAIT);
        } finally {
            job.cancel().get();
        }
    }

    /**
     * Once {@code outcomes} holds {@code tickets} outcomes (within {@code deadline}): each is a
     * RESPONSE met, and nothing alerted or was quarantined.
     */
    static void assertAnsweredInTime(
            int tickets,
            HeldSink<ClockOutcome> outcomes,
            HeldSink<Alert> alerts,
            HeldSink<QuarantineRecord> quarantine,
            Duration deadline)
            throws Exception {
        List<ClockOutcome> written =
                Await.until(outcomes::written, all -> all.size() >= tickets, deadline);

        assertThat(written)
                .hasSize(tickets)
                .allSatisfy(
                        outcome -> {
                            assertThat(outcome.clock()).isEqualTo(ClockType.RESPONSE);
                            assertThat(outcome.status()).isEqualTo(OutcomeStatus.MET);
                        });
        assertThat(alerts.written()).as("alerts of tickets answered in time").isEmpty();
        assertThat(quarantine.written()).isEmpty();
    }

    /** The live job from the options' Kafka topic into {@code sinks}, started. */
    static JobClient start(JobOptions options, SlaMonitorJob.Sinks sinks) throws Exception {
        LiveJob.prepare(options);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(LiveJob.configuration(options));
        SlaMonitorJob.sinkTo(
                SlaMonitorJob.build(
                        env,
                        LiveJob.source(options, WallClock.SYSTEM),
                        env.getParallelism(),
                        LiveJob.eventTime(options, WallClock.SYSTEM),
                        PolicyLoader.load(options.policyFile()),
                        List.of()),
                sinks);
        return env.executeAsync("slawatch backlog test");
    }

    /**
     * Ticket {@code i} created {@code i × CREATED_EVERY} after {@code firstCreated} and answered
     * {@link #RESPONSE_AFTER} later, in time order.
     */
    static void produceAnsweredPhoneTickets(String bootstrap, String topic, Instant firstCreated)
            throws Exception {
        List<byte[]> events = new ArrayList<>();
        int answerLag = (int) (RESPONSE_AFTER.toMillis() / CREATED_EVERY.toMillis());
        for (int step = 0; step < TICKETS + answerLag; step++) {
            Instant at = firstCreated.plus(CREATED_EVERY.multipliedBy(step));
            if (step >= answerLag) {
                int answered = step - answerLag;
                events.add(
                        LivePipelineITCase.event(
                                "r-" + answered, "P-" + answered, "RESPONDED", at, ""));
            }
            if (step < TICKETS) {
                events.add(
                        LivePipelineITCase.event(
                                "c-" + step,
                                "P-" + step,
                                "CREATED",
                                at,
                                ",\"channel\":\"PHONE\",\"priority\":\"NORMAL\""));
            }
        }
        LivePipelineITCase.produce(bootstrap, topic, events);
    }
}
