package org.tiqu.source;

import java.nio.file.Path;

/**
 * A source document decoded to text.
 *
 * @param id       the document id: the file name without its extension
 * @param path     where the bytes came from
 * @param text     the decoded text, BOM dropped, nothing else changed
 * @param encoding {@code UTF-8}, {@code GB18030}, {@code UTF-16LE} or {@code UTF-16BE}
 * @param sha256   hex digest of the bytes as read, identifying this version
 * @param hadBom   whether a byte order mark (UTF-8 or UTF-16) was dropped
 */
public record SourceText(String id, Path path, String text, String encoding, String sha256, boolean hadBom) {
}
