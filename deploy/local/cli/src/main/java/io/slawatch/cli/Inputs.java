package io.slawatch.cli;

import io.slawatch.JobOptions;
import io.slawatch.notify.NotifyConfig;
import io.slawatch.notify.NotifyConfigLoader;
import io.slawatch.policy.PolicyException;
import io.slawatch.policy.PolicyLoader;
import io.slawatch.policy.SlaPolicy;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;

/** The checks every command makes before any work: a usable policy, readable inputs. */
final class Inputs {

    private Inputs() {}

    /** The policy, or null after printing every problem of the file. */
    static SlaPolicy policy(Path file, PrintWriter err) {
        try {
            return PolicyLoader.load(file);
        } catch (PolicyException e) {
            problems(err, file + ": the policy cannot be used", e);
            return null;
        }
    }

    /** The options' notification file, or null with its problems written to {@code err}. */
    static NotifyConfig notifyConfig(JobOptions job, PrintWriter err) {
        return notifyConfig(job.notifyFile().orElseThrow(), err);
    }

    /** A notification file, or null with its problems written to {@code err}. */
    static NotifyConfig notifyConfig(Path file, PrintWriter err) {
        try {
            return NotifyConfigLoader.load(file);
        } catch (PolicyException e) {
            problems(err, file + ": the notification file cannot be used", e);
            return null;
        }
    }

    /** {@code headline}, then every problem of a file on a line of its own. */
    static void problems(PrintWriter err, String headline, PolicyException e) {
        err.println(headline);
        e.problems().forEach(problem -> err.println("  " + problem));
        err.flush();
    }

    /** Reads a checked file, or says everything wrong with it. */
    interface Loader<T> {
        T load(Path file) throws PolicyException;
    }

    /**
     * A check command: each file's summary on {@code out}, or how many problems it has and each on
     * {@code err}; every file is checked. 0 when all are good, else 1.
     */
    static <T> int checkEach(
            List<Path> files,
            Loader<T> loader,
            BiFunction<Path, T, String> summary,
            PrintWriter out,
            PrintWriter err) {
        boolean allGood = true;
        for (Path file : files) {
            try {
                out.print(summary.apply(file, loader.load(file)));
            } catch (PolicyException e) {
                allGood = false;
                int count = e.problems().size();
                problems(err, file + ": " + count + (count == 1 ? " problem" : " problems"), e);
            }
            out.flush();
            err.flush();
        }
        return allGood ? 0 : 1;
    }

    /** True when every input is a readable file; otherwise says which is not. */
    static boolean readable(List<Path> inputs, PrintWriter err) {
        for (Path input : inputs) {
            if (!Files.isRegularFile(input) || !Files.isReadable(input)) {
                err.println("cannot read input " + input + ": no such readable file");
                err.flush();
                return false;
            }
        }
        return true;
    }
}
