package org.tiqu.audit;

/**
 * One problem the audit found.
 *
 * @param line the 1-based line of the records file, or 0 when the issue is about a whole document
 */
public record AuditIssue(Kind kind, String doc, int line, String message) {

    public enum Kind {
        /** The source named by the manifest is not there. */
        MISSING_SOURCE,
        /** The source's bytes are not the ones the records were made from. */
        SOURCE_CHANGED,
        /** The saved article text of an HTML source is missing or is not what the source gives. */
        TEXT_CHANGED,
        /** The source can no longer be decoded. */
        UNDECODABLE,
        /** The manifest names a records file that is not there. */
        MISSING_RECORDS,
        /** A line of a records file is not a well-formed record. */
        BAD_RECORD,
        /** A record's offsets fall outside its source. */
        OUT_OF_BOUNDS,
        /** A record's text is not the source slice at its offsets. */
        TEXT_MISMATCH,
        /** The manifest cannot be read at all. */
        BAD_MANIFEST,
        /** A manifest entry contradicts itself or points outside the output folder. */
        BAD_ENTRY,
        /** A records file is not the one the manifest recorded: its sha256 or its number of records differ. */
        RECORDS_CHANGED,
        /** A records or text file that no document of the manifest lists. */
        UNLISTED_FILE,
        /** Extracting the source again ({@code --deep}) gives other records than the records file holds. */
        EXTRACTION_DIFFERS
    }

    @Override
    public String toString() {
        return kind + " " + doc + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
