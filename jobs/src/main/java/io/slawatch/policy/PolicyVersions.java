package io.slawatch.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The policy versions a detection job knows, and which one is in force when: the version with the
 * latest {@code effectiveFrom} at or before an instant (of two from the same instant, the one
 * published later). A version is immutable: publishing a version again with other content is
 * refused, the same content again changes nothing.
 */
public final class PolicyVersions {

    private record Known(PolicyVersion record, SlaPolicy policy, int order) {}

    private final Map<String, Known> byVersion = new HashMap<>();
    private final List<Known> byEffect = new ArrayList<>();

    /**
     * Adds {@code version}; false when it was known already with the same content.
     *
     * @throws PolicyException when its text does not load, or the version was published with other
     *     content
     */
    public boolean add(PolicyVersion version) throws PolicyException {
        Known known = byVersion.get(version.version());
        if (known != null) {
            if (known.record().policy().equals(version.policy())) {
                return false;
            }
            throw new PolicyException(
                    List.of(
                            new Problem(
                                    version.file(),
                                    1,
                                    1,
                                    "version '"
                                            + version.version()
                                            + "' was published before with other content ("
                                            + known.record().file()
                                            + ")",
                                    "a published version never changes: give the changed"
                                            + " policy a new 'version'")));
        }
        Known added = new Known(version, version.load(), byEffect.size());
        byVersion.put(version.version(), added);
        byEffect.add(added);
        byEffect.sort(
                (a, b) -> {
                    int byTime = a.record().effectiveFrom().compareTo(b.record().effectiveFrom());
                    return byTime != 0 ? byTime : Integer.compare(a.order(), b.order());
                });
        return true;
    }

    /** When {@code version} takes effect, or null when it is not known. */
    public Instant effectiveFrom(String version) {
        Known known = byVersion.get(version);
        return known == null ? null : known.record().effectiveFrom();
    }

    /** The policy of {@code version}, or null when it is not known. */
    public SlaPolicy get(String version) {
        Known known = byVersion.get(version);
        return known == null ? null : known.policy();
    }

    /** The version in force for a ticket CREATED at {@code at}; null when none is yet. */
    public SlaPolicy inForceAt(Instant at) {
        Known inForce = null;
        for (Known known : byEffect) {
            if (known.record().effectiveFrom().isAfter(at)) {
                break;
            }
            inForce = known;
        }
        return inForce == null ? null : inForce.policy();
    }

    /**
     * The versions no ticket can run on any more once event time is {@code at}: each was followed
     * by another longer ago than a ticket created under it can stay (its safety horizon, then its
     * retention after closing). The latest version is never one.
     */
    public List<String> unusedAt(Instant at) {
        return unusedAt(at, policy -> Duration.ZERO);
    }

    /**
     * The versions unused at {@code at} by a reader that needs a version for {@code usedLonger}
     * after its last ticket could run on it (consequences: a breach counts until its month ends).
     */
    public List<String> unusedAt(Instant at, Function<SlaPolicy, Duration> usedLonger) {
        List<String> unused = new ArrayList<>();
        for (int i = 0; i + 1 < byEffect.size(); i++) {
            SlaPolicy policy = byEffect.get(i).policy();
            Instant lastUse =
                    byEffect.get(i + 1)
                            .record()
                            .effectiveFrom()
                            .plus(policy.safetyHorizon())
                            .plus(policy.retentionAfterClosed())
                            .plus(usedLonger.apply(policy));
            if (at.isAfter(lastUse)) {
                unused.add(byEffect.get(i).record().version());
            }
        }
        return unused;
    }

    public void remove(String version) {
        Known known = byVersion.remove(version);
        if (known != null) {
            byEffect.remove(known);
        }
    }

    /** Every version, in the order they take effect. */
    public List<PolicyVersion> records() {
        return Collections.unmodifiableList(byEffect.stream().map(Known::record).toList());
    }

    public boolean isEmpty() {
        return byEffect.isEmpty();
    }
}
