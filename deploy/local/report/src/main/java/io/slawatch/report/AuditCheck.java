package io.slawatch.report;

/** What the quarterly audit checks, each in one line. */
public enum AuditCheck {
    MISSING_CASE("Every BREACHED alert of a clock with consequences has a case in the ledger."),
    CASE_WITHOUT_BREACH("Every case in the ledger is about a BREACHED alert of the events."),
    MISSING_CONSEQUENCE(
            "Every confirmed case has its consequences: agent and department points, the"
                    + " customer's apology, and the ticket's compensation when its lateness"
                    + " earns one."),
    DANGLING_REVERSAL("Every REVERSAL undoes an entry that exists."),
    UNDECIDED_CASE("No case is still undecided after its verification deadline."),
    ACTION_NOT_FOLLOWED(
            "Every action due in the quarter, by the end of the data, is DONE or OVERDUE."),
    COUNT_MISMATCH(
            "Confirmed breaches per agent and per department counted from the events equal the"
                    + " point deductions the ledger holds for them.");

    private final String description;

    AuditCheck(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
