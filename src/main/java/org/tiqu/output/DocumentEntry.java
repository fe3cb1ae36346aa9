package org.tiqu.output;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.tiqu.document.ReferenceTime;

/**
 * What the manifest says of one input file. A later run skips the file when its bytes
 * ({@code sha256}), the rules ({@code rules_sha256}) and the {@code --reference-date}
 * given are all unchanged.
 *
 * @param doc      the document id: the source's path relative to its input folder, without its
 *                 extension ({@code 2024/01/index}; with it when two files of a folder share a
 *                 name: {@code x.txt}, {@code x.html}); null when the file was refused
 * @param source   the input's path, relative to the output folder where possible
 * @param sha256   digest of the input bytes (of a JSONL document: of its line, without the line end)
 * @param line     for a document of a JSONL corpus, its line in {@code source} (from 1); null otherwise
 * @param format   {@code text}, {@code html} or {@code jsonl}
 * @param encoding {@code UTF-8}, {@code GB18030}, {@code UTF-16LE} or {@code UTF-16BE}; null when not decoded
 * @param bom      whether a byte order mark was dropped
 * @param encodingNote how the encoding was chosen when the bytes did not say it for certain: declared
 *                 by an HTML page, detected (with its confidence; "low confidence" below 50 of 100),
 *                 UTF-16 without a byte order mark; null otherwise
 * @param offsets  what record offsets count code points of: {@code source} (the decoded
 *                 source) or {@code text} (the article text extracted from HTML, saved in {@code text})
 * @param textField for a JSONL document, the field its text was taken from: offsets count code
 *                 points of that string, saved as {@code text}; null otherwise
 * @param text     the extracted text file, relative to the output folder; null for plain text sources
 * @param status   {@code ok} or {@code failed}
 * @param records  the records file, relative to the output folder; null when failed
 * @param recordsSha256 digest of the records file's bytes, which the audit checks; null when failed
 * @param counts   records by type
 * @param reference the time relative dates were resolved against, and how it was found; null when failed
 * @param rulesSha256   digest of the rules set these records were made with
 * @param codeSha256    digest of the tiqu code that made them
 * @param referenceDate the {@code --reference-date} given, or null
 * @param error    why the file failed, or null
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"doc", "source", "line", "sha256", "format", "encoding", "bom", "encoding_note", "offsets", "text_field", "text", "status",
        "records", "records_sha256", "counts", "reference", "rules_sha256", "code_sha256", "reference_date", "error"})
public record DocumentEntry(
        @JsonProperty("doc") String doc,
        @JsonProperty("source") String source,
        @JsonProperty("line") @JsonInclude(JsonInclude.Include.NON_NULL) Integer line,
        @JsonProperty("sha256") String sha256,
        @JsonProperty("format") String format,
        @JsonProperty("encoding") String encoding,
        @JsonProperty("bom") boolean bom,
        @JsonProperty("encoding_note") @JsonInclude(JsonInclude.Include.NON_NULL) String encodingNote,
        @JsonProperty("offsets") String offsets,
        @JsonProperty("text_field") @JsonInclude(JsonInclude.Include.NON_NULL) String textField,
        @JsonProperty("text") String text,
        @JsonProperty("status") String status,
        @JsonProperty("records") String records,
        @JsonProperty("records_sha256") String recordsSha256,
        @JsonProperty("counts") Map<String, Integer> counts,
        @JsonProperty("reference") ReferenceTime reference,
        @JsonProperty("rules_sha256") String rulesSha256,
        @JsonProperty("code_sha256") String codeSha256,
        @JsonProperty("reference_date") String referenceDate,
        @JsonProperty("error") String error) {

    public static final String OK = "ok";
    public static final String FAILED = "failed";
    public static final String FORMAT_TEXT = "text";
    public static final String FORMAT_HTML = "html";
    public static final String FORMAT_JSONL = "jsonl";
    public static final String OFFSETS_SOURCE = "source";
    public static final String OFFSETS_TEXT = "text";

    /** An entry of a file that is one document (not a line of a JSONL corpus). */
    public DocumentEntry(String doc, String source, String sha256, String format, String encoding, boolean bom,
                         String offsets, String text, String status, String records, String recordsSha256,
                         Map<String, Integer> counts, ReferenceTime reference, String rulesSha256, String codeSha256,
                         String referenceDate, String error) {
        this(doc, source, null, sha256, format, encoding, bom, null, offsets, null, text, status, records, recordsSha256,
                counts, reference, rulesSha256, codeSha256, referenceDate, error);
    }

    /** An entry without the records file's digest (as written before it was kept). */
    public DocumentEntry(String doc, String source, String sha256, String format, String encoding, boolean bom,
                         String offsets, String text, String status, String records, Map<String, Integer> counts,
                         ReferenceTime reference, String rulesSha256, String codeSha256, String referenceDate,
                         String error) {
        this(doc, source, sha256, format, encoding, bom, offsets, text, status, records, null, counts, reference,
                rulesSha256, codeSha256, referenceDate, error);
    }

    /**
     * What tells this entry from every other of its manifest: the source, and for a line of a
     * JSONL corpus its line number too (padded, so that lines sort in order).
     */
    @JsonIgnore
    public String key() {
        return keyOf(source, line);
    }

    public static String keyOf(String source, Integer line) {
        return line == null ? source : source + "\u0000" + String.format("%010d", line);
    }

    /** This entry with {@code line} and {@code textField} set: a document of a JSONL corpus. */
    public DocumentEntry inCorpus(int lineNumber, String field) {
        return new DocumentEntry(doc, source, lineNumber, sha256, format, encoding, bom, encodingNote, offsets, field, text,
                status, records, recordsSha256, counts, reference, rulesSha256, codeSha256, referenceDate, error);
    }

    /** This entry with {@code note} on how its encoding was chosen. */
    public DocumentEntry withEncodingNote(String note) {
        return new DocumentEntry(doc, source, line, sha256, format, encoding, bom, note, offsets, textField, text,
                status, records, recordsSha256, counts, reference, rulesSha256, codeSha256, referenceDate, error);
    }

    /** How many records the document has: the sum of its counts by type. */
    @JsonIgnore
    public int recordCount() {
        return counts == null ? 0 : counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    @JsonIgnore
    public boolean ok() {
        return OK.equals(status);
    }

    public static DocumentEntry failed(String doc, String source, String sha256, String format, String error) {
        return new DocumentEntry(doc, source, sha256, format, null, false, null, null, FAILED, null, null, Map.of(),
                null, null, null, null, error);
    }
}
