package org.tiqu.batch;

import java.time.Duration;
import java.util.Map;

/** The outcome of a batch: documents done and failed, records by type, time taken. */
public record BatchSummary(int done, int failed, Map<String, Integer> recordsByType, Duration elapsed) {

    public int records() {
        return recordsByType.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public String toString() {
        return String.format("%d documents done, %d failed; %d records %s; %.1f s",
                done, failed, records(), recordsByType, elapsed.toMillis() / 1000.0);
    }
}
