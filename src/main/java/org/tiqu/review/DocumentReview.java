package org.tiqu.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A document's current records beside the verdicts in force for it. A verdict applies to
 * the record with its key; it is <em>stale</em> when the source's sha256 is no longer the
 * one it was given on, or when the record now says something else in a judged field.
 * A verdict whose record is gone from the output (re-extraction dropped or moved it) is an
 * <em>orphan</em>: stale too, and kept and shown, never dropped.
 */
public final class DocumentReview {

    /** Where a record stands. */
    public enum State { UNREVIEWED, REVIEWED, STALE }

    /**
     * One current record and its verdict.
     *
     * @param index       the record's line among the document's records (0-based)
     * @param verdict     the verdict in force for its key, or null
     * @param staleReason why that verdict no longer holds, or null when it does
     */
    public record Item(int index, JsonNode record, RecordKey key, Verdict verdict, String staleReason) {
        public State state() {
            return verdict == null ? State.UNREVIEWED : staleReason == null ? State.REVIEWED : State.STALE;
        }
    }

    public static final String SOURCE_CHANGED = "the source changed since this verdict";
    public static final String RECORD_CHANGED = "the record changed since this verdict";
    public static final String RECORD_GONE = "the record is no longer in the output";

    private final List<Item> items;
    private final List<Verdict> orphans;

    private DocumentReview(List<Item> items, List<Verdict> orphans) {
        this.items = List.copyOf(items);
        this.orphans = List.copyOf(orphans);
    }

    /**
     * @param sourceSha256 the sha256 of the source the current records were made from
     * @param records      the current records, in file order
     * @param current      the verdicts in force for the document
     */
    public static DocumentReview of(String sourceSha256, List<JsonNode> records, List<Verdict> current) {
        Map<RecordKey, Verdict> byKey = new HashMap<>();
        current.forEach(v -> byKey.put(v.key(), v));
        Set<RecordKey> used = new HashSet<>();
        List<Item> items = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            JsonNode r = records.get(i);
            RecordKey key = RecordKey.of(r);
            Verdict v = byKey.get(key);
            String stale = null;
            if (v != null) {
                used.add(key);
                if (!v.docSha256().equals(sourceSha256)) {
                    stale = SOURCE_CHANGED;
                } else if (!AnnotationShape.sameJudgedFields(v.record(), r)) {
                    stale = RECORD_CHANGED;
                }
            }
            items.add(new Item(i, r, key, v, stale));
        }
        List<Verdict> orphans = current.stream().filter(v -> !used.contains(v.key())).toList();
        return new DocumentReview(items, orphans);
    }

    public List<Item> items() {
        return items;
    }

    /** Verdicts whose record is no longer in the output. */
    public List<Verdict> orphans() {
        return orphans;
    }

    /** Records with a verdict that holds. */
    public int reviewed() {
        return (int) items.stream().filter(i -> i.state() == State.REVIEWED).count();
    }

    /** Verdicts that no longer hold: on changed records or sources, and orphans. */
    public int stale() {
        return (int) items.stream().filter(i -> i.state() == State.STALE).count() + orphans.size();
    }

    /** Every record has a verdict that holds: the document can become gold. */
    public boolean complete() {
        return items.stream().allMatch(i -> i.state() == State.REVIEWED);
    }
}
