package org.tiqu.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verdicts against re-extracted records: kept, applied by key, stale when the record or source changed. */
class DocumentReviewTest {

    @TempDir
    Path out;

    @Test
    void verdictsFollowTheirRecordsAndGoStaleWhenTheyChange() throws Exception {
        JsonNode money = ReviewDatabaseTest.record(ReviewDatabaseTest.MONEY);
        JsonNode metric = ReviewDatabaseTest.record(ReviewDatabaseTest.METRIC);
        try (ReviewDatabase db = ReviewDatabase.open(out)) {
            db.save("d", money, Verdict.Kind.CORRECT, null, "ann", "sha1", "rules");
            db.save("d", metric, Verdict.Kind.WRONG, null, "ann", "sha1", "rules");
            List<Verdict> current = db.current("d");

            DocumentReview same = DocumentReview.of("sha1", List.of(metric, money), current);
            assertEquals(2, same.reviewed());
            assertTrue(same.complete());
            assertEquals(0, same.stale());

            ObjectNode reread = money.deepCopy();
            reread.put("rule", "money.renamed");
            reread.put("sentence", 7);
            assertTrue(DocumentReview.of("sha1", List.of(metric, reread), current).complete(),
                    "provenance fields are not what a verdict judges");

            ObjectNode revalued = money.deepCopy();
            revalued.putObject("value").put("amount", "137200000").put("currency", "CNY");
            DocumentReview changed = DocumentReview.of("sha1", List.of(metric, revalued), current);
            DocumentReview.Item item = changed.items().get(1);
            assertEquals(DocumentReview.State.STALE, item.state());
            assertEquals(DocumentReview.RECORD_CHANGED, item.staleReason());
            assertFalse(changed.complete());

            DocumentReview newSource = DocumentReview.of("sha2", List.of(metric, money), current);
            assertEquals(DocumentReview.SOURCE_CHANGED, newSource.items().get(0).staleReason());
            assertEquals(2, newSource.stale());

            ObjectNode otherValue = metric.deepCopy();
            otherValue.putObject("value").put("amount", "5").put("currency", "CNY");
            DocumentReview gone = DocumentReview.of("sha1", List.of(otherValue, money), current);
            assertEquals(DocumentReview.State.UNREVIEWED, gone.items().get(0).state(),
                    "a metric with another value is another record");
            assertEquals(1, gone.orphans().size(), "the verdict on the metric that is gone is kept");
            assertEquals(Verdict.Kind.WRONG, gone.orphans().get(0).kind());
            assertEquals(1, gone.stale());
        }
    }
}
