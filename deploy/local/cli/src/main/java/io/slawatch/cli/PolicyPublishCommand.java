package io.slawatch.cli;

import io.slawatch.JobOptions;
import io.slawatch.PolicyTopic;
import io.slawatch.policy.PolicyException;
import io.slawatch.policy.PolicyVersion;
import io.slawatch.policy.PolicyVersions;
import io.slawatch.policy.Problem;
import io.slawatch.serde.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slawatch policy publish}: a checked policy file as a new version, without a restart. */
@Command(
        name = "publish",
        mixinStandardHelpOptions = true,
        modelTransformer = JobOptionSpecs.Review.class,
        description = {
            "Check a policy file and publish it as a version to the policies topic (compacted, key:"
                    + " the version), which the detection job reads while it runs: tickets CREATED"
                    + " from --effective-from on run on it, open tickets keep the version they"
                    + " were created under. A version already published with other content is"
                    + " refused; the same content again changes nothing."
        })
final class PolicyPublishCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The policy file.")
    Path file;

    @Option(
            names = "--effective-from",
            paramLabel = "INSTANT",
            description =
                    "From when it is in force for new tickets (default: now), e.g."
                            + " 2026-12-01T00:00:00+08:00.")
    String effectiveFrom;

    @Option(
            names = "--append-to",
            paramLabel = "FILE.jsonl",
            description =
                    "Append the version to this file instead of the topic: what replay's --policies"
                            + " reads.")
    Path appendTo;

    private final Clock clock;

    PolicyPublishCommand() {
        this(Clock.systemUTC());
    }

    PolicyPublishCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Instant from;
        try {
            from =
                    effectiveFrom == null
                            ? clock.instant()
                            : OffsetDateTime.parse(effectiveFrom).toInstant();
        } catch (DateTimeParseException e) {
            err.println(
                    "slawatch policy publish: --effective-from '"
                            + effectiveFrom
                            + "' is not a date-time with offset, e.g. 2026-12-01T00:00:00+08:00");
            err.flush();
            return 1;
        }
        try {
            PolicyVersion version = PolicyVersion.of(file, from);
            boolean written;
            String where;
            if (appendTo != null) {
                written = append(version, appendTo);
                where = appendTo.toString();
            } else {
                JobOptions options = JobOptionSpecs.parse(spec, JobOptions.Job.REVIEW);
                if (options == null) {
                    return 1;
                }
                written = PolicyTopic.of(options).publish(version);
                where = options.policiesTopic();
            }
            out.println(
                    written
                            ? "policy version "
                                    + version.version()
                                    + " published to "
                                    + where
                                    + ", in force for tickets created from "
                                    + version.effectiveFrom()
                            : "policy version "
                                    + version.version()
                                    + " is already published to "
                                    + where
                                    + " with this content: nothing written");
            out.flush();
            return 0;
        } catch (PolicyException e) {
            e.problems().forEach(err::println);
            err.flush();
            return 1;
        }
    }

    /** Appends {@code version} to a replay's versions file, under the topic's rule. */
    static boolean append(PolicyVersion version, Path versionsFile)
            throws IOException, PolicyException {
        PolicyVersions published = new PolicyVersions();
        if (Files.exists(versionsFile)) {
            for (PolicyVersion existing : read(versionsFile)) {
                published.add(existing);
            }
        }
        if (!published.add(version)) {
            return false;
        }
        Files.writeString(
                versionsFile,
                Json.mapper().writeValueAsString(version) + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        return true;
    }

    /** The versions of a replay's file, one JSON object a line, each checked. */
    static List<PolicyVersion> read(Path versionsFile) throws IOException, PolicyException {
        List<String> lines = Files.readAllLines(versionsFile, StandardCharsets.UTF_8);
        PolicyVersions checked = new PolicyVersions();
        List<PolicyVersion> versions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            PolicyVersion version;
            try {
                version = Json.mapper().readValue(lines.get(i), PolicyVersion.class);
            } catch (IOException e) {
                throw new PolicyException(
                        List.of(
                                new Problem(
                                        versionsFile.toString(),
                                        i + 1,
                                        1,
                                        "not a policy version record: "
                                                + e.getMessage().lines().findFirst().orElse(""),
                                        "write versions with `slawatch policy publish FILE"
                                                + " --append-to "
                                                + versionsFile
                                                + "`")));
            }
            checked.add(version);
            versions.add(version);
        }
        return versions;
    }
}
