package io.slawatch.cli;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.slawatch.JobOptions;
import io.slawatch.LiveJobOptions;
import io.slawatch.model.LedgerEntry;
import io.slawatch.policy.PublicAgents;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.replay.Replay;
import io.slawatch.report.Audit;
import io.slawatch.report.AuditResult;
import io.slawatch.report.Edition;
import io.slawatch.report.ElasticsearchReportData;
import io.slawatch.report.Figures;
import io.slawatch.report.Period;
import io.slawatch.report.Pseudonyms;
import io.slawatch.report.Report;
import io.slawatch.report.ReportData;
import io.slawatch.report.ReportFiles;
import io.slawatch.sink.ElasticsearchClients;
import io.slawatch.sink.ElasticsearchOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slawatch report}: the monthly transparency report, or a quarter's with its audit. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        modelTransformer = JobOptionSpecs.Elasticsearch.class,
        description = {
            "Write the month's transparency report into a directory: index.html (one"
                    + " self-contained page), report.json and a CSV file per table. Its figures"
                    + " come from ticket events run through the detection job (as replay does) and"
                    + " the consequences ledger, or from what the live pipeline indexed"
                    + " (--elasticsearch).",
            "With --quarter, the quarter's report and its audit: exit code 1 when the events and"
                    + " the ledger do not reconcile, each exception listed with its ids."
        })
