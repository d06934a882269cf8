package io.slawatch.cli;

import io.slawatch.model.Alert;
import io.slawatch.model.Review;
import io.slawatch.model.ReviewDecision;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.replay.Replay;
import io.slawatch.serde.Json;
import io.slawatch.simulate.ReviewSimulator;
import io.slawatch.simulate.TicketSimulator;
import io.slawatch.time.EventTime;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slawatch simulate}: realistic ticket traffic as a JSON-lines file. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = {
            "Write realistic after-sales ticket events, in delivery order (with jitter, late"
                    + " events, duplicates and a few malformed records), the same for the same"
                    + " seed. Times are drawn around the policy's targets so that about 5-10 %% of"
                    + " clocks breach; what was drawn is printed, to compare with `replay`."
        })
final class SimulateCommand implements Callable<Integer> {

    static final String DEFAULT_START = "2026-11-16T00:00:00Z";

    @Spec CommandSpec spec;

    @Option(names = "--tickets", required = true, paramLabel = "N", description = "How many.")
    int tickets;

    @Option(names = "--out", required = true, paramLabel = "FILE.jsonl", description = "Where.")
    Path out;

    @Option(
            names = "--policy",
            paramLabel = "FILE",
            defaultValue = "deploy/policies/default.yaml",
            description =
                    "The policy whose targets the times are drawn around. Default: ${DEFAULT-VALUE}.")
    Path policy;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "1",
            description = "Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(
            names = "--start",
            paramLabel = "INSTANT",
            defaultValue = DEFAULT_START,
            description = "When the first day starts. Default: ${DEFAULT-VALUE}.")
    Instant start;

    @Option(
            names = "--reviews",
            paramLabel = "FILE.jsonl",
            description =
                    "Also write a supervision team's reviews of the breaches the events bring (found"
                            + " by replaying them under --policy): most confirmed within a day, some"
                            + " waived, the rest left to the policy; most apologies marked DONE."
                            + " Needs a policy with consequences.")
    Path reviews;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SlaPolicy loaded = Inputs.policy(policy, err);
        if (loaded == null) {
            return 1;
        }
        if (tickets < 1) {
            err.println("slawatch simulate: --tickets must be at least 1");
            err.flush();
            return 1;
        }
        TicketSimulator.Simulation simulation =
                TicketSimulator.tickets(loaded, seed, start, tickets);
        try (BufferedWriter writer = Files.newBufferedWriter(this.out, StandardCharsets.UTF_8)) {
            for (TicketSimulator.Delivery delivery : simulation.deliveries()) {
                writer.write(delivery.line());
                writer.newLine();
            }
        }
        out.print(simulation.stats().describe());
        out.println("wrote " + simulation.deliveries().size() + " records to " + this.out);
        out.flush();
        if (reviews != null) {
            if (loaded.consequences() == null) {
                err.println(
                        "slawatch simulate: --reviews needs a policy with 'consequences'; "
                                + policy
                                + " has none");
                err.flush();
                return 1;
            }
            List<Review> drawn =
                    ReviewSimulator.reviews(breaches(loaded), loaded.consequences(), seed + 1);
            try (BufferedWriter writer = Files.newBufferedWriter(reviews, StandardCharsets.UTF_8)) {
                for (Review review : drawn) {
                    writer.write(Json.write(review));
                    writer.newLine();
                }
            }
            Map<ReviewDecision, Long> byDecision =
                    drawn.stream()
                            .collect(
                                    Collectors.groupingBy(
                                            Review::decision,
                                            () -> new EnumMap<>(ReviewDecision.class),
                                            Collectors.counting()));
            out.println(
                    "wrote "
                            + drawn.size()
                            + " reviews to "
                            + reviews
                            + " "
                            + byDecision.entrySet().stream()
                                    .map(e -> e.getKey() + " " + e.getValue())
                                    .collect(Collectors.joining(", ", "(", ")")));
            out.flush();
        }
        return 0;
    }

    /** The alerts a replay of the written events gives under {@code rules}. */
    private List<Alert> breaches(SlaPolicy rules) throws Exception {
        Path alerts = Files.createTempFile("slawatch-simulated-alerts-", ".jsonl");
        Path outcomes = Files.createTempFile("slawatch-simulated-outcomes-", ".jsonl");
        Path quarantine = Files.createTempFile("slawatch-simulated-quarantine-", ".jsonl");
        try {
            Replay.run(
                    new Replay.Options(
                            List.of(this.out),
                            rules,
                            alerts,
                            outcomes,
                            quarantine,
                            1,
                            EventTime.DEFAULT_OUT_OF_ORDERNESS),
                    read -> {});
            return Replay.read(alerts, Alert.class);
        } finally {
            Files.deleteIfExists(alerts);
            Files.deleteIfExists(outcomes);
            Files.deleteIfExists(quarantine);
        }
    }
}
