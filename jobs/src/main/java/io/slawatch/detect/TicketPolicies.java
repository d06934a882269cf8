package io.slawatch.detect;

import io.slawatch.model.EventType;
import io.slawatch.model.TicketEvent;
import io.slawatch.policy.PolicyException;
import io.slawatch.policy.PolicyVersion;
import io.slawatch.policy.PolicyVersions;
import io.slawatch.policy.SlaPolicy;
import io.slawatch.state.TicketState;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which policy version runs each ticket, free of Flink: the whole version in force at its CREATED
 * (the start policy until a published version takes effect), or a later version that applies to
 * open tickets once that takes effect. One {@link TicketSla} per version, made when first needed.
 */
final class TicketPolicies {

    private final SlaPolicy startPolicy;
    private final PolicyVersions versions = new PolicyVersions();
    private final Map<String, TicketSla> slas = new HashMap<>();

    /** Whether some version applies to open tickets: only then can an event be due a move. */
    private boolean forOpenTickets;

    TicketPolicies(SlaPolicy startPolicy) {
        this.startPolicy = startPolicy;
    }

    SlaPolicy startPolicy() {
        return startPolicy;
    }

    boolean hasPublished() {
        return !versions.isEmpty();
    }

    /** See {@link PolicyVersions#add}. */
    boolean add(PolicyVersion version) throws PolicyException {
        boolean added = versions.add(version);
        forOpenTickets |= added && versions.get(version.version()).appliesToOpen();
        return added;
    }

    /** Drops the versions no ticket can run on at {@code at}; returns them. */
    List<String> dropUnusedAt(Instant at) {
        List<String> unused = versions.unusedAt(at);
        for (String version : unused) {
            versions.remove(version);
            slas.remove(version);
        }
        return unused;
    }

    /** The engine of the ticket: of its version once CREATED, else of the version then. */
    TicketSla of(TicketState state, TicketEvent event) {
        if (state.created) {
            return sla(state.policyVersion);
        }
        Instant at =
                event != null && (event.type() == EventType.CREATED || state.pending.isEmpty())
                        ? event.occurredAt()
                        : state.pending.get(0).occurredAt();
        return sla(inForceAt(at).version());
    }

    /**
     * The version a CREATED ticket moves to by {@code at}: the latest that applies to open tickets
     * and took effect after the ticket's own version, by then; null when none.
     */
    PolicyVersion moveDue(TicketState state, Instant at) {
        if (!forOpenTickets || !state.created) {
            return null;
        }
        Instant since = versions.effectiveFrom(state.policyVersion);
        PolicyVersion due = null;
        for (PolicyVersion version : versions.records()) {
            if (version.effectiveFrom().isAfter(at)) {
                break;
            }
            boolean later = since == null || version.effectiveFrom().isAfter(since);
            if (later && versions.get(version.version()).appliesToOpen()) {
                due = version;
            }
        }
        return due;
    }

    /** Whether {@code version} took effect after the ticket's own version: a move to it is due. */
    boolean movesTo(TicketState state, PolicyVersion version) {
        if (!state.created || version.version().equals(state.policyVersion)) {
            return false;
        }
        Instant since = versions.effectiveFrom(state.policyVersion);
        return since == null || version.effectiveFrom().isAfter(since);
    }

    /** The engine of {@code version}; the start policy's for a version not known. */
    TicketSla sla(String version) {
        return slas.computeIfAbsent(
                version,
                v -> {
                    SlaPolicy policy = versions.get(v);
                    // An unknown version (a ticket restored from before versions were kept) runs
                    // on the start policy, as it did then.
                    return new TicketSla(policy != null ? policy : startPolicy);
                });
    }

    private SlaPolicy inForceAt(Instant at) {
        SlaPolicy published = versions.inForceAt(at);
        return published == null ? startPolicy : published;
    }
}
