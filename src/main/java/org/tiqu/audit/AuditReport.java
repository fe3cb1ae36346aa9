package org.tiqu.audit;

import java.util.List;

/** The audit's findings over an output folder. */
public record AuditReport(int documents, int records, List<AuditIssue> issues) {

    public boolean passed() {
        return issues.isEmpty();
    }

    public String summary() {
        return String.format("audited %d documents, %d records: %s", documents, records,
                passed() ? "all grounded" : issues.size() + " problem(s)");
    }
}
