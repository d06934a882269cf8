package io.slawatch.policy;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One published version of a policy, as the compacted topic {@code slawatch.policies} holds it
 * (key: the version): the policy file's text exactly as checked, and from when it is in force for
 * tickets CREATED at or after that event time. A ticket keeps the whole version in force at its
 * CREATED until it is cleared.
 *
 * @param file where the text came from, for errors
 * @param policy the policy file's YAML text
 */
public record PolicyVersion(String version, Instant effectiveFrom, String file, String policy)
        implements Serializable {

    /** {@code file}'s text, checked, in force from {@code effectiveFrom}. */
    public static PolicyVersion of(Path file, Instant effectiveFrom)
            throws PolicyException, IOException {
        String text = Files.readString(file);
        SlaPolicy policy = PolicyLoader.parse(file.toString(), text);
        return new PolicyVersion(
                policy.version(), effectiveFrom, file.getFileName().toString(), text);
    }

    /** The policy this version holds; a version read back from a topic was checked before. */
    public SlaPolicy load() throws PolicyException {
        if (version == null || effectiveFrom == null || policy == null) {
            throw new PolicyException(
                    List.of(
                            new Problem(
                                    file,
                                    1,
                                    1,
                                    "not a policy version record (version, effectiveFrom, file,"
                                            + " policy)",
                                    "publish policies with `slawatch policy publish FILE`")));
        }
        SlaPolicy loaded = PolicyLoader.parse(file, policy);
        if (!loaded.version().equals(version)) {
            throw new PolicyException(
                    List.of(
                            new Problem(
                                    file,
                                    1,
                                    1,
                                    "the record says version '"
                                            + version
                                            + "' but the policy says '"
                                            + loaded.version()
                                            + "'",
                                    "publish the file with `slawatch policy publish`, which takes"
                                            + " the version from the file")));
        }
        return loaded;
    }
}
