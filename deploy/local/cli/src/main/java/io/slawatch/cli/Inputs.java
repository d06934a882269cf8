package io.slawatch.cli;

import io.slawatch.policy.PolicyException;
import io.slawatch.policy.PolicyLoader;
import io.slawatch.policy.SlaPolicy;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The checks every command makes before any work: a usable policy, readable inputs. */
final class Inputs {

    private Inputs() {}

    /** The policy, or null after printing every problem of the file. */
    static SlaPolicy policy(Path file, PrintWriter err) {
        try {
            return PolicyLoader.load(file);
        } catch (PolicyException e) {
            err.println(file + ": the policy cannot be used");
            e.problems().forEach(problem -> err.println("  " + problem));
            err.flush();
            return null;
        }
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
