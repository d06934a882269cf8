package io.slawatch.report;

import java.util.LinkedHashMap;
import java.util.Map;

/** How each figure is computed, one line each: shown next to the figure and in report.json. */
final class Definitions {

    static final String MONTH = "month";
    static final String TICKETS = "tickets";
    static final String MET_RATE = "metRate";
    static final String RESPONSE_TIMES = "responseTimes";
    static final String BREACHES = "breaches";
    static final String POINTS = "pointsLost";
    static final String NOTICES = "notices";
    static final String COMPENSATION = "compensation";
    static final String ACTIONS = "actions";
    static final String TREND = "trend";
    static final String PSEUDONYMS = "pseudonyms";

    private Definitions() {}

    static Map<String, String> all(boolean pseudonyms) {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put(
                MONTH,
                "A clock counts in the month of its deadline, in the policy's month zone; so do its"
                        + " breach and what followed it.");
        lines.put(TICKETS, "Distinct tickets with at least one clock due in the period.");
        lines.put(
                MET_RATE,
                "Clocks stopped by their deadline ÷ clocks decided (stopped, or still running past"
                        + " their deadline); cancelled and still-running clocks not yet due are"
                        + " left out.");
        lines.put(
                RESPONSE_TIMES,
                "Business time from CREATED to the first response of stopped RESPONSE clocks;"
                        + " p50 and p90 are the nearest-rank median and 90th percentile.");
        lines.put(
                BREACHES,
                "Suspected: BREACHED alerts of clocks with consequences; then what their case"
                        + " became: confirmed (by a reviewer or by the policy when undecided),"
                        + " waived, retracted (a late event proved it wrong), or still undecided.");
        lines.put(
                POINTS,
                "Points deducted for confirmed breaches, net of reversals (a retracted breach"
                        + " gives its points back).");
        lines.put(NOTICES, "Internal notices a department received for its breaches in a month.");
        lines.put(
                COMPENSATION,
                "Tickets compensated for a confirmed breach, by the policy's tier (the ticket's"
                        + " highest); carried out when every part of it is DONE, overdue when a"
                        + " part passed its due date undone.");
        lines.put(
                ACTIONS,
                "Warnings, trainings and suspensions issued, and how many were DONE, OVERDUE"
                        + " (due date passed undone) or still open.");
        lines.put(
                TREND,
                "The same met rates month by month, over the last six months the data covers.");
        if (pseudonyms) {
            lines.put(
                    PSEUDONYMS,
                    "Agents appear under pseudonyms: a keyed hash of their id, the same every"
                            + " month, not reversible without the publisher's secret.");
        }
        return lines;
    }
}
