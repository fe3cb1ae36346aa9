package org.tiqu.api;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;

import org.tiqu.source.JsonlDocument;

/**
 * How {@link Tiqu} reads documents: the options of {@code tiqu extract} that change records.
 *
 * @param referenceDate the date relative expressions (今年, 去年, 今天) resolve against, as
 *                      {@code --reference-date}; null to infer it from each document
 * @param timeBudget    the longest one document may take before it is stopped and reported
 *                      failed (as {@code --time-budget}); 2 minutes by default
 * @param idField       the field of a JSONL line holding its id ({@code id})
 * @param textField     the field of a JSONL line holding its text ({@code text})
 */
public record Options(LocalDate referenceDate, Duration timeBudget, String idField, String textField) {

    /** The command line's default budget per document. */
    public static final Duration DEFAULT_BUDGET = Duration.ofMinutes(2);

    public Options {
        Objects.requireNonNull(timeBudget, "timeBudget");
        Objects.requireNonNull(idField, "idField");
        Objects.requireNonNull(textField, "textField");
        if (timeBudget.isNegative() || timeBudget.isZero()) {
            throw new IllegalArgumentException("the time budget must be positive, not " + timeBudget);
        }
    }

    /** No reference date, a budget of 2 minutes, JSONL fields {@code id} and {@code text}. */
    public static Options defaults() {
        return new Options(null, DEFAULT_BUDGET, JsonlDocument.DEFAULT_ID_FIELD, JsonlDocument.DEFAULT_TEXT_FIELD);
    }

    /** These options with {@code date} as the reference date (null: inferred per document). */
    public Options withReferenceDate(LocalDate date) {
        return new Options(date, timeBudget, idField, textField);
    }

    /** These options with another time budget per document. */
    public Options withTimeBudget(Duration budget) {
        return new Options(referenceDate, budget, idField, textField);
    }

    /** These options with other JSONL field names. */
    public Options withFields(String id, String text) {
        return new Options(referenceDate, timeBudget, id, text);
    }
}
