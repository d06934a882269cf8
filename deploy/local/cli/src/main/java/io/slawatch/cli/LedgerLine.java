package io.slawatch.cli;

import io.slawatch.model.LedgerEntry;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** One ledger entry as a line a person reads: what, about whom, what it gives, by when. */
final class LedgerLine {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private LedgerLine() {}

    static String of(LedgerEntry entry, ZoneId zone) {
        List<String> details = new ArrayList<>();
        if (entry.points() != null) {
            details.add(
                    (entry.points() > 0 ? "+" : "")
                            + entry.points()
                            + (Math.abs(entry.points()) == 1 ? " point" : " points"));
        }
        if (entry.couponPercent() != null) {
            details.add("coupon " + entry.couponPercent() + "%");
        }
        if (entry.upgradeMonths() != null) {
            details.add("upgrade " + entry.upgradeMonths() + " months");
        }
        if (entry.from() != null) {
            details.add(entry.from() + " to " + entry.to());
        }
        if (entry.dueBy() != null) {
            details.add("due " + LOCAL.format(entry.dueBy().atZone(zone)));
        }
        if (entry.reverses() != null) {
            details.add("undoes " + entry.reverses());
        }
        if (!LedgerEntry.POLICY.equals(entry.decidedBy())) {
            details.add("by " + entry.decidedBy());
        }
        if (entry.reason() != null) {
            details.add(entry.reason());
        }
        return "LEDGER "
                + entry.kind()
                + " "
                + entry.subjectType()
                + " "
                + entry.subjectId()
                + (details.isEmpty() ? "" : ": " + String.join("; ", details))
                + " ["
                + entry.entryId()
                + "]";
    }
}
