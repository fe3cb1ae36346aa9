package org.tiqu.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One example of a rule: a text and the records the pipeline must produce from it.
 * Each expectation is a map with {@code text} and optionally {@code type}, {@code value},
 * {@code rule} and, for metrics, any METRIC field.
 */
public record Example(String text, LocalDate referenceDate, List<Map<String, Object>> expect) {
}
