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
 * Bytes to text, offsets counting code points of what this gives, so every choice is made the
 * same way on every run (the audit decodes again and must find the same text):
 * <ol>
 * <li>a byte order mark says UTF-8, UTF-16LE or UTF-16BE (the mark is dropped);</li>
 * <li>bytes that are valid UTF-8 are UTF-8 (legacy Chinese text is almost never valid UTF-8, and
 *     a page that declares gb2312 but was saved as UTF-8 is common);</li>
 * <li>an HTML page's declared charset ({@code <meta charset>}), when its bytes decode in it;</li>
 * <li>UTF-16 without a mark, when its characters say so;</li>
 * <li>NUL bytes otherwise mean binary data, refused;</li>
 * <li>GB18030 (GB2312, GBK) or Big5, as ICU4J's detector rates them.</li>
 * </ol>
 * Choices 3, 4 and 6 are noted ({@link SourceText#encodingNote()}), a low confidence saying so.
 * See {@link CharsetChoice} for the measurements behind them.
 */
public final class SourceReader {

    public static final String UTF_8 = "UTF-8";
    public static final String GB18030 = "GB18030";
    public static final String BIG5 = "Big5";
    public static final String BIG5_HKSCS = "Big5-HKSCS";
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

    /** Plain text: no declared charset is looked for. */
    public SourceText decode(String id, Path path, byte[] bytes) throws SourceException {
        return decode(id, path, bytes, false);
    }

    /**
     * {@code bytes} as text.
     *
     * @param html whether the bytes are an HTML page, whose {@code <meta charset>} is honoured
     */
    public SourceText decode(String id, Path path, byte[] bytes, boolean html) throws SourceException {
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
        String encoding = UTF_8;
        String note = null;
        String text = hasNul(bytes, offset) ? null : strictDecode(bytes, offset, StandardCharsets.UTF_8);
        if (text == null && bom) {
            throw new SourceException(path, SourceException.Reason.UNKNOWN_ENCODING,
                    "starts with a UTF-8 byte order mark but is not valid UTF-8");
        }
        String declared = html ? CharsetChoice.declared(bytes) : null;
        if (text != null && declared != null && !declared.equals(UTF_8) && !isAscii(bytes)) {
            note = "declared " + CharsetChoice.declaredAsWritten(bytes) + ", but the bytes are UTF-8";
        }
        if (text == null && declared != null && !declared.equals(UTF_8)) {
            text = strictDecode(bytes, 0, Charset.forName(declared));
            if (text == null && declared.equals(BIG5)) {
                declared = BIG5_HKSCS;
                text = strictDecode(bytes, 0, Charset.forName(declared));
            }
            if (text != null) {
                encoding = declared;
                note = "declared by the page (" + CharsetChoice.declaredAsWritten(bytes) + ")";
            } else {
                note = "declared " + CharsetChoice.declaredAsWritten(bytes) + ", but the bytes are not " + declared + "; ";
            }
        }
        if (text == null) {
            SourceText unmarked = decodeUnmarkedUtf16(id, path, bytes, sha256);
            if (unmarked != null) {
                return unmarked;
            }
            int nul = indexOfNul(bytes, offset);
            if (nul >= 0) {
                throw new SourceException(path, SourceException.Reason.BINARY,
                        "binary file (NUL byte at offset " + nul + "; not text in UTF-8, UTF-16 or a Chinese charset)");
            }
            CharsetChoice.Guess guess = CharsetChoice.chinese(bytes);
            encoding = guess.charset();
            text = strictDecode(bytes, 0, Charset.forName(encoding));
            if (text == null) {
                String other = encoding.equals(GB18030) ? BIG5 : GB18030;
                text = strictDecode(bytes, 0, Charset.forName(other));
                if (text == null && other.equals(BIG5)) {
                    other = BIG5_HKSCS;
                    text = strictDecode(bytes, 0, Charset.forName(other));
                }
                encoding = other;
            }
            if (text == null) {
                throw new SourceException(path, SourceException.Reason.UNKNOWN_ENCODING,
                        "neither valid UTF-8, UTF-16, GB18030 nor Big5");
            }
            String prefix = note == null ? "" : note;
            note = prefix + (guess.confidence() < CharsetChoice.LOW_CONFIDENCE
                    ? "detected with low confidence (" + guess.scores() + " of 100)"
                    : "detected (" + guess.scores() + " of 100)");
        }
        if (isMostlyControl(text)) {
            throw new SourceException(path, SourceException.Reason.BINARY,
                    "binary file (too many control characters for " + encoding + " text)");
        }
        if (text.isBlank()) {
            throw new SourceException(path, SourceException.Reason.EMPTY, "only white space");
        }
        return new SourceText(id, path, text, encoding, sha256, bom, note);
    }

    /**
     * UTF-16 without a byte order mark, when one byte order gives Chinese or ASCII text and the
     * other does not (see {@link CharsetChoice}); else null.
     */
    private SourceText decodeUnmarkedUtf16(String id, Path path, byte[] bytes, String sha256) {
        if (bytes.length < 4 || bytes.length % 2 != 0) {
            return null;
        }
        String le = strictDecode(bytes, 0, Charset.forName(UTF_16LE));
        String be = strictDecode(bytes, 0, Charset.forName(UTF_16BE));
        double leShare = le == null ? 0 : CharsetChoice.plausibleShare(le);
        double beShare = be == null ? 0 : CharsetChoice.plausibleShare(be);
        String encoding;
        String text;
        if (leShare >= 0.9 && beShare < 0.5) {
            encoding = UTF_16LE;
            text = le;
        } else if (beShare >= 0.9 && leShare < 0.5) {
            encoding = UTF_16BE;
            text = be;
        } else {
            return null;
        }
        if (text.isBlank() || isMostlyControl(text)) {
            return null;
        }
        return new SourceText(id, path, text, encoding, sha256, false, String.format(java.util.Locale.ROOT,
                "%s without a byte order mark, by its characters (%.0f%% Chinese or ASCII text; %.0f%% the other way)",
                encoding, 100 * Math.max(leShare, beShare), 100 * Math.min(leShare, beShare)));
    }

    private static boolean hasNul(byte[] bytes, int from) {
        return indexOfNul(bytes, from) >= 0;
    }

    private static int indexOfNul(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
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
