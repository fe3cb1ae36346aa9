package org.tiqu.batch;

import java.time.Duration;
import java.time.LocalDate;

/**
 * How a batch runs.
 *
 * @param threads       worker threads sharing the one pipeline (at least 1)
 * @param prune         remove the records of sources that no longer exist
 * @param referenceDate the date relative expressions resolve against, or null to infer it per document
 * @param progressBar   draw a progress bar (on a terminal) rather than log lines
 * @param budget        the time one document may take before it is stopped and reported failed
 * @param idField       the field of a JSONL line that holds its document's id
 * @param textField     the field of a JSONL line that holds its document's text
 */
public record BatchOptions(int threads, boolean prune, LocalDate referenceDate, boolean progressBar, Duration budget,
                           String idField, String textField) {

    /**
     * Generous: a 10 MB document takes tens of seconds; what the budget catches is a rule
     * backtracking without end, which would otherwise hold a worker for good.
     */
    public static final Duration DEFAULT_BUDGET = Duration.ofMinutes(2);

    public BatchOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        if (budget == null || budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("the time budget must be positive, not " + budget);
        }
        java.util.Objects.requireNonNull(idField, "idField");
        java.util.Objects.requireNonNull(textField, "textField");
    }

    public BatchOptions(int threads, boolean prune, LocalDate referenceDate, boolean progressBar, Duration budget) {
        this(threads, prune, referenceDate, progressBar, budget, org.tiqu.source.JsonlDocument.DEFAULT_ID_FIELD,
                org.tiqu.source.JsonlDocument.DEFAULT_TEXT_FIELD);
    }

    public BatchOptions(int threads, boolean prune, LocalDate referenceDate, boolean progressBar) {
        this(threads, prune, referenceDate, progressBar, DEFAULT_BUDGET);
    }

    public static BatchOptions defaults() {
        return new BatchOptions(Runtime.getRuntime().availableProcessors(), false, null, false);
    }

    public BatchOptions withThreads(int n) {
        return new BatchOptions(n, prune, referenceDate, progressBar, budget, idField, textField);
    }

    public BatchOptions withReferenceDate(LocalDate date) {
        return new BatchOptions(threads, prune, date, progressBar, budget, idField, textField);
    }

    public BatchOptions withPrune(boolean p) {
        return new BatchOptions(threads, p, referenceDate, progressBar, budget, idField, textField);
    }

    public BatchOptions withBudget(Duration b) {
        return new BatchOptions(threads, prune, referenceDate, progressBar, b, idField, textField);
    }

    public BatchOptions withFields(String id, String text) {
        return new BatchOptions(threads, prune, referenceDate, progressBar, budget, id, text);
    }
}
