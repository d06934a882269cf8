package io.slawatch.cli;

import io.slawatch.model.LedgerEntry;
import io.slawatch.model.SubjectType;
import io.slawatch.replay.Replay;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slawatch ledger}: balances of a consequences ledger. */
@Command(
        name = "ledger",
        mixinStandardHelpOptions = true,
        description = {
            "Print what a consequences ledger (JSON lines: `replay --actions`, or the"
                    + " slawatch.ledger topic) adds up to: cases by outcome, actions done, overdue"
                    + " and open, compensation given, and each agent's and team's points, open"
                    + " actions and suspensions. Reversed entries do not count."
        })
final class LedgerCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--input",
            required = true,
            arity = "1..*",
            paramLabel = "LEDGER.jsonl",
            description = "Ledger entries, one JSON object a line.")
    List<Path> inputs;

    @Option(names = "--agent", paramLabel = "ID", description = "Only this agent's entries.")
    String agent;

    @Option(names = "--team", paramLabel = "ID", description = "Only this team's entries.")
    String team;

    @Option(
            names = "--month",
            paramLabel = "yyyy-MM",
            description = "Only entries of breaches whose deadline fell in this month.")
    YearMonth month;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Inputs.readable(inputs, err)) {
            return 1;
        }
        List<LedgerEntry> entries =
                inputs.stream()
                        .flatMap(input -> Replay.read(input, LedgerEntry.class).stream())
                        .filter(e -> month == null || month.toString().equals(e.month()))
                        .filter(e -> agent == null || is(e, SubjectType.AGENT, agent))
                        .filter(e -> team == null || is(e, SubjectType.TEAM, team))
                        .toList();
        out.print(LedgerReport.render(entries));
        out.flush();
        return 0;
    }

    private static boolean is(LedgerEntry entry, SubjectType type, String id) {
        return entry.subjectType() == type && id.equals(entry.subjectId());
    }
}
