package org.tiqu.source;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;

/**
 * The guesses {@link SourceReader} makes when bytes carry no byte order mark and are not UTF-8:
 * the charset an HTML page declares, UTF-16 without a mark, and GB18030 against Big5.
 *
 * <ul>
 * <li><b>Declared</b>: {@code <meta charset="big5">} or the {@code http-equiv} form, in the
 *     first 4 KB read as ASCII, as browsers look for it. GB2312 and GBK are read as GB18030
 *     (their superset, as the WHATWG encoding standard does), Big5 as Big5 and else
 *     Big5-HKSCS.</li>
 * <li><b>UTF-16 without a mark</b>: ICU's detector recognises it only by Latin-1 code units
 *     (a Chinese text scores 10 of 100 both ways, measured), so the choice is made on the
 *     decoded characters: the byte order under which at least 90% are ideographs, CJK or ASCII
 *     punctuation, letters, digits or white space, when the other order gives under half.</li>
 * <li><b>GB18030 or Big5</b>: ICU4J's {@link CharsetDetector} (frequency statistics of each
 *     charset's common characters). On a paragraph it is sure (Big5 100, GB18030 10 for a Big5
 *     text; GB18030 100, Big5 32 for a GBK one); on a short line both score 10, and GB18030, the
 *     charset of mainland releases, is taken. A confidence under {@value #LOW_CONFIDENCE} is
 *     noted in the manifest ({@code encoding_note}).</li>
 * </ul>
 */
final class CharsetChoice {

    /** Below this ICU confidence (0–100) the manifest notes the choice as uncertain. */
    static final int LOW_CONFIDENCE = 50;

    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:\\-]+)", Pattern.CASE_INSENSITIVE);

    private CharsetChoice() {
    }

    /** The charset an HTML page declares in its first 4 KB, as a Java charset name; null when none or unknown. */
    static String declared(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (!m.find()) {
            return null;
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        return switch (name) {
            case "gb2312", "gbk", "x-gbk", "gb18030", "cp936", "windows-936", "euc-cn" -> SourceReader.GB18030;
            case "big5", "big-5", "cn-big5", "x-x-big5", "csbig5" -> SourceReader.BIG5;
            case "big5-hkscs" -> SourceReader.BIG5_HKSCS;
            case "utf8", "utf-8", "unicode-1-1-utf-8" -> SourceReader.UTF_8;
            default -> {
                try {
                    yield java.nio.charset.Charset.forName(name).name();
                } catch (RuntimeException e) {
                    yield null;
                }
            }
        };
    }

    /** The name the page declared, as written, for the note. */
    static String declaredAsWritten(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        return m.find() ? m.group(1) : null;
    }

    /**
     * Share of the characters of {@code text} that Chinese or ASCII text is made of; characters
     * U+XX00 do not count, since ASCII in the wrong byte order gives them (and they are 1 in 256).
     */
    static double plausibleShare(String text) {
        int plausible = 0;
        int total = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            total++;
            if (c >= 0x100 && (c & 0xFF) == 0) {
                continue; // U+XX00: ASCII read in the wrong byte order (R → U+5200 刀), rare in real text
            }
            if (c == '\n' || c == '\r' || c == '\t' || (c >= 0x20 && c < 0x7F)
                    || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF)
                    || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF)
                    || (c >= 0x2000 && c <= 0x206F) || c == 0xA0 || c == 0xB7) {
                plausible++;
            }
        }
        return total == 0 ? 0 : (double) plausible / total;
    }

    /** A legacy Chinese charset and how sure ICU is of it. */
    record Guess(String charset, int confidence, String scores) {
    }

    /** GB18030 or Big5, whichever ICU's detector rates higher (GB18030 on a tie). */
    static Guess chinese(byte[] bytes) {
        CharsetDetector detector = new CharsetDetector();
        detector.setText(bytes);
        int gb = 0;
        int big5 = 0;
        for (CharsetMatch m : detector.detectAll()) {
            if (m.getName().equals("GB18030")) {
                gb = Math.max(gb, m.getConfidence());
            } else if (m.getName().equals("Big5")) {
                big5 = Math.max(big5, m.getConfidence());
            }
        }
        String scores = "GB18030 " + gb + ", Big5 " + big5;
        return big5 > gb ? new Guess(SourceReader.BIG5, big5, scores) : new Guess(SourceReader.GB18030, gb, scores);
    }
}
