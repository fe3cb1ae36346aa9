package org.tiqu.batch;

import java.time.LocalDate;

/**
 * How a batch runs.
 *
 * @param threads       worker threads sharing the one pipeline (at least 1)
 * @param prune         remove the records of sources that no longer exist
 * @param referenceDate the date relative expressions resolve against, or null to infer it per document
 * @param progressBar   draw a progress bar (on a terminal) rather than log lines
 */
public record BatchOptions(int threads, boolean prune, LocalDate referenceDate, boolean progressBar) {

    public BatchOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
    }

    public static BatchOptions defaults() {
        return new BatchOptions(Runtime.getRuntime().availableProcessors(), false, null, false);
    }

    public BatchOptions withThreads(int n) {
        return new BatchOptions(n, prune, referenceDate, progressBar);
    }

    public BatchOptions withReferenceDate(LocalDate date) {
        return new BatchOptions(threads, prune, date, progressBar);
    }

    public BatchOptions withPrune(boolean p) {
        return new BatchOptions(threads, p, referenceDate, progressBar);
    }
}
