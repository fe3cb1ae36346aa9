package org.tiqu.record;

import java.util.Objects;

import org.tiqu.text.Span;

/**
 * A metric statement: an indicator with its value (or only a change), period,
 * subject and modality. The span is the evidence, from the indicator's first
 * character to the end of the last value or change that belongs to it.
 *
 * @param value    the value of the MONEY, QUANTITY or PERCENT mention, or null for a bare change
 * @param change   a PERCENT value plus {@code direction} and {@code basis}, or null
 * @param modality {@code actual}, {@code target} or {@code plan}
 * @param subjectEvidence the code-point span of the words that gave the subject, or null when no text did
 * @param periodEvidence  the code-point span of the date that gave the period, or null when no text did
 */
public record Metric(String doc, Span span, String text, String indicator, String subject, String period,
                     Value value, Value change, String modality, Provenance provenance,
                     Span subjectEvidence, Span periodEvidence) implements Record {

    /** A metric whose subject and period no text gave (or nobody asked which). */
    public Metric(String doc, Span span, String text, String indicator, String subject, String period,
                  Value value, Value change, String modality, Provenance provenance) {
        this(doc, span, text, indicator, subject, period, value, change, modality, provenance, null, null);
    }

    public Metric {
        Objects.requireNonNull(doc, "doc");
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(modality, "modality");
        if (value == null && change == null) {
            throw new IllegalArgumentException("a metric needs a value or a change: " + text);
        }
    }

    @Override
    public RecordType type() {
        return RecordType.METRIC;
    }
}
