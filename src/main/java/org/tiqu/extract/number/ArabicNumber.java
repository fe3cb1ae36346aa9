package org.tiqu.extract.number;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Arabic numerals as press releases write them: {@code 7778.25}, {@code 30,000}, after full-width
 * folding; also {@code 9 946} (a lone space between groups of three digits separates thousands)
 * and {@code 1·8} (a middle dot typed for the decimal point).
 */
public final class ArabicNumber {

    /** The middle dot some reports type for the decimal point (1·8%). */
    static final char MIDDLE_DOT = '\u00B7';

    /** A space, no-break or thin space between a digit and a group of exactly three digits. */
    private static final Pattern GROUP_SPACE = Pattern.compile("(?<=\\d)[ \u00A0\u2009\u202F](?=\\d{3}(?!\\d))");

    private ArabicNumber() {
    }

    /** The exact value of {@code digits}; grouping commas and spaces are dropped. */
    public static BigDecimal parse(String digits) {
        String plain = joinGroups(digits).replace(",", "").replace(MIDDLE_DOT, '.');
        if (plain.isEmpty()) {
            throw new NumberFormatException("no digits in '" + digits + "'");
        }
        return new BigDecimal(plain);
    }

    /** {@code text} with the spaces that separate groups of three digits taken out (9 946万 → 9946万). */
    static String joinGroups(String text) {
        return text.indexOf(' ') < 0 && text.indexOf('\u00A0') < 0 && text.indexOf('\u2009') < 0 && text.indexOf('\u202F') < 0
                ? text : GROUP_SPACE.matcher(text).replaceAll("");
    }
}
