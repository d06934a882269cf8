package io.slawatch.report;

/**
 * The audit's verdict and its checks as HTML: what each checks, how many items, how many failed.
 */
final class AuditSection {

    private AuditSection() {}

    static String checks(AuditResult audit) {
        StringBuilder html = new StringBuilder();
        html.append(
                audit.reconciles()
                        ? "<p class=\"ok\">The quarter reconciles: no exception.</p>"
                        : "<p class=\"bad\">" + audit.exceptions().size() + " exceptions.</p>");
        html.append("<div class=\"scroll\"><table><tr><th>Check</th><th>What it checks</th>")
                .append("<th>Checked</th><th>Exceptions</th></tr>");
        for (AuditCheck check : AuditCheck.values()) {
            long failed = audit.exceptions().stream().filter(e -> e.check() == check).count();
            html.append("<tr><td>")
                    .append(check)
                    .append("</td><td style=\"text-align:left;white-space:normal\">")
                    .append(Html.escape(check.description()))
                    .append("</td><td>")
                    .append(audit.checked().getOrDefault(check, 0))
                    .append("</td><td>")
                    .append(failed)
                    .append("</td></tr>");
        }
        html.append("</table></div>");
        return html.toString();
    }
}
