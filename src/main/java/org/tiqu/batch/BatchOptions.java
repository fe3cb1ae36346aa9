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
 */
public record BatchOptions(int threads, boolean prune, LocalDate referenceDate, boolean progressBar, Duration budget) {

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
    }

    public BatchOptions(int threads, boolean prune, LocalDate referenceDate, boolean progressBar) {
        this(threads, prune, referenceDate, progressBar, DEFAULT_BUDGET);
    }

    public static BatchOptions defaults() {
        return new BatchOptions(Runtime.getRuntime().availableProcessors(), false, null, false);
    }

    public BatchOptions withThreads(int n) {
        return new BatchOptions(n, prune, referenceDate, progressBar, budget);
    }

    public BatchOptions withReferenceDate(LocalDate date) {
        return new BatchOptions(threads, prune, date, progressBar, budget);
    }

    public BatchOptions withPrune(boolean p) {
        return new BatchOptions(threads, p, referenceDate, progressBar, budget);
    }

    public BatchOptions withBudget(Duration b) {
        return new BatchOptions(threads, prune, referenceDate, progressBar, b);
    }
}
