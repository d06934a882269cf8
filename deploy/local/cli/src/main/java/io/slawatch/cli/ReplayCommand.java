package io.slawatch.cli;

import io.slawatch.imports.Agreement;
import io.slawatch.imports.ImportedLog;
import io.slawatch.imports.LogFormat;
import io.slawatch.model.Alert;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.LedgerEntry;
import io.slawatch.model.QuarantineRecord;
import io.slawatch.policy.PolicyException;
import io.slawatch.policy.PolicyVersion;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.replay.Replay;
import io.slawatch.time.EventTime;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slawatch replay}: the detection job over history files, in pure event time. */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Run the detection job over ticket events in JSON-lines files (.gz accepted) on a"
                    + " local Flink MiniCluster, in pure event time: the same input gives the same"
                    + " alerts at any parallelism or speed.",
            "The end of the input is not the end of time: clocks still open are reported as"
                    + " RUNNING, not breached."
        })
final class ReplayCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--input",
            required = true,
            arity = "1..*",
            paramLabel = "FILE",
            description =
                    "Ticket events, one JSON object a line, read in the order given; or one log of --format.")
    List<Path> inputs;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "jsonl",
            converter = LogFormatConverter.class,
            description =
                    "jsonl, servicenow-csv or helpdesk-csv (a real ticket log, imported first: see"
                            + " `slawatch import`). Default: ${DEFAULT-VALUE}.")
    LogFormat format;

    @Option(
            names = "--zone",
            paramLabel = "ZONE",
            description =
                    "Time zone of a log's local timestamps (default: the format's, see the README).")
    ZoneId zone;

    @Option(
            names = "--compare",
            paramLabel = "FIELD",
            description =
                    "made_sla: compare the RESOLUTION verdicts with the ServiceNow log's own (servicenow-csv only).")
    String compare;

    @Option(names = "--policy", required = true, paramLabel = "FILE", description = "SLA policy.")
    Path policyFile;

    @Option(names = "--alerts", paramLabel = "OUT.jsonl", description = "Write alerts here.")
    Path alerts;

    @Option(
            names = "--outcomes",
            paramLabel = "OUT.jsonl",
            description = "Write clock outcomes here.")
    Path outcomes;

    @Option(
            names = "--quarantine",
            paramLabel = "OUT.jsonl",
            description = "Write quarantined events here.")
    Path quarantine;

    @Option(
            names = "--reviews",
            arity = "1..*",
            paramLabel = "FILE",
            description =
                    "Reviews (CONFIRM or WAIVE a breach, DONE for an action), one JSON object a line,"
                            + " applied in their event time; with --actions.")
    List<Path> reviews = List.of();

    @Option(
            names = "--policies",
            paramLabel = "FILE.jsonl",
            description =
                    "Policy versions published during the input (`slawatch policy publish FILE"
                            + " --effective-from … --append-to FILE.jsonl`): tickets CREATED from a"
                            + " version's effectiveFrom run on it, earlier ones on --policy.")
    Path policies;

    @Option(
            names = "--actions",
            paramLabel = "OUT.jsonl",
            description =
                    "Run the policy's consequences and write the ledger here: cases, penalties,"
                            + " compensation and what became of each action.")
    Path actions;

    @Option(
            names = "--parallelism",
            paramLabel = "N",
            defaultValue = "1",
            description = "Parallelism of detection (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(
            names = "--out-of-orderness",
            paramLabel = "DURATION",
            description =
                    "How late an event may come and still count as in order (default: ${DEFAULT-VALUE}).")
    Duration outOfOrderness = EventTime.DEFAULT_OUT_OF_ORDERNESS;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LogFormat logFormat = format;
        if (compare != null
                && (!compare.equals("made_sla") || logFormat != LogFormat.SERVICENOW_CSV)) {
            err.println("--compare made_sla works with --format servicenow-csv only");
            err.flush();
            return 1;
        }
        SlaPolicy policy = Inputs.policy(policyFile, err);
        if (policy == null || !Inputs.readable(inputs, err) || !Inputs.readable(reviews, err)) {
            return 1;
        }
        List<PolicyVersion> versions = List.of();
        if (policies != null) {
            if (!Inputs.readable(List.of(policies), err)) {
                return 1;
            }
            try {
                versions = PolicyPublishCommand.read(policies);
            } catch (PolicyException e) {
                e.problems().forEach(err::println);
                err.flush();
                return 1;
            }
        }
        if (!reviews.isEmpty() && actions == null) {
            err.println("--reviews needs --actions FILE: where the ledger they decide goes");
            err.flush();
            return 1;
        }
        if (actions != null && policy.consequences() == null) {
            err.println(
                    "--actions: policy "
                            + policyFile
                            + " has no 'consequences' section (see deploy/policies/default.yaml)");
            err.flush();
            return 1;
        }
        ReplayInputs replayed;
        try {
            replayed = ReplayInputs.of(inputs, logFormat, zone, out);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.flush();
            return 1;
        }
        ImportedLog imported = replayed.imported();
        List<Path> events = replayed.events();
        if (parallelism < 1) {
            replayed.close();
            err.println("--parallelism must be at least 1, not " + parallelism);
            err.flush();
            return 1;
        }
        Path alertsFile = outputOrTemp(alerts, "alerts");
        Path outcomesFile = outputOrTemp(outcomes, "outcomes");
        Path quarantineFile = outputOrTemp(quarantine, "quarantine");
        Path ledgerFile = actions == null ? null : outputOrTemp(actions, "ledger");
        try {
            Replay.Result result =
                    Replay.run(
                            new Replay.Options(
                                    events,
                                    policy,
                                    alertsFile,
                                    outcomesFile,
                                    quarantineFile,
                                    parallelism,
                                    outOfOrderness,
                                    reviews,
                                    ledgerFile,
                                    versions),
                            read -> {
                                err.println("replay: " + read + " events read…");
                                err.flush();
                            });
            Set<String> reviewFiles =
                    reviews.stream().map(Path::toString).collect(Collectors.toSet());
            Map<Boolean, List<QuarantineRecord>> quarantined =
                    Replay.read(quarantineFile, QuarantineRecord.class).stream()
                            .collect(
                                    Collectors.partitioningBy(
                                            q ->
                                                    q.reason().aboutReviews()
                                                            || reviewFiles.contains(q.file())));
            ReplaySummary summary =
                    new ReplaySummary(
                            result,
                            Replay.read(alertsFile, Alert.class),
                            Replay.read(outcomesFile, ClockOutcome.class),
                            quarantined.get(false));
            out.print(summary.render());
            if (ledgerFile != null) {
                out.print(LedgerReport.render(Replay.read(ledgerFile, LedgerEntry.class)));
                out.println(
                        "reviews quarantined: "
                                + quarantined.get(true).size()
                                + quarantined.get(true).stream()
                                        .collect(
                                                Collectors.groupingBy(
                                                        QuarantineRecord::reason,
                                                        TreeMap::new,
                                                        Collectors.counting()))
                                        .entrySet()
                                        .stream()
                                        .map(e -> e.getKey() + " " + e.getValue())
                                        .collect(Collectors.joining(", ", " (", ")")));
            }
            if (imported != null) {
                imported.appendQuarantined(quarantineFile);
            }
            if (compare != null) {
                out.print(Agreement.of(imported, summary.outcomes()).render());
            }
            out.flush();
            return 0;
        } finally {
            replayed.close();
            deleteIfTemp(alerts, alertsFile);
            deleteIfTemp(outcomes, outcomesFile);
            deleteIfTemp(quarantine, quarantineFile);
        }
    }

    private static Path outputOrTemp(Path requested, String name) throws IOException {
        if (requested != null) {
            Path parent = requested.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return requested.toAbsolutePath();
        }
        return Files.createTempFile("slawatch-" + name + "-", ".jsonl");
    }

    private static void deleteIfTemp(Path requested, Path used) throws IOException {
        if (requested == null) {
            Files.deleteIfExists(used);
        }
    }
}
