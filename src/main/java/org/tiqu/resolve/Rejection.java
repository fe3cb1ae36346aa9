package org.tiqu.resolve;

import org.tiqu.record.Candidate;

/** A candidate that lost an overlap, with the winner and why: kept for the audit page. */
public record Rejection(Candidate candidate, Candidate winner, String reason) {
}
