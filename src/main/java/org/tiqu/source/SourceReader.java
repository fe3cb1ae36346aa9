package org.tiqu.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Bytes to text: UTF-8 when the bytes are valid UTF-8, else GB18030 when they are
 * valid GB18030; a leading UTF-8 BOM dropped; nothing else changed. A file that starts
 * with a UTF-16 byte order mark (what Windows Notepad writes as "Unicode") is UTF-16, its
 * mark dropped; UTF-16 without a mark is not guessed at and is refused as binary.
 */
public final class SourceReader {

    public static final String UTF_8 = "UTF-8";
    public static final String GB18030 = "GB18030";
    public static final String UTF_16LE = "UTF-16LE";
    public static final String UTF_16BE = "UTF-16BE";

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** Share of control characters above which decoded text is taken for binary data. */
    private static final double MAX_CONTROL_SHARE = 0.01;

    public SourceText read(Path path) throws SourceException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new SourceException(path, SourceException.Reason.UNREADABLE, "cannot read: " + e.getMessage());
        }
        return decode(idOf(path), path, bytes);
    }

    public SourceText decode(String id, Path path, byte[] bytes) throws SourceException {
        String sha256 = sha256(bytes);
        SourceText utf16 = decodeUtf16(id, path, bytes, sha256);
        if (utf16 != null) {
            return utf16;
        }
        boolean bom = startsWith(bytes, UTF8_BOM);
        int offset = bom ? UTF8_BOM.length : 0;
        if (bytes.length - offset == 0) {
            throw new SourceException(path, SourceException.Reason.EMPTY, "empty file");
        }
        for (int i = offset; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new SourceException(path, SourceException.Reason.BINARY,
                        "binary file (NUL byte at offset " + i + "; UTF-16 text needs a byte order mark, or save it as UTF-8)");
            }
        }
        String encoding = UTF_8;
        String text = strictDecode(bytes, offset, StandardCharsets.UTF_8);
        if (text == null) {
            if (bom) {
                throw new SourceException(path, SourceException.Reason.UNKNOWN_ENCODING,
                        "starts with a UTF-8 byte order mark but is not valid UTF-8");
            }
            encoding = GB18030;
            text = strictDecode(bytes, 0, Charset.forName(GB18030));
            if (text == null) {
                throw new SourceException(path, SourceException.Reason.UNKNOWN_ENCODING,
                        "neither valid UTF-8 nor valid GB18030");
            }
        }
        if (isMostlyControl(text)) {
            throw new SourceException(path, SourceException.Reason.BINARY,
                    "binary file (too many control characters for " + encoding + " text)");
        }
        if (text.isBlank()) {
            throw new SourceException(path, SourceException.Reason.EMPTY, "only white space");
        }
        return new SourceText(id, path, text, encoding, sha256, bom);
    }

    /** UTF-16 text, when {@code bytes} start with its byte order mark; else null. */
    private SourceText decodeUtf16(String id, Path path, byte[] bytes, String sha256) throws SourceException {
        String encoding;
        if (startsWith(bytes, new byte[] {(byte) 0xFF, (byte) 0xFE})) {
            encoding = UTF_16LE;
        } else if (startsWith(bytes, new byte[] {(byte) 0xFE, (byte) 0xFF})) {
            encoding = UTF_16BE;
        } else {
            return null;
        }
        if (bytes.length == 2) {
            throw new SourceException(path, SourceException.Reason.EMPTY, "empty file");
        }
        String text = strictDecode(bytes, 2, Charset.forName(encoding));
        if (text == null) {
            throw new SourceException(path, SourceException.Reason.UNKNOWN_ENCODING,
                    "starts with a " + encoding + " byte order mark but is not valid " + encoding);
        }
        if (text.indexOf('\0') >= 0 || isMostlyControl(text)) {
            throw new SourceException(path, SourceException.Reason.BINARY,
                    "binary file (too many control characters for " + encoding + " text)");
        }
        if (text.isBlank()) {
            throw new SourceException(path, SourceException.Reason.EMPTY, "only white space");
        }
        return new SourceText(id, path, text, encoding, sha256, true);
    }

    /** The document id of a file given alone: its name without the last extension. */
    public static String idOf(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static String strictDecode(byte[] bytes, int offset, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isMostlyControl(String text) {
        long control = text.chars()
                .filter(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f')
                .count();
        return control > Math.max(2, text.length() * MAX_CONTROL_SHARE);
    }
}
