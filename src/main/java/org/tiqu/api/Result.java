package org.tiqu.api;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What {@link Tiqu} made of one document: its records as the JSON lines {@code tiqu extract}
 * writes to {@code records/<doc>.jsonl} (byte for byte), and what the manifest says of it.
 * Immutable; safe to hand between threads.
 */
public final class Result {

    private final String id;
    private final String format;
    private final String sha256;
    private final String encoding;
    private final boolean bom;
    private final String encodingNote;
    private final String text;
    private final Status status;
    private final String error;
    private final byte[] records;
    private final String recordsSha256;
    private final Map<String, Integer> counts;
    private final Reference reference;
    private final String rulesSha256;
    private final String codeSha256;

    Result(String id, String format, String sha256, String encoding, boolean bom, String encodingNote, String text,
           Status status, String error, byte[] records, String recordsSha256, Map<String, Integer> counts,
           Reference reference, String rulesSha256, String codeSha256) {
        this.id = id;
        this.format = format;
        this.sha256 = sha256;
        this.encoding = encoding;
        this.bom = bom;
        this.encodingNote = encodingNote;
        this.text = text;
        this.status = status;
        this.error = error;
        this.records = records;
        this.recordsSha256 = recordsSha256;
        this.counts = counts;
        this.reference = reference;
        this.rulesSha256 = rulesSha256;
        this.codeSha256 = codeSha256;
    }

    static Result failed(String id, String format, String sha256, String error, String rulesSha256, String codeSha256) {
        return new Result(id, format, sha256, null, false, null, null, Status.FAILED, error, new byte[0], null, Map.of(),
                null, rulesSha256, codeSha256);
    }

    /** The document id: the one given, or a JSONL line's own id. */
    public String id() {
        return id;
    }

    /** {@code text}, {@code html} or {@code jsonl}: how the bytes were read. */
    public String format() {
        return format;
    }

    /** The sha256 of the bytes given (of a JSONL line: the line's), in hex; null only when the bytes were null. */
    public String sha256() {
        return sha256;
    }

    /** The charset the bytes were decoded with ({@code UTF-8}, {@code GB18030}, {@code Big5}…); null when failed. */
    public String encoding() {
        return encoding;
    }

    /** Whether a byte order mark was dropped. */
    public boolean bom() {
        return bom;
    }

    /** How a guessed encoding was chosen, or null when it was certain. */
    public String encodingNote() {
        return encodingNote;
    }

    /**
     * The text the offsets count code points of, for an HTML page (its article text) or a JSONL
     * line (its text value), as {@code tiqu extract} saves it to {@code text/<doc>.txt}; null for
     * plain text, whose offsets count the decoded bytes, and when failed.
     */
    public String text() {
        return text;
    }

    public Status status() {
        return status;
    }

    /** Whether the records were made. */
    public boolean ok() {
        return status == Status.OK;
    }

    /** Why the document failed, as the manifest says it; null when ok. */
    public String error() {
        return error;
    }

    /** The records as UTF-8 JSON lines, one record a line in text order (a copy; empty when none or failed). */
    public byte[] records() {
        return records.clone();
    }

    /** The records as a string of JSON lines. */
    public String recordsText() {
        return new String(records, StandardCharsets.UTF_8);
    }

    /** Writes the records' bytes to {@code out} (without a copy). */
    public void writeRecords(OutputStream out) throws IOException {
        out.write(records);
    }

    /** The length of the records in bytes. */
    public int recordsLength() {
        return records.length;
    }

    /** The sha256 of {@link #records()}, in hex (the manifest's {@code records_sha256}); null when failed. */
    public String recordsSha256() {
        return recordsSha256;
    }

    /** Records by type ({@code ORG}, {@code MONEY}, … {@code METRIC}), in the order types first occur; empty when failed. */
    public Map<String, Integer> counts() {
        return counts;
    }

    /** The number of records. */
    public int recordCount() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The reference time relative dates were resolved against; null when failed. */
    public Reference reference() {
        return reference;
    }

    /** The sha256 of the rules that made the records. */
    public String rulesSha256() {
        return rulesSha256;
    }

    /** The sha256 of tiqu's code that made the records. */
    public String codeSha256() {
        return codeSha256;
    }

    @Override
    public String toString() {
        return "Result[" + id + ", " + status.label() + (error == null ? ", " + counts : ", " + error) + "]";
    }
}
