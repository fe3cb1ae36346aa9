package org.tiqu.review;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One reviewer's judgement of one record, as stored in {@code review.db}. The latest
 * verdict for a key is the one in force; earlier ones stay in the table as history.
 *
 * @param record    the record as it was when judged (as the output wrote it)
 * @param corrected the record as it should be (gold shape), for {@link Kind#CORRECTED}; else null
 * @param rule      the id of the rule that made the record
 * @param docSha256 the sha256 of the document's source when judged
 * @param rulesSha256 the digest of the rules the record was made with
 */
public record Verdict(long id, String doc, RecordKey key, Kind kind, ObjectNode record, ObjectNode corrected,
                      String rule, String reviewer, Instant at, String docSha256, String rulesSha256) {

    /** What a reviewer says of a record. */
    public enum Kind {
        /** The record is right in every field. */
        CORRECT,
        /** The record should not be there (nothing at that place is a record of its type). */
        WRONG,
        /** Something is there, but the record is wrong in a field or span; {@code corrected} holds it right. */
        CORRECTED;

        public String dbName() {
            return name().toLowerCase();
        }

        public static Kind of(String name) {
            for (Kind k : values()) {
                if (k.dbName().equals(name)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("verdict must be correct, wrong or corrected, not '" + name + "'");
        }
    }

    public Verdict {
        if ((kind == Kind.CORRECTED) != (corrected != null)) {
            throw new IllegalArgumentException("a corrected record goes with the verdict 'corrected' only");
        }
    }
}
