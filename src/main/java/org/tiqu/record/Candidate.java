package org.tiqu.record;

import java.util.Objects;

import org.tiqu.text.Span;

/**
 * What an extractor proposes: a typed span with its value, the rule that found it
 * and that rule's priority. The resolver decides which candidates become mentions.
 */
public record Candidate(RecordType type, Span span, Value value, String rule, int priority) {

    public Candidate {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(rule, "rule");
        if (span.length() == 0) {
            throw new IllegalArgumentException("empty span from rule " + rule);
        }
    }
}
