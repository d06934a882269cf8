package io.slawatch.policy;

import io.slawatch.calendar.BusinessCalendar;
import io.slawatch.model.ClockType;
import java.io.Serializable;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A loaded, validated SLA policy; calendars and clocks keep their file order. An open ticket keeps
 * of the version in force at its CREATED only the version label, each cycle's target and its
 * calendar's name; everything else is read from the policy the job runs with now.
 *
 * @param retentionAfterClosed how long a ticket's state is kept after CLOSED, for late events
 * @param orphanTimeout how long an event waits for its ticket's CREATED before quarantine
 * @param safetyHorizon after how long a ticket that never closes is cleared anyway
 * @param consequences what follows a breach; null when the policy has none
 * @param prediction how arrival breaches are predicted from ETAs; null when they are not
 * @param report what the monthly report publishes
 * @param appliesToOpen whether open tickets of older versions move to this one when it takes effect
 *     ({@code appliesTo: open}), instead of keeping the version they were created under
 */
public record SlaPolicy(
        String version,
        Map<String, BusinessCalendar> calendars,
        Map<ClockType, ClockPolicy> clocks,
        PeakPolicy peaks,
        Duration retentionAfterClosed,
        Duration orphanTimeout,
        Duration safetyHorizon,
        ConsequencePolicy consequences,
        PredictionPolicy prediction,
        ReportPolicy report,
        boolean appliesToOpen)
        implements Serializable {

    public static final Duration DEFAULT_RETENTION_AFTER_CLOSED = Duration.ofHours(24);
    public static final Duration DEFAULT_ORPHAN_TIMEOUT = Duration.ofHours(1);
    public static final Duration DEFAULT_SAFETY_HORIZON = Duration.ofDays(90);

    /** The most clocks a policy defines: a ticket's state holds a cycle of each it ran. */
    public static final int MAX_CLOCKS = 32;

    public SlaPolicy {
        calendars = Collections.unmodifiableMap(new LinkedHashMap<>(calendars));
        clocks = Collections.unmodifiableMap(new LinkedHashMap<>(clocks));
    }

    public BusinessCalendar calendar(String name) {
        BusinessCalendar calendar = calendars.get(name);
        if (calendar == null) {
            throw new IllegalArgumentException("no calendar named " + name);
        }
        return calendar;
    }

    /** The policy of {@code clock}, or null when the policy does not run that clock. */
    public ClockPolicy clock(ClockType clock) {
        return clocks.get(clock);
    }
}
