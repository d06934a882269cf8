package io.slawatch.stats;

import io.slawatch.model.Alert;
import io.slawatch.model.AlertKind;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.ClockType;
import io.slawatch.model.ClockView;
import io.slawatch.model.SampleKind;
import io.slawatch.model.StatsBucket;
import io.slawatch.model.StatsGrain;
import io.slawatch.model.StatsSample;
import io.slawatch.model.TicketAttributes;
import io.slawatch.serde.IsoInstants;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns what detection decides into statistics samples, and samples into the buckets they count in.
 *
 * <p>An alert counts at the instant it fired (a breach at the deadline); a retraction subtracts in
 * the bucket of the alert it withdraws, so a corrected bucket holds exactly what a replay in order
 * would have counted.
 */
public final class StatsSamples {

    private StatsSamples() {}

    /** A ticket created, with its attributes as they are after its CREATED. */
    public static StatsSample created(Instant at, TicketAttributes ticket) {
        return new StatsSample(SampleKind.TICKET_CREATED, at.toEpochMilli(), null, ticket, 0, 0);
    }

    public static StatsSample started(ClockView view) {
        return new StatsSample(
                SampleKind.CLOCK_STARTED,
                view.startedAt().toEpochMilli(),
                view.clock(),
                view.attributes(),
                0,
                0);
    }

    /** A finished clock; empty for cancelled clocks and those still running when a replay ends. */
    public static Optional<StatsSample> of(ClockOutcome outcome) {
        SampleKind kind =
                switch (outcome.status()) {
                    case MET -> SampleKind.MET;
                    case MET_LATE -> SampleKind.MET_LATE;
                    default -> null;
                };
        if (kind == null) {
            return Optional.empty();
        }
        return Optional.of(
                new StatsSample(
                        kind,
                        outcome.endedAt().toEpochMilli(),
                        outcome.clock(),
                        outcome.attributes(),
                        outcome.elapsedBusinessSeconds(),
                        outcome.lateSeconds()));
    }

    /**
     * An alert that changes a count, at the instant it fired; empty for MET_LATE, RETRACTED and
     * predictions (the statistics count what happened).
     */
    public static Optional<StatsSample> of(Alert alert) {
        SampleKind kind =
                switch (alert.kind()) {
                    case AT_RISK -> SampleKind.AT_RISK;
                    case BREACHED -> SampleKind.BREACHED;
                    case ESCALATED -> SampleKind.ESCALATED;
                    case MET_LATE, RETRACTED, PREDICTED_BREACH, PREDICTION_CLEARED -> null;
                };
        return kind == null
                ? Optional.empty()
                : Optional.of(sample(kind, alert, alert.eventTime()));
    }

    /**
     * What a RETRACTED alert subtracts, in the bucket of the alert it withdraws ({@code
     * retractedEventTime}); empty when that alert was not counted.
     */
    public static Optional<StatsSample> retraction(Alert retraction, Instant retractedEventTime) {
        String[] id = retraction.retractsAlertId().split(":");
        SampleKind kind =
                switch (AlertKind.valueOf(id[id.length - 2])) {
                    case BREACHED -> SampleKind.BREACH_RETRACTED;
                    case ESCALATED -> SampleKind.ESCALATION_RETRACTED;
                    default -> null;
                };
        return kind == null
                ? Optional.empty()
                : Optional.of(sample(kind, retraction, retractedEventTime));
    }

    private static StatsSample sample(SampleKind kind, Alert alert, Instant at) {
        return new StatsSample(kind, at.toEpochMilli(), alert.clock(), alert.attributes(), 0, 0);
    }

    /** The buckets a sample counts in, each holding only that sample. */
    public static List<StatsBucket> buckets(StatsSample sample) {
        List<StatsBucket> buckets = new ArrayList<>(3);
        TicketAttributes ticket = sample.attributes();
        StatsBucket minute =
                bucket(
                        StatsGrain.MINUTE,
                        sample,
                        ticket.channel().name(),
                        ticket.priority().name());
        minute.channel = ticket.channel();
        minute.priority = ticket.priority();
        buckets.add(minute);
        boolean finished = sample.kind() == SampleKind.MET || sample.kind() == SampleKind.MET_LATE;
        if (finished && ClockType.ARRIVAL.equals(sample.clock()) && ticket.techId() != null) {
            StatsBucket technician =
                    bucket(StatsGrain.TECHNICIAN_HOUR, sample, ticket.techId(), ticket.region());
            technician.techId = ticket.techId();
            technician.region = ticket.region();
            buckets.add(technician);
        }
        boolean breach =
                sample.kind() == SampleKind.BREACHED
                        || sample.kind() == SampleKind.BREACH_RETRACTED;
        if (ticket.agentId() != null
                && (breach || (finished && ClockType.RESPONSE.equals(sample.clock())))) {
            StatsBucket agent =
                    bucket(StatsGrain.AGENT_DAY, sample, ticket.agentId(), ticket.team());
            agent.agentId = ticket.agentId();
            agent.team = ticket.team();
            buckets.add(agent);
        }
        return buckets;
    }

    /**
     * A bucket of {@code grain} holding {@code sample}, with the id {@code {start}:{key}:{detail}};
     * the caller sets the dimensions the key and detail name.
     */
    private static StatsBucket bucket(
            StatsGrain grain, StatsSample sample, String key, String detail) {
        StatsBucket bucket = new StatsBucket();
        bucket.grain = grain;
        bucket.start = grain.bucketStart(sample.at());
        bucket.id =
                IsoInstants.format(Instant.ofEpochMilli(bucket.start))
                        + ":"
                        + key
                        + ":"
                        + (detail == null ? "" : detail);
        add(bucket, sample);
        return bucket;
    }

    private static void add(StatsBucket bucket, StatsSample sample) {
        int clock = sample.clock() == null ? -1 : bucket.slot(sample.clock().name());
        switch (sample.kind()) {
            case TICKET_CREATED -> bucket.ticketsCreated++;
            case CLOCK_STARTED -> bucket.started[clock]++;
            case AT_RISK -> bucket.atRisk[clock]++;
            case BREACHED -> bucket.breached[clock]++;
            case BREACH_RETRACTED -> bucket.breached[clock]--;
            case ESCALATED -> bucket.escalated[clock]++;
            case ESCALATION_RETRACTED -> bucket.escalated[clock]--;
            case MET, MET_LATE -> {
                if (sample.kind() == SampleKind.MET) {
                    bucket.met[clock]++;
                } else {
                    bucket.metLate[clock]++;
                }
                if (ClockType.RESPONSE.equals(sample.clock())) {
                    bucket.responseSecondsSum = sample.elapsedSeconds();
                    if (bucket.grain == StatsGrain.MINUTE) {
                        bucket.responseSeconds = new long[] {sample.elapsedSeconds()};
                    }
                } else if (ClockType.ARRIVAL.equals(sample.clock())) {
                    bucket.arrivalLateSecondsSum = sample.lateSeconds();
                    bucket.arrivalLateSecondsMax = sample.lateSeconds();
                }
            }
        }
    }
}
