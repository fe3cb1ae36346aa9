package org.tiqu.review;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the review needs of a manifest entry: where the document's text and records are,
 * and what they were made from. Read field by field from the manifest's JSON, so entries
 * that carry more fields (counts, digests of the records file) read the same.
 *
 * @param source  the source file, relative to the output folder where possible
 * @param sha256  the sha256 of the source bytes the records were made from
 * @param text    the saved article text of an HTML source (relative to the output folder), or null
 * @param records the records file, relative to the output folder
 */
public record DocumentRef(String id, String source, String sha256, String text, String records, String rulesSha256,
                          String codeSha256) {

    /** The document of a manifest entry that was extracted; null for a failed entry. */
    public static DocumentRef of(JsonNode entry) {
        if (!"ok".equals(entry.path("status").asText()) || !entry.hasNonNull("doc") || !entry.hasNonNull("records")) {
            return null;
        }
        return new DocumentRef(entry.get("doc").asText(), text(entry, "source"), text(entry, "sha256"),
                text(entry, "text"), entry.get("records").asText(), text(entry, "rules_sha256"), text(entry, "code_sha256"));
    }

    private static String text(JsonNode o, String field) {
        return o.hasNonNull(field) ? o.get(field).asText() : null;
    }
}
