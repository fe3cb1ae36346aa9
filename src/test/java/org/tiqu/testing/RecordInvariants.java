package org.tiqu.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.tiqu.document.Document;
import org.tiqu.pipeline.DocumentResult;
import org.tiqu.record.Mention;
import org.tiqu.record.Record;

/**
 * The invariants every record must keep, whatever test produced it: offsets inside
 * the text, text equal to the source slice, a value of the right shape. Tests call
 * {@link #check} on every result they make.
 */
public final class RecordInvariants {

    private RecordInvariants() {
    }

    public static void check(DocumentResult result) {
        check(result.document(), result.records());
    }

    public static void check(Document document, List<Record> records) {
        int length = document.text().length();
        for (Record r : records) {
            assertTrue(r.span().end() <= length, () -> r + " ends beyond the text (" + length + ")");
            assertEquals(document.slice(r.span()), r.text(), () -> r + " is not grounded");
            assertEquals(document.id(), r.doc());
            assertNotNull(r.provenance().rule(), () -> r + " has no rule");
            if (r instanceof Mention m) {
                assertTrue(!m.value().asMap().isEmpty(), () -> r + " has an empty value");
            }
        }
        for (int i = 0; i < records.size(); i++) {
            for (int j = i + 1; j < records.size(); j++) {
                Record a = records.get(i);
                Record b = records.get(j);
                if (a instanceof Mention && b instanceof Mention) {
                    assertTrue(!a.span().overlaps(b.span()), () -> "overlapping mentions " + a + " and " + b);
                }
            }
        }
    }
}
