package io.slawatch.simulate;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The ETAs a technician states on the way, drawn around the arrival the simulator already drew, so
 * that predictions can be scored against it. The error of an ETA (arrival minus ETA; positive is
 * late) is normal with
 *
 * <ul>
 *   <li>mean: the region's habitual lateness ({@link #REGION_BIAS_MINUTES}) times the share of the
 *       trip still ahead,
 *   <li>spread: a quarter of the time still ahead plus {@link #BASE_SPREAD},
 * </ul>
 *
 * both {@link #RUSH_FACTOR} times larger when the ETA falls in a rush hour (07-10, 17-20 local).
 * The DISPATCHED event states the first ETA; the technician updates it halfway (trips over 20
 * minutes) and, one time in two, at four fifths of the way. An ETA is never before the moment it is
 * stated.
 */
final class EtaDraws {

    static final Map<String, Double> REGION_BIAS_MINUTES =
            Map.of("pudong", 8.0, "minhang", 12.0, "xuhui", 4.0, "jingan", 6.0, "putuo", 10.0);

    static final double RUSH_FACTOR = 1.5;
    static final Duration BASE_SPREAD = Duration.ofMinutes(4);
    static final double SPREAD_SHARE_OF_TRIP_AHEAD = 0.25;

    /** One ETA: when it is stated and what it says. */
    record Eta(Instant at, Instant etaAt) {}

    private final SplittableRandom random;
    private final ZoneId zone;

    /** Its own random sequence, so the tickets drawn do not change with the ETAs. */
    EtaDraws(long seed, ZoneId zone) {
        this.random = new SplittableRandom(seed ^ 0x5EED_E7A5L);
        this.zone = zone;
    }

    /** The ETAs of a trip from {@code dispatched} to {@code arrived}, the first at dispatch. */
    List<Eta> trip(String region, Instant dispatched, Instant arrived) {
        long trip = Duration.between(dispatched, arrived).toSeconds();
        List<Eta> etas = new ArrayList<>();
        etas.add(eta(region, dispatched, arrived, trip));
        if (trip > 20 * 60) {
            etas.add(eta(region, dispatched.plusSeconds(trip / 2), arrived, trip));
            if (random.nextBoolean()) {
                etas.add(eta(region, dispatched.plusSeconds(trip * 4 / 5), arrived, trip));
            }
        }
        return etas;
    }

    private Eta eta(String region, Instant at, Instant arrived, long trip) {
        long ahead = Duration.between(at, arrived).toSeconds();
        double share = trip == 0 ? 0 : (double) ahead / trip;
        double rush = rushHour(arrived) ? RUSH_FACTOR : 1;
        double mean = REGION_BIAS_MINUTES.getOrDefault(region, 8.0) * 60 * share * rush;
        double spread = (SPREAD_SHARE_OF_TRIP_AHEAD * ahead + BASE_SPREAD.toSeconds()) * rush;
        double error = mean + spread * gaussian();
        Instant etaAt = arrived.minusSeconds(Math.round(error));
        return new Eta(at, etaAt.isAfter(at) ? etaAt : at.plusSeconds(60));
    }

    private boolean rushHour(Instant at) {
        int hour = at.atZone(zone).getHour();
        return (hour >= 7 && hour < 10) || (hour >= 17 && hour < 20);
    }

    private double gaussian() {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
