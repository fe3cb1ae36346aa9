package org.tiqu.audit;

import java.util.List;

/** The audit's findings over an output folder. */
public record AuditReport(int documents, int records, List<AuditIssue> issues) {

    public boolean passed() {
        return issues.isEmpty();
    }

    public String summary() {
        return "audited " + count(documents, "document") + ", " + count(records, "record") + ": "
                + (passed() ? "all grounded" : count(issues.size(), "problem"));
    }

    private static String count(int n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }
}
