package org.tiqu.source;

import java.nio.file.Path;

/**
 * A source document decoded to text.
 *
 * @param id       the document id: the file name without its extension
 * @param path     where the bytes came from
 * @param text     the decoded text, BOM dropped, nothing else changed
 * @param encoding {@code UTF-8} or {@code GB18030}
 * @param sha256   hex digest of the bytes as read, identifying this version
 * @param hadBom   whether a UTF-8 byte order mark was dropped
 */
public record SourceText(String id, Path path, String text, String encoding, String sha256, boolean hadBom) {
}
