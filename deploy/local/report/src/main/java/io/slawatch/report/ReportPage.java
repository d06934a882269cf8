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
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report as one self-contained HTML page: inline CSS and SVG, no script, font or image; tables
 * scroll sideways on a phone and break across pages when printed. Each figure has its one-line
 * definition beside it and each table its CSV.
 */
final class ReportPage {

    private static final String STYLE =
            """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1f2937;background:#fff;line-height:1.45}
            main{max-width:1000px;margin:0 auto;padding:16px}
            h1{font-size:1.6em;margin:.2em 0}h2{margin-top:1.8em;border-bottom:2px solid #e5e7eb;padding-bottom:.2em}
            .edition{display:inline-block;padding:2px 10px;border-radius:10px;font-size:.85em;font-weight:600}
            .internal{background:#fee2e2;color:#991b1b}.public{background:#dcfce7;color:#166534}
            .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px;margin:12px 0}
            .card{border:1px solid #e5e7eb;border-radius:8px;padding:10px}
            .card .value{font-size:1.7em;font-weight:700}.card .label{color:#6b7280;font-size:.85em}
            .how{color:#6b7280;font-size:.85em;margin:.3em 0 .8em}
            .scroll{overflow-x:auto}table{border-collapse:collapse;font-size:.88em;min-width:100%}
            th,td{border-bottom:1px solid #e5e7eb;padding:4px 8px;text-align:right;white-space:nowrap}
            th:first-child,td:first-child{text-align:left}th{background:#f9fafb}
            svg.chart{width:100%;height:auto;max-width:760px;display:block;margin:8px 0;font-size:12px}
            a.csv{font-size:.85em}.ok{color:#166534;font-weight:700}.bad{color:#991b1b;font-weight:700}
            @media print{a.csv{display:none}h2{break-after:avoid}table,svg{break-inside:avoid}}
            """;

    private final Report report;
    private final List<ClockType> clocks;

    /** Times as people in the month zone read them; report.json and the CSV keep UTC instants. */
    private final DateTimeFormatter local;

    private final StringBuilder html = new StringBuilder();

    private ReportPage(Report report) {
        this.report = report;
        this.clocks = List.copyOf(report.trend().get(0).clocks().keySet());
        this.local =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                        .withZone(ZoneId.of(report.zone()));
    }

    static String render(Report report) {
        return new ReportPage(report).page();
    }

    private String page() {
        String title = "Service performance " + report.period();
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>")
                .append(Html.escape(title))
                .append("</title><style>")
                .append(STYLE)
                .append("</style></head><body><main>");
        html.append("<h1>").append(Html.escape(title)).append("</h1>");
        html.append("<p><span class=\"edition ")
                .append(report.edition())
                .append("\">")
                .append(
                        report.edition().equals("public")
                                ? "Public edition"
                                : "Internal edition: not for publication")
                .append("</span> Policy ")
                .append(Html.escape(report.policyVersion()))
                .append(", months in ")
                .append(Html.escape(report.zone()))
                .append(", data up to ")
                .append(local.format(report.asOf()))
                .append(".</p>");
        how(Definitions.MONTH);
        glance();
        departments();
        agents();
        compensation();
        trend();
        breaches();
        audit();
        html.append("</main></body></html>\n");
        return html.toString();
    }

