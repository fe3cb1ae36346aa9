package org.tiqu.rules;

import java.time.LocalDate;

import org.tiqu.record.RecordType;

/** A text in which the pipeline must produce no record of {@code type}. */
public record CounterExample(String text, RecordType type, LocalDate referenceDate) {
}
