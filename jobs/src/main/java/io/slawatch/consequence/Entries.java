package io.slawatch.consequence;

import io.slawatch.model.ClockType;
import io.slawatch.model.LedgerEntry;
import io.slawatch.model.LedgerKind;
import io.slawatch.model.SubjectType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Builds ledger entries: their deterministic ids and the fields each kind carries. */
final class Entries {

    private String entryId;
    private LedgerKind kind;
    private SubjectType subjectType;
    private String subjectId;
    private String alertId;
    private String ticketId;
    private ClockType clock;
    private String month;
    private Integer points;
    private Integer couponPercent;
    private Integer upgradeMonths;
    private String from;
    private String to;
    private Instant dueBy;
    private Instant at;
    private String decidedBy = LedgerEntry.POLICY;
    private String reason;
    private List<String> relatedAlertIds;
    private List<String> relatedAgentIds;
    private String policyVersion;

    private Entries() {}

    static Entries entry(String entryId, LedgerKind kind, SubjectType subjectType, String subject) {
        Entries entry = new Entries();
        entry.entryId = entryId;
        entry.kind = kind;
        entry.subjectType = subjectType;
        entry.subjectId = subject;
        return entry;
    }

    /** An entry about {@code breach}, from the ticket's case. */
    static Entries about(
            BreachCase breach,
            String ticketId,
            String entryId,
            LedgerKind kind,
            SubjectType subjectType,
            String subject) {
        Entries entry = entry(entryId, kind, subjectType, subject);
        entry.alertId = breach.alertId;
        entry.ticketId = ticketId;
        entry.clock = breach.clock;
        entry.month = breach.month;
        entry.policyVersion = breach.policyVersion;
        return entry;
    }

    /** An entry about the breach of {@code verdict}, from the agent's or the team's penalties. */
    static Entries about(
            Verdict verdict,
            String entryId,
            LedgerKind kind,
            SubjectType subjectType,
            String subject) {
        Entries entry = entry(entryId, kind, subjectType, subject);
        entry.alertId = verdict.alertId();
        entry.ticketId = verdict.ticketId();
        entry.clock = verdict.clock();
        entry.month = verdict.month();
        entry.policyVersion = verdict.policyVersion();
        return entry;
    }

    /** The entry undoing {@code original}: its points given back, nothing left to carry out. */
    static LedgerEntry reversal(LedgerEntry original, long at, String reason) {
        return new LedgerEntry(
                reversalId(original.entryId()),
                LedgerKind.REVERSAL,
                original.subjectType(),
                original.subjectId(),
                original.alertId(),
                original.ticketId(),
                original.clock(),
                original.month(),
                original.points() == null ? null : -original.points(),
                original.couponPercent(),
                original.upgradeMonths(),
                original.from(),
                original.to(),
                null,
                Instant.ofEpochMilli(at),
                LedgerEntry.POLICY,
                reason,
                original.entryId(),
                null,
                original.kind(),
                original.relatedAlertIds(),
                original.relatedAgentIds(),
                original.policyVersion());
    }

    /**
     * {@code issued} as kept for a {@link #reversal} until one comes or the clean-up timer: only
     * what a reversal copies, so the decision's time, reviewer and reason do not stay in state.
     */
    static LedgerEntry keptForReversal(LedgerEntry issued) {
        return kept(
                issued, issued.points(), null, issued.relatedAlertIds(), issued.relatedAgentIds());
    }

    /**
     * {@code action} as kept for its {@link #followUp} until DONE, a reversal or the clean-up
     * timer: only what a follow-up copies.
     */
    static LedgerEntry keptForFollowUp(LedgerEntry action) {
        return kept(action, null, action.dueBy(), null, null);
    }

    private static LedgerEntry kept(
            LedgerEntry entry,
            Integer points,
            Instant dueBy,
            List<String> relatedAlertIds,
            List<String> relatedAgentIds) {
        return new LedgerEntry(
                entry.entryId(),
                entry.kind(),
                entry.subjectType(),
                entry.subjectId(),
                entry.alertId(),
                entry.ticketId(),
                shared(entry.clock()),
                shared(entry.month()),
                points,
                entry.couponPercent(),
                entry.upgradeMonths(),
                entry.from(),
                entry.to(),
                dueBy,
                null,
                null,
                null,
                null,
                null,
                null,
                relatedAlertIds,
                relatedAgentIds,
                shared(entry.policyVersion()));
    }

    /**
     * One instance of a value that thousands of kept entries repeat (a month, a policy version): an
     * entry that crossed the network carries copies of its own.
     */
    private static String shared(String value) {
        return value == null ? null : value.intern();
    }

    private static ClockType shared(ClockType clock) {
        return clock == null ? null : ClockType.of(clock.name());
    }

    static String reversalId(String entryId) {
        return entryId + ":" + LedgerKind.REVERSAL;
    }

    /**
     * An action's DONE or OVERDUE entry, about the same subject and carrying what the action gives
     * (coupon, upgrade, suspension days), so that its latest entry describes the action whole.
     */
    static LedgerEntry followUp(
            LedgerEntry action, LedgerKind kind, long at, String decidedBy, String reason) {
        return new LedgerEntry(
                action.entryId() + ":" + kind,
                kind,
                action.subjectType(),
                action.subjectId(),
                action.alertId(),
                action.ticketId(),
                action.clock(),
                action.month(),
                null,
                action.couponPercent(),
                action.upgradeMonths(),
                action.from(),
                action.to(),
                action.dueBy(),
                Instant.ofEpochMilli(at),
                decidedBy,
                reason,
                null,
                action.entryId(),
                action.kind(),
                null,
                null,
                action.policyVersion());
    }

    Entries ticket(String id) {
        this.ticketId = id;
        return this;
    }

    Entries month(String value) {
        this.month = value;
        return this;
    }

    Entries policyVersion(String value) {
        this.policyVersion = value;
        return this;
    }

    Entries points(int value) {
        this.points = value;
        return this;
    }

    Entries coupon(int percent) {
        this.couponPercent = percent;
        return this;
    }

    Entries upgrade(int months) {
        this.upgradeMonths = months;
        return this;
    }

    Entries days(LocalDate first, LocalDate last) {
        this.from = first.toString();
        this.to = last.toString();
        return this;
    }

    Entries dueBy(Instant value) {
        this.dueBy = value;
        return this;
    }

    Entries at(long millis) {
        this.at = Instant.ofEpochMilli(millis);
        return this;
    }

    Entries decidedBy(String value) {
        this.decidedBy = value;
        return this;
    }

    Entries reason(String value) {
        this.reason = value;
        return this;
    }

    Entries related(List<String> alertIds, List<String> agentIds) {
        this.relatedAlertIds = alertIds;
        this.relatedAgentIds = agentIds;
        return this;
    }

    LedgerEntry build() {
        return new LedgerEntry(
                entryId,
                kind,
                subjectType,
                subjectId,
                alertId,
                ticketId,
                clock,
                month,
                points,
                couponPercent,
                upgradeMonths,
                from,
                to,
                dueBy,
                at,
                decidedBy,
                reason,
                null,
                null,
                null,
                relatedAlertIds,
                relatedAgentIds,
                policyVersion);
    }
}
