package io.slawatch.stats;

import io.slawatch.model.Alert;
import io.slawatch.model.AlertKind;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.ClockType;
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

    /**
     * A finished clock; empty for cancelled clocks, those still running when a replay ends, and
     * those no statistics count (see {@link #buckets}).
     */
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
        StatsSample sample =
                new StatsSample(
                        kind,
                        outcome.endedAt().toEpochMilli(),
                        outcome.clock(),
                        outcome.attributes(),
                        outcome.elapsedBusinessSeconds(),
                        outcome.lateSeconds());
        return countsForTechnician(sample) || countsForAgent(sample)
                ? Optional.of(sample)
                : Optional.empty();
    }

    /**
     * A breach of a ticket with an agent, at the instant it fired; empty for every other alert (the
     * dashboards count warnings and escalations from the clock cycles' tallies).
     */
    public static Optional<StatsSample> of(Alert alert) {
        return alert.kind() == AlertKind.BREACHED && alert.attributes().agentId() != null
                ? Optional.of(sample(SampleKind.BREACHED, alert, alert.eventTime()))
                : Optional.empty();
    }

    /**
     * What a RETRACTED alert subtracts, in the bucket of the alert it withdraws ({@code
     * retractedEventTime}); empty when that alert was not counted.
     */
    public static Optional<StatsSample> retraction(Alert retraction, Instant retractedEventTime) {
        String[] id = retraction.retractsAlertId().split(":");
        return AlertKind.valueOf(id[id.length - 2]) == AlertKind.BREACHED
                        && retraction.attributes().agentId() != null
                ? Optional.of(sample(SampleKind.BREACH_RETRACTED, retraction, retractedEventTime))
                : Optional.empty();
    }

    private static StatsSample sample(SampleKind kind, Alert alert, Instant at) {
        return new StatsSample(kind, at.toEpochMilli(), alert.clock(), alert.attributes(), 0, 0);
    }

    /** The buckets a sample counts in, each holding only that sample. */
    public static List<StatsBucket> buckets(StatsSample sample) {
        List<StatsBucket> buckets = new ArrayList<>(2);
        TicketAttributes ticket = sample.attributes();
        if (countsForTechnician(sample)) {
            StatsBucket technician =
                    bucket(StatsGrain.TECHNICIAN_HOUR, sample, ticket.techId(), ticket.region());
            technician.techId = ticket.techId();
            technician.region = ticket.region();
            buckets.add(technician);
        }
        if (countsForAgent(sample)) {
            StatsBucket agent =
                    bucket(StatsGrain.AGENT_DAY, sample, ticket.agentId(), ticket.team());
            agent.agentId = ticket.agentId();
            agent.team = ticket.team();
            buckets.add(agent);
        }
        return buckets;
    }

    private static boolean finished(StatsSample sample) {
        return sample.kind() == SampleKind.MET || sample.kind() == SampleKind.MET_LATE;
    }

    /** An arrival of a technician: his hour's arrivals and lateness. */
    private static boolean countsForTechnician(StatsSample sample) {
        return finished(sample)
                && ClockType.ARRIVAL.equals(sample.clock())
                && sample.attributes().techId() != null;
    }

    /** A response or a breach of an agent's ticket: his day's responses and breaches. */
    private static boolean countsForAgent(StatsSample sample) {
        boolean breach =
                sample.kind() == SampleKind.BREACHED
                        || sample.kind() == SampleKind.BREACH_RETRACTED;
        return sample.attributes().agentId() != null
                && (breach || (finished(sample) && ClockType.RESPONSE.equals(sample.clock())));
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
        int clock = bucket.slot(sample.clock().name());
        switch (sample.kind()) {
            case BREACHED -> bucket.breached[clock]++;
            case BREACH_RETRACTED -> bucket.breached[clock]--;
            case MET, MET_LATE -> {
                if (sample.kind() == SampleKind.MET) {
                    bucket.met[clock]++;
                } else {
                    bucket.metLate[clock]++;
                }
                if (ClockType.RESPONSE.equals(sample.clock())) {
                    bucket.responseSecondsSum = sample.elapsedSeconds();
                } else if (ClockType.ARRIVAL.equals(sample.clock())) {
                    bucket.arrivalLateSecondsSum = sample.lateSeconds();
                    bucket.arrivalLateSecondsMax = sample.lateSeconds();
                }
            }
        }
    }
}
