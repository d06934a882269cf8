package io.slawatch.simulate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slawatch.calendar.BusinessCalendar;
import io.slawatch.model.Channel;
import io.slawatch.model.ClockType;
import io.slawatch.model.Complexity;
import io.slawatch.model.EventType;
import io.slawatch.model.Priority;
import io.slawatch.policy.ClockPolicy;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.policy.TargetRule;
import io.slawatch.serde.Json;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Realistic after-sales traffic, the same for the same seed: a channel, priority and complexity
 * mix, about 40 % on site, daily and weekly load curves with a Friday-evening promotion peak,
 * response, arrival and resolution times drawn from log-normal distributions around the policy's
 * own targets (tuned so that about 5–10 % of clocks breach), pauses, reopens, cancellations,
 * reassignments and priority changes; delivered with jitter, some late, a few twice and a few
 * malformed. Tickets carry a customer name and phone, as real ones do: slawatch must drop them.
 */
public final class TicketSimulator {

    /** Where the simulated operation is: its load curve follows this zone's day. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public static final double DEFAULT_TICKETS_PER_HOUR = 240;

    /** Median of a drawn time as a share of its target; with {@link #SPREAD} about 7 % are late. */
    static final double MEDIAN_SHARE_OF_TARGET = 0.35;

    static final double SPREAD = 0.7;

    /** The shipped policy's own clocks, whose events the simulator draws when a policy has them. */
    static final ClockType COMPLAINT_REPLY = ClockType.of("COMPLAINT_REPLY");

    static final ClockType NEXT_REPLY = ClockType.of("NEXT_REPLY");
    static final ClockType PERIODIC_UPDATE = ClockType.of("PERIODIC_UPDATE");

    static final String[] REGIONS = {"pudong", "minhang", "xuhui", "jingan", "putuo"};
    static final String[] TEAMS = {"north", "south", "east", "west"};
    static final int AGENTS_PER_TEAM = 10;
    static final int TECHNICIANS_PER_REGION = 6;

    /** Load by hour of the local day, relative to the busiest hour. */
    static final double[] HOURLY = {
        0.08, 0.05, 0.04, 0.04, 0.05, 0.1, 0.2, 0.4, 0.7, 0.95, 1.0, 0.95, 0.7, 0.85, 0.95, 0.9,
        0.85, 0.75, 0.6, 0.55, 0.5, 0.4, 0.25, 0.12
    };

    /** One delivered record: when it reaches Kafka (epoch ms) and its bytes as a line. */
    public record Delivery(long deliverAt, String line) {}

    /** What was generated and delivered. */
    public record Simulation(List<Delivery> deliveries, SimulationStats stats) {}

    private final SlaPolicy policy;
    private final SplittableRandom random;
    private final EtaDraws etas;
    private final SimulationStats stats = new SimulationStats();
    private final List<Delivery> deliveries = new ArrayList<>();

    private TicketSimulator(SlaPolicy policy, long seed) {
        this.policy = policy;
        this.random = new SplittableRandom(seed);
        this.etas = new EtaDraws(seed, ZONE);
    }

    /** {@code tickets} tickets created from {@code start} on, each with its whole life. */
    public static Simulation tickets(SlaPolicy policy, long seed, Instant start, int tickets) {
        TicketSimulator simulator = new TicketSimulator(policy, seed);
        Instant at = start;
        for (int i = 1; i <= tickets; i++) {
            at = simulator.nextArrival(at, DEFAULT_TICKETS_PER_HOUR);
            simulator.ticket(i, at);
        }
        return simulator.finish();
    }

    /**
     * The tickets created between {@code start} and {@code end}, each with its whole life, numbered
     * from {@code firstNumber}.
     */
    public static Simulation between(
            SlaPolicy policy,
            long seed,
            Instant start,
            Instant end,
            double ticketsPerHour,
            int firstNumber) {
        TicketSimulator simulator = new TicketSimulator(policy, seed);
        int number = firstNumber;
        for (Instant at = simulator.nextArrival(start, ticketsPerHour);
                at.isBefore(end);
                at = simulator.nextArrival(at, ticketsPerHour)) {
            simulator.ticket(number++, at);
        }
        return simulator.finish();
    }

    private Simulation finish() {
        deliveries.sort(Comparator.comparingLong(Delivery::deliverAt));
        return new Simulation(List.copyOf(deliveries), stats);
    }

