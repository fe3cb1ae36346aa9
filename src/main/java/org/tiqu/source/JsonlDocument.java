package org.tiqu.source;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One document of a JSONL corpus: a line holding a JSON object with the document's id and text
 * ({@code {"id": "…", "text": "…"}}; other names with {@code --id-field}, {@code --text-field}).
 * Offsets count code points of the text value as JSON decodes it ({@code \n} escapes are line
 * breaks), which the batch saves as {@code text/<doc>.txt}.
 *
 * @param id   the id field (a string or a number), or the fallback id when the line has none
 * @param text the text field
 */
public record JsonlDocument(String id, String text) {

    public static final String DEFAULT_ID_FIELD = "id";
    public static final String DEFAULT_TEXT_FIELD = "text";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The document of {@code line}.
     *
     * @param idField    the field of the id; null to take {@code fallbackId} (the audit knows the id)
     * @param fallbackId the id when the line has no id field ({@code <file>#<line>})
     * @throws SourceException when the line is not a JSON object, or its text field is missing,
     *         not a string, or blank
     */
    public static JsonlDocument parse(Path file, JsonlLines.Line line, String idField, String textField,
                                      String fallbackId) throws SourceException {
        String where = "line " + line.number();
        JsonNode node;
        try {
            node = JSON.readTree(line.bytes());
        } catch (JsonParseException e) {
            throw new SourceException(file, SourceException.Reason.MALFORMED,
                    where + ": not JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new SourceException(file, SourceException.Reason.MALFORMED, where + ": not JSON (" + e.getMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new SourceException(file, SourceException.Reason.MALFORMED, where + ": not a JSON object");
        }
        JsonNode text = node.get(textField);
        if (text == null || text.isNull()) {
            throw new SourceException(file, SourceException.Reason.MALFORMED,
                    where + ": no \"" + textField + "\" field (--text-field names another)");
        }
        if (!text.isTextual()) {
            throw new SourceException(file, SourceException.Reason.MALFORMED,
                    where + ": \"" + textField + "\" is not a string");
        }
        if (text.asText().isBlank()) {
            throw new SourceException(file, SourceException.Reason.EMPTY, where + ": \"" + textField + "\" is blank");
        }
        JsonNode id = idField == null ? null : node.get(idField);
        String docId;
        if (id == null || id.isNull()) {
            docId = fallbackId;
        } else if (id.isTextual() || id.isIntegralNumber()) {
            docId = id.asText();
        } else {
            throw new SourceException(file, SourceException.Reason.MALFORMED,
                    where + ": \"" + idField + "\" is neither a string nor a whole number");
        }
        return new JsonlDocument(docId, text.asText());
    }

    /** The id of a line without an id field: the file's name without {@code .jsonl[.gz]}, {@code #}, the line number. */
    public static String fallbackId(String fileId, int line) {
        return fileId + "#" + line;
    }
}