final class ReportCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--month", paramLabel = "yyyy-MM", description = "The month to report.")
    String month;

    @Option(
            names = "--quarter",
            paramLabel = "yyyy-Qn",
            description = "The quarter to report and audit, e.g. 2026-Q1.")
    String quarter;

    @Option(names = "--policy", required = true, paramLabel = "FILE", description = "SLA policy.")
    Path policyFile;

    @Option(
            names = "--events",
            arity = "1..*",
            paramLabel = "FILE",
            description =
                    "Ticket events (JSON lines, .gz accepted) of the period and the five months"
                            + " before it for the trend, run through the detection job.")
    List<Path> events = List.of();

    @Option(
            names = "--ledger",
            arity = "1..*",
            paramLabel = "LEDGER.jsonl",
            description =
                    "The consequences ledger: `replay --actions`, or the slawatch.ledger topic.")
    List<Path> ledger = List.of();

    @Option(
            names = "--reviews",
            arity = "1..*",
            paramLabel = "FILE",
            description =
                    "Instead of --ledger: reviews, with which the same run computes the ledger"
                            + " (the policy's consequences, as replay --actions does).")
    List<Path> reviews = List.of();

    @Option(
            names = "--edition",
            paramLabel = "EDITION",
            defaultValue = "internal",
            description =
                    "internal (everything) or public (no ticket or customer id; agents under"
                            + " pseudonyms or not at all, as the policy's report.publicAgents says)."
                            + " Default: ${DEFAULT-VALUE}.")
    String edition;

    @Option(
            names = "--pseudonym-secret-file",
            paramLabel = "FILE",
            description =
                    "The secret of the public edition's agent pseudonyms (at least "
                            + Pseudonyms.MIN_SECRET_BYTES
                            + " bytes): keep it, the same secret gives the same pseudonyms every"
                            + " month.")
    Path secretFile;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Where the files go (default: report-PERIOD).")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return run(stdout, err);
        } catch (IllegalArgumentException e) {
            err.println("slawatch report: " + e.getMessage());
            return 1;
        } finally {
            stdout.flush();
            err.flush();
        }
    }

    private int run(PrintWriter stdout, PrintWriter err) throws Exception {
        SlaPolicy policy = Inputs.policy(policyFile, err);
        if (policy == null) {
            return 1;
        }
        if ((month == null) == (quarter == null)) {
            throw new IllegalArgumentException("give --month yyyy-MM or --quarter yyyy-Qn");
        }
        ZoneId zone =
                policy.consequences() != null
                        ? policy.consequences().monthZone()
                        : policy.calendars().values().iterator().next().zone();
        Period period =
                month != null
                        ? Period.month(Period.parseMonth(month), zone)
                        : Period.quarter(quarter, zone);
        Edition chosen = edition(edition);
        if (chosen == Edition.PUBLIC && period.isQuarter()) {
            throw new IllegalArgumentException(
                    "the quarterly audit lists ticket and alert ids: it has an internal edition only");
        }
        Pseudonyms pseudonyms = null;
        if (chosen == Edition.PUBLIC && policy.report().publicAgents() == PublicAgents.PSEUDONYMS) {
            if (secretFile == null) {
                throw new IllegalArgumentException(
                        "the policy's report.publicAgents is PSEUDONYMS: give"
                                + " --pseudonym-secret-file FILE (e.g. head -c 32 /dev/urandom |"
                                + " base64 > FILE), or set publicAgents: NONE");
            }
            if (!Inputs.readable(List.of(secretFile), err)) {
                return 1;
            }
            pseudonyms =
                    new Pseudonyms(
                            Files.readString(secretFile).strip().getBytes(StandardCharsets.UTF_8));
        }
        Map<String, String> elasticsearch = elasticsearchOptions();
        ReportData data =
                elasticsearch.isEmpty()
                        ? fromFiles(policy, err)
                        : fromElasticsearch(elasticsearch, period);
        if (data == null) {
            return 1;
        }
        Report report = Figures.compute(data, policy, period);
        AuditResult audit = null;
        if (period.isQuarter()) {
            audit = Audit.of(data, policy, period);
            report = withAudit(report, audit);
        }
        if (chosen == Edition.PUBLIC) {
            report = Edition.publicOf(report, policy.report().publicAgents(), pseudonyms);
        }
        Path dir = out != null ? out : Path.of("report-" + period.label());
        List<String> written = ReportFiles.write(report, dir);
        stdout.println(
                chosen.label()
                        + " report of "
                        + period.label()
                        + ": "
                        + report.glance().tickets()
                        + " tickets, "
                        + report.breaches().size()
                        + " breaches; wrote "
                        + String.join(", ", written)
                        + " into "
                        + dir);
        if (audit != null) {
            stdout.println(
                    audit.reconciles()
                            ? "audit of " + period.label() + ": reconciles"
                            : "audit of "
                                    + period.label()
                                    + ": "
                                    + audit.exceptions().size()
                                    + " exceptions");
            audit.exceptions()
                    .forEach(
                            e ->
                                    stdout.println(
                                            "  " + e.check() + " " + e.id() + ": " + e.detail()));
            return audit.reconciles() ? 0 : 1;
        }
        return 0;
    }

    /**
     * The Elasticsearch options given; the command's own (--policy, …) are not live-job options.
     */
    private Map<String, String> elasticsearchOptions() {
        Map<String, String> given = new java.util.LinkedHashMap<>();
        for (var option : spec.commandLine().getParseResult().matchedOptions()) {
            String name = option.longestName().substring(2);
            if (LiveJobOptions.elasticsearch().stream().anyMatch(d -> d.name().equals(name))) {
                given.put(name, option.getValue());
            }
        }
        return given;
    }

    private static Edition edition(String text) {
        for (Edition known : Edition.values()) {
            if (known.label().equals(text)) {
                return known;
            }
        }
        throw new IllegalArgumentException("--edition " + text + ": write internal or public");
    }

    private ReportData fromFiles(SlaPolicy policy, PrintWriter err) throws Exception {
        if (events.isEmpty()) {
            throw new IllegalArgumentException(
                    "give --events FILE… (with --ledger or --reviews), or --elasticsearch URL");
        }
        if (!ledger.isEmpty() && !reviews.isEmpty()) {
            throw new IllegalArgumentException(
                    "give --ledger (a ledger already computed) or --reviews (computed now), not both");
        }
        if (!Inputs.readable(events, err)
                || !Inputs.readable(ledger, err)
                || !Inputs.readable(reviews, err)) {
            return null;
        }
        boolean consequences =
                !reviews.isEmpty() || (ledger.isEmpty() && policy.consequences() != null);
        ReportData replayed = ReplayedData.of(events, policy, consequences, reviews, "report", err);
        if (consequences) {
            return replayed;
        }
        List<LedgerEntry> entries = new ArrayList<>();
        for (Path file : ledger) {
            entries.addAll(Replay.read(file, LedgerEntry.class));
        }
        return new ReportData(replayed.alerts(), replayed.outcomes(), entries);
    }

    private static ReportData fromElasticsearch(Map<String, String> given, Period period)
            throws IOException {
        ElasticsearchOptions options = JobOptions.elasticsearchOnly(given);
        ElasticsearchClient client = ElasticsearchClients.create(options);
        try {
            return ElasticsearchReportData.read(client, period);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot read Elasticsearch at " + options.urls() + ": " + causes(e));
        } finally {
            client._transport().close();
        }
    }

    private static String causes(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            text.append(": ").append(cause.getMessage());
        }
        return text.toString();
    }

    private static Report withAudit(Report report, AuditResult audit) {
        return new Report(
                report.period(),
                report.previousPeriod(),
                report.edition(),
                report.policyVersion(),
                report.zone(),
                report.asOf(),
                report.glance(),
                report.departments(),
                report.agents(),
                report.compensation(),
                report.breaches(),
                report.trend(),
                report.definitions(),
                audit);
    }
}
