package org.tiqu.source;

import java.nio.file.Path;

/**
 * A source document decoded to text.
 *
 * @param id       the document id: the file name without its extension
 * @param path     where the bytes came from
 * @param text     the decoded text, BOM dropped, nothing else changed
 * @param encoding the charset the bytes were decoded with: {@code UTF-8}, {@code GB18030},
 *                 {@code Big5}, {@code Big5-HKSCS}, {@code UTF-16LE}, {@code UTF-16BE}, or one an
 *                 HTML page declared
 * @param sha256   hex digest of the bytes as read, identifying this version
 * @param hadBom   whether a byte order mark (UTF-8 or UTF-16) was dropped
 * @param encodingNote how the encoding was chosen when it was not certain (declared by the page,
 *                 detected with low confidence, UTF-16 without a mark), or null
 */
public record SourceText(String id, Path path, String text, String encoding, String sha256, boolean hadBom,
                         String encodingNote) {

    public SourceText(String id, Path path, String text, String encoding, String sha256, boolean hadBom) {
        this(id, path, text, encoding, sha256, hadBom, null);
    }
}
