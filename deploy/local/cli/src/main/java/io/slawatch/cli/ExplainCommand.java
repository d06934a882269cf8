package io.slawatch.cli;

import io.slawatch.detect.TicketSla;
import io.slawatch.ingest.EventDecoder;
import io.slawatch.model.Alert;
import io.slawatch.model.ClockOutcome;
import io.slawatch.model.LedgerEntry;
import io.slawatch.model.QuarantineReason;
import io.slawatch.model.TicketEvent;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.replay.Explain;
import io.slawatch.replay.Replay;
import io.slawatch.time.EventTime;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slawatch explain}: one ticket's clocks, told for a person. */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        description = {
            "Tell one ticket's story: each clock's start, its target and why (channel, priority,"
                    + " complexity, peak extension), its calendar and deadline, pauses and how"
                    + " they moved the deadline, warnings, escalations and the outcome.",
            "Computed by the job's own code under replay's event time: the alerts shown are"
                    + " exactly those replay raises for the ticket."
        })
final class ExplainCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    @Spec CommandSpec spec;

    @Option(
            names = "--input",
            required = true,
            arity = "1..*",
            paramLabel = "FILE",
            description = "Ticket events, one JSON object a line, in the order given.")
    List<Path> inputs;

    @Option(names = "--policy", required = true, paramLabel = "FILE", description = "SLA policy.")
    Path policyFile;

    @Option(names = "--ticket", required = true, paramLabel = "ID", description = "The ticketId.")
    String ticketId;

    @Option(
            names = "--zone",
            paramLabel = "ZONE",
            description = "Time zone to show times in (default: the policy's first calendar's).")
    ZoneId zone;

    @Option(
            names = "--out-of-orderness",
            paramLabel = "DURATION",
            description = "As for replay (default: ${DEFAULT-VALUE}).")
    Duration outOfOrderness = EventTime.DEFAULT_OUT_OF_ORDERNESS;

    @Option(
            names = "--reviews",
            arity = "1..*",
            paramLabel = "FILE",
            description =
                    "Reviews, as for replay: with a policy that has consequences, the ticket's"
                            + " consequences follow its story.")
    List<Path> reviews = List.of();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SlaPolicy policy = Inputs.policy(policyFile, err);
        if (policy == null || !Inputs.readable(inputs, err)) {
            return 1;
        }
        ZoneId shownIn = zone != null ? zone : policy.calendars().values().iterator().next().zone();
        Story story = new Story(out, shownIn);
        out.println(
                "ticket "
                        + ticketId
                        + " under policy "
                        + policy.version()
                        + " ("
                        + policyFile
                        + "), times in "
                        + shownIn);
        Explain.run(
                inputs,
                new TicketSla(policy),
                ticketId,
                outOfOrderness,
                EventDecoder.withDefaults(),
                story);
        if (story.lines == 0) {
            out.println("no event of ticket " + ticketId + " in the input");
            out.flush();
            return 1;
        }
        if (policy.consequences() != null) {
            if (!Inputs.readable(reviews, err)) {
                return 1;
            }
            consequences(policy, story);
        }
        out.flush();
        return 0;
    }

    /**
     * The ticket's ledger entries, from a replay of the whole input with its reviews: an agent's or
     * a team's thresholds depend on the other tickets too. A threshold entry names the breach whose
     * confirmation reached it.
     */
    private void consequences(SlaPolicy policy, Story story) throws Exception {
        Path dir = Files.createTempDirectory("slawatch-explain-");
        try {
            Path ledger = dir.resolve("ledger.jsonl");
            Replay.run(
                    new Replay.Options(
                            inputs,
                            policy,
                            dir.resolve("alerts.jsonl"),
                            dir.resolve("outcomes.jsonl"),
                            dir.resolve("quarantine.jsonl"),
                            1,
                            outOfOrderness,
                            reviews,
                            ledger),
                    read -> {});
            List<LedgerEntry> entries =
                    Replay.read(ledger, LedgerEntry.class).stream()
                            .filter(e -> ticketId.equals(e.ticketId()))
                            .toList();
            story.print(
                    null,
                    entries.isEmpty()
                            ? "no consequences: no breach of a clock with consequences"
                            : "consequences (policy " + policy.version() + "):");
            for (LedgerEntry entry : entries) {
                story.print(entry.at(), LedgerLine.of(entry, story.zone));
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Prints each step of the story as it happens. */
    private static final class Story implements Explain.Listener {
        private final PrintWriter out;
        private final ZoneId zone;
        int lines;

        Story(PrintWriter out, ZoneId zone) {
            this.out = out;
            this.zone = zone;
        }

        void print(Instant at, String text) {
            out.println(
                    (at == null ? "                          " : TIME.format(at.atZone(zone)))
                            + "  "
                            + text);
            lines++;
        }

        @Override
        public void trace(Instant at, Supplier<String> story) {
            print(at, story.get());
        }

        @Override
        public void alert(Alert alert) {
            String measure =
                    alert.overdueSeconds() != null
                            ? ", overdue " + Duration.ofSeconds(alert.overdueSeconds())
                            : alert.remainingSeconds() != null
                                    ? ", " + Duration.ofSeconds(alert.remainingSeconds()) + " left"
                                    : alert.retractsAlertId() != null
                                            ? ", withdraws " + alert.retractsAlertId()
                                            : "";
            print(
                    alert.eventTime(),
                    "ALERT "
                            + alert.kind()
                            + " "
                            + alert.clock()
                            + " level "
                            + alert.level()
                            + measure
                            + " ["
                            + alert.alertId()
                            + "]");
        }

        @Override
        public void outcome(ClockOutcome outcome) {
            print(
                    outcome.endedAt(),
                    "OUTCOME "
                            + outcome.clock()
                            + " cycle "
                            + outcome.cycle()
                            + ": "
                            + outcome.status()
                            + ", "
                            + Duration.ofSeconds(outcome.elapsedBusinessSeconds())
                            + " of "
                            + Duration.ofSeconds(outcome.targetSeconds())
                            + " business time"
                            + (outcome.pausedBusinessSeconds() > 0
                                    ? ", "
                                            + Duration.ofSeconds(outcome.pausedBusinessSeconds())
                                            + " paused"
                                    : "")
                            + (outcome.lateSeconds() > 0
                                    ? ", " + Duration.ofSeconds(outcome.lateSeconds()) + " late"
                                    : ""));
        }

        @Override
        public void quarantine(TicketEvent event, QuarantineReason reason, String detail) {
            print(
                    event.occurredAt(),
                    "QUARANTINED " + event.type() + " (" + reason + "): " + detail);
        }

        @Override
        public void quarantinedLine(String file, long line, String reason, String detail) {
            print(null, "QUARANTINED " + file + ":" + line + " (" + reason + "): " + detail);
        }

        @Override
        public void duplicate(TicketEvent event) {
            print(
                    event.occurredAt(),
                    "duplicate " + event.type() + " " + event.eventId() + " ignored");
        }

        @Override
        public void expired(String id) {}
    }
}