    private void glance() {
        html.append("<h2 id=\"glance\">The period at a glance</h2><div class=\"cards\">");
        card(
                String.valueOf(report.glance().tickets()),
                "tickets",
                report.glance().ticketsBefore() == null
                        ? "no data for " + report.previousPeriod()
                        : report.glance().ticketsBefore() + " in " + report.previousPeriod());
        for (ClockRate rate : report.glance().clocks()) {
            card(
                    Durations.percent(rate.rate().metRate()),
                    rate.clock() + " met",
                    Durations.percent(rate.metRateBefore()) + " in " + report.previousPeriod());
        }
        html.append("</div>");
        how(Definitions.TICKETS);
        how(Definitions.MET_RATE);
        html.append(
                SvgCharts.metRates(
                        report.glance().clocks(), report.period(), report.previousPeriod()));
        table(
                ReportTables.CLOCKS,
                List.of("Clock", "Met", "Breached", "Met rate", "Before"),
                report.glance().clocks().stream()
                        .map(
                                r ->
                                        List.<Object>of(
                                                r.clock(),
                                                r.rate().met(),
                                                r.rate().breached(),
                                                Durations.percent(r.rate().metRate()),
                                                Durations.percent(r.metRateBefore())))
                        .toList());
        html.append("<h3>Response times per channel</h3>");
        how(Definitions.RESPONSE_TIMES);
        html.append(SvgCharts.responseTimes(report.glance().responseTimes()));
        table(
                ReportTables.RESPONSE_TIMES,
                List.of("Channel", "Responses", "p50", "p90", "Target", "Within target"),
                report.glance().responseTimes().stream()
                        .map(
                                (ResponseTimes t) ->
                                        List.<Object>of(
                                                t.channel(),
                                                t.responses(),
                                                Durations.human(t.p50Seconds()),
                                                Durations.human(t.p90Seconds()),
                                                t.targetMinSeconds() == t.targetMaxSeconds()
                                                        ? Durations.human(t.targetMinSeconds())
                                                        : Durations.human(t.targetMinSeconds())
                                                                + "–"
                                                                + Durations.human(
                                                                        t.targetMaxSeconds()),
                                                Durations.percent(t.withinTarget())))
                        .toList());
    }

    private void departments() {
        html.append("<h2 id=\"departments\">Departments</h2>");
        how(Definitions.BREACHES);
        html.append(SvgCharts.departmentBreaches(report.departments()));
        how(Definitions.POINTS);
        how(Definitions.NOTICES);
        List<String> header = header("Department", "Tickets");
        header.addAll(List.of("Points lost", "Notices", "Compensated (done/overdue/open)"));
        table(
                ReportTables.DEPARTMENTS,
                header,
                report.departments().stream()
                        .map(
                                (Department d) -> {
                                    List<Object> row = row(d.team(), d.tickets(), d.clocks());
                                    row.addAll(d.breaches().inOrder());
                                    row.add(d.pointsLost());
                                    row.add(d.notices());
                                    row.add(carried(d.compensation()));
                                    return row;
                                })
                        .toList());
    }

    private void agents() {
        if (report.agents() == null) {
            return;
        }
        html.append("<h2 id=\"agents\">Agents and technicians</h2>");
        how(Definitions.ACTIONS);
        if (report.definitions().containsKey(Definitions.PSEUDONYMS)) {
            how(Definitions.PSEUDONYMS);
        }
        List<String> header = header("Agent", "Tickets");
        header.addAll(
                List.of("Points lost", "Warnings", "Trainings", "Suspensions", "Compensated"));
        table(
                ReportTables.AGENTS,
                header,
                report.agents().stream()
                        .map(
                                (Agent a) -> {
                                    List<Object> row = row(a.agent(), a.tickets(), a.clocks());
                                    row.addAll(a.breaches().inOrder());
                                    row.add(a.pointsLost());
                                    row.add(carried(a.warnings()));
                                    row.add(carried(a.trainings()));
                                    row.add(carried(a.suspensions()));
                                    row.add(carried(a.compensation()));
                                    return row;
                                })
                        .toList());
    }

    private void compensation() {
        html.append("<h2 id=\"compensation\">Customer compensation</h2>");
        how(Definitions.COMPENSATION);
        table(
                ReportTables.COMPENSATION,
                List.of("Department", "Tier", "Gives", "Tickets", "Done", "Overdue", "Open"),
                report.compensation().stream()
                        .map(
                                (CompensationLine c) ->
                                        List.<Object>of(
                                                c.team(),
                                                c.tier(),
                                                c.gives(),
                                                c.tickets().issued(),
                                                c.tickets().done(),
                                                c.tickets().overdue(),
                                                c.tickets().open()))
                        .toList());
    }

    private void trend() {
        html.append("<h2 id=\"trend\">Six-month trend</h2>");
        how(Definitions.TREND);
        html.append(SvgCharts.trend(report.trend(), clocks));
        List<String> header = new ArrayList<>(List.of("Month", "Tickets"));
        clocks.forEach(c -> header.add(c + " met"));
        header.add("Confirmed breaches");
        table(
                ReportTables.TREND,
                header,
                report.trend().stream()
                        .map(
                                (TrendPoint p) -> {
                                    List<Object> row =
                                            new ArrayList<>(List.of(p.month(), p.tickets()));
                                    clocks.forEach(
                                            c ->
                                                    row.add(
                                                            Durations.percent(
                                                                    p.clocks().get(c).metRate())));
                                    row.add(p.confirmedBreaches());
                                    return row;
                                })
                        .toList());
    }

