package io.slawatch.report;

import java.util.List;
import java.util.Map;

/**
 * A quarter's reconciliation of the breaches in the events with the consequences in the ledger.
 *
 * @param checked how many items each check looked at, by check
 * @param exceptions every inconsistency found, with the ids to look up; none when it reconciles
 */
public record AuditResult(
        String quarter, Map<AuditCheck, Integer> checked, List<AuditException> exceptions) {

    /** One inconsistency: what failed, about which id, and what was expected. */
    public record AuditException(AuditCheck check, String id, String detail) {}

    public boolean reconciles() {
        return exceptions.isEmpty();
    }
}
