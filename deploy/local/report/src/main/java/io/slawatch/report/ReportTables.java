package io.slawatch.report;

import io.slawatch.model.ClockType;
import io.slawatch.report.AuditResult.AuditException;
import io.slawatch.report.Report.Agent;
import io.slawatch.report.Report.Breach;
import io.slawatch.report.Report.Carried;
import io.slawatch.report.Report.ClockRate;
import io.slawatch.report.Report.CompensationLine;
import io.slawatch.report.Report.Department;
import io.slawatch.report.Report.Rate;
import io.slawatch.report.Report.ResponseTimes;
import io.slawatch.report.Report.TrendPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Every table of a report as CSV, by file name: the page links each next to its table. */
final class ReportTables {

    static final String CLOCKS = "clocks.csv";
    static final String RESPONSE_TIMES = "response-times.csv";
    static final String DEPARTMENTS = "departments.csv";
    static final String AGENTS = "agents.csv";
    static final String COMPENSATION = "compensation.csv";
    static final String BREACHES = "breaches.csv";
    static final String TREND = "trend.csv";
    static final String EXCEPTIONS = "exceptions.csv";

    private ReportTables() {}

    static Map<String, String> of(Report report) {
        List<ClockType> clocks = List.copyOf(report.trend().get(0).clocks().keySet());
        Map<String, String> files = new LinkedHashMap<>();
        Csv glance = new Csv(List.of("clock", "met", "breached", "met_rate", "met_rate_before"));
        for (ClockRate rate : report.glance().clocks()) {
            glance.row(
                    rate.clock(),
                    rate.rate().met(),
                    rate.rate().breached(),
                    rate.rate().metRate(),
                    rate.metRateBefore());
        }
        files.put(CLOCKS, glance.toString());
        Csv times =
                new Csv(
                        List.of(
                                "channel",
                                "responses",
                                "p50_seconds",
                                "p90_seconds",
                                "target_min_seconds",
                                "target_max_seconds",
                                "within_target"));
        for (ResponseTimes t : report.glance().responseTimes()) {
            times.row(
                    t.channel(),
                    t.responses(),
                    t.p50Seconds(),
                    t.p90Seconds(),
                    t.targetMinSeconds(),
                    t.targetMaxSeconds(),
                    t.withinTarget());
        }
        files.put(RESPONSE_TIMES, times.toString());
        Csv departments = new Csv(header(List.of("team", "tickets"), clocks, true, "compensated"));
        for (Department d : report.departments()) {
            List<Object> row = new ArrayList<>(List.of(d.team(), d.tickets()));
            rates(row, clocks, d.clocks());
            row.addAll(d.breaches().inOrder());
            row.add(d.pointsLost());
            row.add(d.notices());
            carried(row, d.compensation());
            departments.row(row.toArray());
        }
        files.put(DEPARTMENTS, departments.toString());
        if (report.agents() != null) {
            Csv agents = new Csv(agentHeader(clocks));
            for (Agent a : report.agents()) {
                List<Object> row =
                        new ArrayList<>(
                                List.of(a.agent(), String.join(" ", a.teams()), a.tickets()));
                rates(row, clocks, a.clocks());
                row.addAll(a.breaches().inOrder());
                row.add(a.pointsLost());
                carried(row, a.warnings());
                carried(row, a.trainings());
                carried(row, a.suspensions());
                carried(row, a.compensation());
                agents.row(row.toArray());
            }
            files.put(AGENTS, agents.toString());
        }
        Csv compensation =
                new Csv(List.of("team", "tier", "gives", "tickets", "done", "overdue", "open"));
        for (CompensationLine c : report.compensation()) {
            compensation.row(
                    c.team(),
                    c.tier(),
                    c.gives(),
                    c.tickets().issued(),
                    c.tickets().done(),
                    c.tickets().overdue(),
                    c.tickets().open());
        }
        files.put(COMPENSATION, compensation.toString());
        boolean ids = report.edition().equals(Edition.INTERNAL.label());
        List<String> breachHeader = new ArrayList<>();
        if (ids) {
            breachHeader.addAll(List.of("alert_id", "ticket_id"));
        }
        breachHeader.addAll(List.of("clock", "channel", "priority", "team"));
        if (report.agents() != null) {
            breachHeader.add("agent");
        }
        breachHeader.addAll(List.of("deadline", "late_seconds", "case", "compensation_tier"));
        Csv breaches = new Csv(breachHeader);
        for (Breach b : report.breaches()) {
            List<Object> row = new ArrayList<>();
            if (ids) {
                row.add(b.alertId());
                row.add(b.ticketId());
            }
            row.addAll(java.util.Arrays.asList(b.clock(), b.channel(), b.priority(), b.team()));
            if (report.agents() != null) {
                row.add(b.agent());
            }
            row.addAll(
                    java.util.Arrays.asList(
                            b.deadline(), b.lateSeconds(), b.caseState(), b.compensationTier()));
            breaches.row(row.toArray());
        }
        files.put(BREACHES, breaches.toString());
        List<String> trendHeader = new ArrayList<>(List.of("month", "tickets"));
        for (ClockType clock : clocks) {
            trendHeader.add(column(clock, "met_rate"));
        }
        trendHeader.add("confirmed_breaches");
        Csv trend = new Csv(trendHeader);
        for (TrendPoint p : report.trend()) {
            List<Object> row = new ArrayList<>(List.of(p.month(), p.tickets()));
            clocks.forEach(clock -> row.add(p.clocks().get(clock).metRate()));
            row.add(p.confirmedBreaches());
            trend.row(row.toArray());
        }
        files.put(TREND, trend.toString());
        if (report.audit() != null) {
            Csv exceptions = new Csv(List.of("check", "id", "detail"));
            for (AuditException e : report.audit().exceptions()) {
                exceptions.row(e.check(), e.id(), e.detail());
            }
            files.put(EXCEPTIONS, exceptions.toString());
        }
        return files;
    }

    private static List<String> header(
            List<String> first, List<ClockType> clocks, boolean department, String last) {
        List<String> header = new ArrayList<>(first);
        for (ClockType clock : clocks) {
            header.add(column(clock, "met"));
            header.add(column(clock, "breached"));
            header.add(column(clock, "met_rate"));
        }
        header.addAll(
                List.of(
                        "breaches_suspected",
                        "breaches_confirmed",
                        "breaches_waived",
                        "breaches_retracted",
                        "breaches_undecided",
                        "points_lost"));
        if (department) {
            header.add("notices");
            carriedHeader(header, last);
        }
        return header;
    }

    private static List<String> agentHeader(List<ClockType> clocks) {
        List<String> header = header(List.of("agent", "teams", "tickets"), clocks, false, null);
        for (String action : List.of("warnings", "trainings", "suspensions", "compensated")) {
            carriedHeader(header, action);
        }
        return header;
    }

    private static void carriedHeader(List<String> header, String what) {
        header.addAll(List.of(what, what + "_done", what + "_overdue", what + "_open"));
    }

    private static String column(ClockType clock, String what) {
        return clock.name().toLowerCase(Locale.ROOT) + "_" + what;
    }

    private static void rates(
            List<Object> row, List<ClockType> clocks, Map<ClockType, Rate> rates) {
        for (ClockType clock : clocks) {
            Rate rate = rates.get(clock);
            row.add(rate.met());
            row.add(rate.breached());
            row.add(rate.metRate());
        }
    }

    private static void carried(List<Object> row, Carried carried) {
        row.addAll(List.of(carried.issued(), carried.done(), carried.overdue(), carried.open()));
    }
}