    private void breaches() {
        html.append("<h2 id=\"breaches\">Every breach</h2>");
        html.append("<details><summary>")
                .append(report.breaches().size())
                .append(" BREACHED alerts in the period</summary>");
        boolean ids = report.edition().equals("internal");
        List<String> header = new ArrayList<>();
        if (ids) {
            header.add("Ticket");
        }
        header.addAll(List.of("Clock", "Channel", "Priority", "Department"));
        if (report.agents() != null) {
            header.add("Agent");
        }
        header.addAll(List.of("Deadline (local)", "Late", "Case", "Tier"));
        table(
                ReportTables.BREACHES,
                header,
                report.breaches().stream()
                        .map(
                                (Breach b) -> {
                                    List<Object> row = new ArrayList<>();
                                    if (ids) {
                                        row.add(b.ticketId());
                                    }
                                    row.add(b.clock());
                                    row.add(b.channel());
                                    row.add(b.priority());
                                    row.add(b.team());
                                    if (report.agents() != null) {
                                        row.add(b.agent());
                                    }
                                    row.add(local.format(b.deadline()));
                                    row.add(
                                            b.lateSeconds() == null
                                                    ? "still open"
                                                    : Durations.human(b.lateSeconds()));
                                    row.add(b.caseState());
                                    row.add(b.compensationTier());
                                    return row;
                                })
                        .toList());
        html.append("</details>");
    }

    private void audit() {
        AuditResult audit = report.audit();
        if (audit == null) {
            return;
        }
        html.append("<h2 id=\"audit\">Audit of ")
                .append(Html.escape(audit.quarter()))
                .append("</h2>");
        html.append(AuditSection.checks(audit));
        table(
                ReportTables.EXCEPTIONS,
                List.of("Check", "Id", "Detail"),
                audit.exceptions().stream()
                        .map((AuditException e) -> List.<Object>of(e.check(), e.id(), e.detail()))
                        .toList());
    }

    private List<String> header(String first, String tickets) {
        List<String> header = new ArrayList<>(List.of(first, tickets));
        clocks.forEach(c -> header.add(c + " met"));
        header.addAll(List.of("Breaches", "Confirmed", "Waived", "Retracted", "Undecided"));
        return header;
    }

    private List<Object> row(String name, int tickets, Map<ClockType, Rate> rates) {
        List<Object> row = new ArrayList<>(List.of(name, tickets));
        for (ClockType clock : clocks) {
            Rate rate = rates.get(clock);
            row.add(
                    rate.metRate() == null
                            ? "–"
                            : Durations.percent(rate.metRate())
                                    + " ("
                                    + rate.met()
                                    + "/"
                                    + (rate.met() + rate.breached())
                                    + ")");
        }
        return row;
    }

    private static String carried(Carried carried) {
        return carried.issued()
                + " ("
                + carried.done()
                + "/"
                + carried.overdue()
                + "/"
                + carried.open()
                + ")";
    }

    private void card(String value, String label, String before) {
        html.append("<div class=\"card\"><div class=\"value\">")
                .append(Html.escape(value))
                .append("</div><div class=\"label\">")
                .append(Html.escape(label))
                .append("</div><div class=\"how\">")
                .append(Html.escape(before))
                .append("</div></div>");
    }

    private void how(String figure) {
        html.append("<p class=\"how\">")
                .append(Html.escape(report.definitions().get(figure)))
                .append("</p>");
    }

    private void table(String csv, List<String> header, List<List<Object>> rows) {
        html.append("<div class=\"scroll\"><table><tr>");
        header.forEach(h -> html.append("<th>").append(Html.escape(h)).append("</th>"));
        html.append("</tr>");
        for (List<Object> row : rows) {
            html.append("<tr>");
            row.forEach(
                    v ->
                            html.append("<td>")
                                    .append(Html.escape(v == null ? "" : v.toString()))
                                    .append("</td>"));
            html.append("</tr>");
        }
        html.append("</table></div><a class=\"csv\" href=\"")
                .append(csv)
                .append("\">Download ")
                .append(csv)
                .append("</a>");
    }
}