    /** The load at an instant, relative to the busiest hour of a normal day. */
    static double load(Instant at) {
        ZonedDateTime local = at.atZone(ZONE);
        double load = HOURLY[local.getHour()];
        DayOfWeek day = local.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
            load *= 0.6;
        }
        if (day == DayOfWeek.FRIDAY && local.getHour() >= 19 && local.getHour() < 23) {
            load *= 2.5; // the weekly promotion: prices drop, calls rise
        }
        return load;
    }

    /** The next creation after {@code at}: a Poisson process thinned by the load curve. */
    private Instant nextArrival(Instant at, double ticketsPerHour) {
        double peakRatePerMilli = ticketsPerHour * 2.5 / 3_600_000.0;
        Instant next = at;
        do {
            next =
                    next.plusMillis(
                            1 + (long) (-Math.log(1 - random.nextDouble()) / peakRatePerMilli));
        } while (random.nextDouble() * 2.5 > load(next));
        return next;
    }

    private <T> T pick(T[] values, double[] weights) {
        double r = random.nextDouble();
        for (int i = 0; i < values.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** A log-normal draw around a share of {@code target}. */
    private Duration drawn(Duration target, double medianShare) {
        double gaussian = gaussian();
        long seconds =
                (long) Math.max(1, target.toSeconds() * medianShare * Math.exp(SPREAD * gaussian));
        return Duration.ofSeconds(seconds);
    }

    private double gaussian() {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private Duration between(Duration low, Duration high) {
        return low.plusSeconds(random.nextLong(high.minus(low).toSeconds() + 1));
    }

    private TargetRule rule(
            ClockType clock, Channel channel, Priority priority, Complexity complexity) {
        ClockPolicy rules = policy.clock(clock);
        return rules == null ? null : rules.targetFor(channel, priority, complexity);
    }

    private BusinessCalendar calendar(TargetRule rule) {
        BusinessCalendar calendar =
                rule.calendar() == null ? null : policy.calendar(rule.calendar());
        return calendar == null ? BusinessCalendar.alwaysOpen(ZONE) : calendar;
    }

    /** One ticket's life, from CREATED to CLOSED. */
    private void ticket(int number, Instant created) {
        String ticketId = String.format("T-%06d", number);
        Channel channel =
                pick(
                        Channel.values(),
                        new double[] {0.40, 0.25, 0.12, 0.15, 0.08}); // PHONE CHAT EMAIL APP SOCIAL
        Priority priority = pick(Priority.values(), new double[] {0.05, 0.15, 0.6, 0.2});
        Complexity complexity = chance(0.25) ? Complexity.COMPLEX : Complexity.STANDARD;
        boolean onsite = chance(0.4);
        String team = TEAMS[random.nextInt(TEAMS.length)];
        String agent = agent(team);
        String region = REGIONS[random.nextInt(REGIONS.length)];
        TicketEvents events = new TicketEvents(ticketId);
        stats.tickets++;
        stats.byChannel.merge(channel.name(), 1L, Long::sum);

        ObjectNode create = events.event(EventType.CREATED, created);
        create.put("channel", channel.name())
                .put("priority", priority.name())
                .put("complexity", complexity.name())
                .put("onsite", onsite)
                .put("agentId", agent)
                .put("team", team)
                .put("region", region)
                .put("customerName", "Customer " + ticketId)
                .put("customerPhone", String.format("+86 21 5%07d", number));

        TargetRule resolutionRule = rule(ClockType.RESOLUTION, channel, priority, complexity);
        Duration resolutionTarget =
                resolutionRule == null ? Duration.ofHours(24) : resolutionRule.target();

        TargetRule responseRule = rule(ClockType.RESPONSE, channel, priority, complexity);
        Instant responded = created.plusSeconds(60);
        if (responseRule != null) {
            Duration draw = drawn(responseRule.target(), MEDIAN_SHARE_OF_TARGET);
            stats.drawnLate(ClockType.RESPONSE, draw.compareTo(responseRule.target()) > 0);
            responded = calendar(responseRule).add(created, draw);
        }
        ObjectNode response = events.event(EventType.RESPONDED, responded).put("agentId", agent);
        if (complexity == Complexity.COMPLEX && !chance(0.03)) {
            response.put(
                    "etaAt",
                    responded.plus(resolutionTarget.multipliedBy(3).dividedBy(4)).toString());
        }

        if (chance(0.05)) {
            agent = agent(team);
            events.event(
                            EventType.REASSIGNED,
                            responded.plus(between(Duration.ofMinutes(5), Duration.ofMinutes(90))))
                    .put("agentId", agent);
        }
        if (chance(0.03)) {
            Priority changed =
                    Priority.values()[
                            Math.max(0, Math.min(3, priority.ordinal() + (chance(0.5) ? 1 : -1)))];
            events.event(
                            EventType.UPDATED,
                            responded.plus(between(Duration.ofMinutes(1), Duration.ofMinutes(30))))
                    .put("priority", changed.name());
        }

        Instant lastStop = responded;
        if (onsite) {
            String tech = "t-" + region + "-" + (1 + random.nextInt(TECHNICIANS_PER_REGION));
            Instant dispatched =
                    responded.plus(between(Duration.ofMinutes(2), Duration.ofMinutes(20)));
            ObjectNode dispatch =
                    events.event(EventType.DISPATCHED, dispatched).put("techId", tech);
            TargetRule arrivalRule = rule(ClockType.ARRIVAL, channel, priority, complexity);
            Instant arrived = dispatched.plus(Duration.ofMinutes(15));
            if (arrivalRule != null) {
                Duration draw = drawn(arrivalRule.target(), MEDIAN_SHARE_OF_TARGET + 0.05);
                stats.drawnLate(ClockType.ARRIVAL, draw.compareTo(arrivalRule.target()) > 0);
                arrived =
                        later(
                                calendar(arrivalRule).add(created, draw),
                                dispatched.plusSeconds(300));
            }
            List<EtaDraws.Eta> trip = etas.trip(region, dispatched, arrived);
            dispatch.put("etaAt", local(trip.get(0).etaAt()));
            for (EtaDraws.Eta update : trip.subList(1, trip.size())) {
                events.event(EventType.ETA_UPDATED, update.at())
                        .put("techId", tech)
                        .put("etaAt", local(update.etaAt()));
            }
            events.event(EventType.ARRIVED, arrived).put("techId", tech);
            lastStop = arrived;
        }

        if (chance(0.02)) {
            Instant cancelled = lastStop.plus(between(Duration.ofMinutes(5), Duration.ofHours(4)));
            events.event(EventType.CANCELLED, cancelled);
            events.event(EventType.CLOSED, cancelled.plus(Duration.ofHours(1)));
            stats.cancelled++;
            events.deliver();
            return;
        }

        Duration paused = Duration.ZERO;
        Duration draw = drawn(resolutionTarget, MEDIAN_SHARE_OF_TARGET);
        if (resolutionRule != null) {
            stats.drawnLate(ClockType.RESOLUTION, draw.compareTo(resolutionTarget) > 0);
        }
        BusinessCalendar resolutionCalendar =
                resolutionRule == null
                        ? BusinessCalendar.alwaysOpen(ZONE)
                        : calendar(resolutionRule);
        if (chance(0.15)) {
            boolean parts = onsite && chance(0.5);
            Instant pausedAt = later(lastStop, created.plus(draw.dividedBy(2))).plusSeconds(60);
            paused = drawn(parts ? Duration.ofHours(12) : Duration.ofHours(4), 0.5);
            events.event(EventType.PAUSED, pausedAt)
                    .put("reason", parts ? "AWAITING_PARTS" : "AWAITING_CUSTOMER");
            events.event(EventType.RESUMED, pausedAt.plus(paused));
            lastStop = pausedAt.plus(paused);
        }
        Instant resolved =
                later(resolutionCalendar.add(created, draw).plus(paused), lastStop.plusSeconds(60));
        events.event(EventType.RESOLVED, resolved);
        Instant talked =
                conversations(
                        events, channel, priority, complexity, onsite, agent, responded, resolved);
        if (chance(0.03)) {
            Instant reopened = resolved.plus(drawn(Duration.ofHours(12), 0.5));
            events.event(EventType.REOPENED, reopened);
            resolved = resolutionCalendar.add(reopened, drawn(resolutionTarget, 0.25));
            events.event(EventType.RESOLVED, resolved);
            stats.reopened++;
        }
        // A complaint still owed an answer keeps the ticket open until it is answered.
        events.event(EventType.CLOSED, later(resolved.plus(Duration.ofHours(2)), talked));
        events.deliver();
    }

    /**
     * What the clocks the shipped policy defines of its own watch, when the policy has them: a
     * customer message answered by the agent, a COMPLEX ticket's customer updated now and then
     * until the resolution, and now and then a complaint and its answer. Each is as often late as
     * the built-in clocks' draws. Returns the last of them, or {@code resolved}.
     */
    private Instant conversations(
            TicketEvents events,
            Channel channel,
            Priority priority,
            Complexity complexity,
            boolean onsite,
            String agent,
            Instant responded,
            Instant resolved) {
        TargetRule reply = applicable(NEXT_REPLY, channel, priority, complexity, onsite);
        if (reply != null && reply.target() != null && chance(0.4)) {
            Instant asked = responded.plus(between(Duration.ofMinutes(1), Duration.ofHours(2)));
            if (asked.isBefore(resolved)) {
                events.event(EventType.CUSTOMER_MESSAGE, asked);
                Duration draw = drawn(reply.target(), MEDIAN_SHARE_OF_TARGET);
                Instant answered = calendar(reply).add(asked, draw);
                if (answered.isBefore(resolved)) {
                    stats.drawnLate(NEXT_REPLY, draw.compareTo(reply.target()) > 0);
                    events.event(EventType.AGENT_MESSAGE, answered).put("agentId", agent);
                }
            }
        }
        TargetRule update = applicable(PERIODIC_UPDATE, channel, priority, complexity, onsite);
        if (update != null && update.target() != null) {
            Instant next = responded;
            while (true) {
                Duration draw = drawn(update.target(), MEDIAN_SHARE_OF_TARGET);
                next = calendar(update).add(next, draw);
                if (!next.isBefore(resolved)) {
                    break;
                }
                stats.drawnLate(PERIODIC_UPDATE, draw.compareTo(update.target()) > 0);
                events.event(EventType.CUSTOMER_UPDATED, next).put("agentId", agent);
            }
        }
        TargetRule complaint = applicable(COMPLAINT_REPLY, channel, priority, complexity, onsite);
        if (complaint != null && chance(0.03)) {
            Instant complained =
                    responded.plus(between(Duration.ofMinutes(30), Duration.ofHours(6)));
            events.event(EventType.COMPLAINT, complained);
            Duration target = complaint.targetFrom(complained, calendar(complaint));
            Duration draw = drawn(target, MEDIAN_SHARE_OF_TARGET);
            stats.drawnLate(COMPLAINT_REPLY, draw.compareTo(target) > 0);
            Instant answered = calendar(complaint).add(complained, draw);
            events.event(EventType.COMPLAINT_ANSWERED, answered).put("agentId", agent);
            return later(resolved, answered.plusSeconds(60));
        }
        return resolved;
    }

    /** The clock's target for such a ticket; null when the policy does not run it for one. */
    private TargetRule applicable(
            ClockType clock,
            Channel channel,
            Priority priority,
            Complexity complexity,
            boolean onsite) {
        ClockPolicy rules = policy.clock(clock);
        return rules == null || !rules.appliesTo(channel, priority, complexity, onsite)
                ? null
                : rules.targetFor(channel, priority, complexity);
    }

    private String agent(String team) {
        return "a-" + team + "-" + (1 + random.nextInt(AGENTS_PER_TEAM));
    }

    private static String local(Instant at) {
        return at.atZone(ZONE).toOffsetDateTime().toString();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** One ticket's events, then their delivery: jitter, late ones, duplicates, malformed ones. */
    private final class TicketEvents {
        private final String ticketId;
        private final List<ObjectNode> events = new ArrayList<>();

        TicketEvents(String ticketId) {
            this.ticketId = ticketId;
        }

        ObjectNode event(EventType type, Instant at) {
            ObjectNode event = Json.mapper().createObjectNode();
            event.put("eventId", ticketId + "-e" + (events.size() + 1))
                    .put("ticketId", ticketId)
                    .put("type", type.name())
                    .put("occurredAt", at.atZone(ZONE).toOffsetDateTime().toString());
            events.add(event);
            stats.byType.merge(type.name(), 1L, Long::sum);
            return event;
        }

        void deliver() {
            for (ObjectNode event : events) {
                long occurred =
                        OffsetDateTime.parse(event.get("occurredAt").asText())
                                .toInstant()
                                .toEpochMilli();
                long delay;
                double kind = random.nextDouble();
                if (kind < 0.90) {
                    delay = (long) (-Math.log(1 - random.nextDouble()) * 200);
                } else if (kind < 0.99) {
                    delay = 500 + random.nextLong(1300);
                } else {
                    delay = 3000 + random.nextLong(27_000);
                    stats.late++;
                }
                String line = event.toString();
                deliveries.add(new Delivery(occurred + delay, line));
                stats.events++;
                if (chance(0.005)) {
                    deliveries.add(
                            new Delivery(occurred + delay + 1000 + random.nextLong(60_000), line));
                    stats.duplicates++;
                }
                if (chance(0.001)) {
                    deliveries.add(
                            new Delivery(occurred + delay, line.substring(0, line.length() / 2)));
                    stats.malformed++;
                }
            }
        }
    }
}
