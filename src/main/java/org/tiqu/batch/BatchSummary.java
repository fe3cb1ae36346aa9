package org.tiqu.batch;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a batch.
 *
 * @param done          documents extracted in this run
 * @param skipped       documents left as they were (bytes, rules and options unchanged)
 * @param failedSources sources that could not be read or processed, by path
 * @param pruned        documents whose records were removed because their source is gone
 * @param recordsByType records of the documents of this run's inputs (done and skipped), by type
 * @param slowestSource the source that took longest to do or fail, or null when none was
 * @param slowest       how long it took, from reading it to writing its records
 */
public record BatchSummary(int done, int skipped, List<String> failedSources, int pruned,
                           Map<String, Integer> recordsByType, Duration elapsed, String slowestSource, Duration slowest) {

    public BatchSummary(int done, int skipped, List<String> failedSources, int pruned,
                        Map<String, Integer> recordsByType, Duration elapsed) {
        this(done, skipped, failedSources, pruned, recordsByType, elapsed, null, Duration.ZERO);
    }

    /** How many sources failed. */
    public int failed() {
        return failedSources.size();
    }

    /** {@code 1 document}, {@code 2 documents}, {@code 0 documents}. */
    public static String count(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }

    public int records() {
        return recordsByType.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public String toString() {
        // The slowest document is named when it took a while: where a long batch spent its time.
        return String.format("%s done, %d skipped, %d failed%s; %s %s; %.1f s%s",
                count(done, "document"), skipped, failed(), pruned > 0 ? ", " + pruned + " pruned" : "",
                count(records(), "record"), recordsByType, elapsed.toMillis() / 1000.0,
                slowestSource != null && slowest.toMillis() >= 1000
                        ? String.format(" (slowest: %s, %.1f s)", slowestSource, slowest.toMillis() / 1000.0) : "");
    }
}
