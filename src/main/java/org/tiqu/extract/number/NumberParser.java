package org.tiqu.extract.number;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The exact value of a numeral as Chinese reports write it, after full-width folding:
 * Arabic ({@code 7778.25}, {@code 30,000}), Chinese ({@code 两千三百}, {@code 十二},
 * {@code 一万零五}, {@code 〇}, {@code 三点五}), financial ({@code 肆佰陆拾}) and mixed
 * ({@code 2.82万}, {@code 1.5亿}, {@code 3千}, {@code 5万4千6百}, {@code 百余}).
 *
 * <p>Magnitudes multiply what stands before them within their group: 万 the group of
 * four below it, 亿 everything before it (so {@code 4.78万亿} is 4.78 × 10^12). A trailing
 * digit right after a position word counts one position lower, as speakers say it
 * ({@code 两千三} = 2300, {@code 一万三} = 13000). 余 and 多 inside a numeral mark it as
 * approximate and do not change its value. Anything else, such as two Chinese digits in
 * a row ({@code 三四十}), is refused with a {@link NumberFormatException}: a numeral we
 * cannot read exactly is better left unread.
 */
public final class NumberParser {

    private static final Map<Character, Integer> DIGITS = Map.ofEntries(
            Map.entry('零', 0), Map.entry('〇', 0),
            Map.entry('一', 1), Map.entry('壹', 1),
            Map.entry('二', 2), Map.entry('两', 2), Map.entry('贰', 2), Map.entry('兩', 2), Map.entry('貳', 2), Map.entry('倆', 2),
            Map.entry('三', 3), Map.entry('叁', 3), Map.entry('參', 3),
            Map.entry('四', 4), Map.entry('肆', 4),
            Map.entry('五', 5), Map.entry('伍', 5),
            Map.entry('六', 6), Map.entry('陆', 6), Map.entry('陸', 6),
            Map.entry('七', 7), Map.entry('柒', 7),
            Map.entry('八', 8), Map.entry('捌', 8),
            Map.entry('九', 9), Map.entry('玖', 9));

    private static final Map<Character, Integer> POSITIONS = Map.of(
            '十', 10, '拾', 10, '百', 100, '佰', 100, '千', 1000, '仟', 1000);

    private static final Map<Character, BigDecimal> GROUPS = Map.of(
            '万', BigDecimal.TEN.pow(4), '萬', BigDecimal.TEN.pow(4),
            '亿', BigDecimal.TEN.pow(8), '億', BigDecimal.TEN.pow(8));

    private static final String APPROX_INSIDE = "余餘多";
    private static final String DECIMAL_POINT = "点點";
    private static final String SIGNS = "-负負";

    private NumberParser() {
    }

    /** The exact value of {@code numeral}; a {@link NumberFormatException} when it is not a numeral we read. */
    public static BigDecimal parse(String numeral) {
        String s = ArabicNumber.joinGroups(numeral.strip());
        boolean negative = false;
        if (!s.isEmpty() && SIGNS.indexOf(s.charAt(0)) >= 0) {
            negative = true;
            s = s.substring(1);
        }
        if (s.isEmpty()) {
            throw new NumberFormatException("no numeral in '" + numeral + "'");
        }
        BigDecimal value = parseUnsigned(s, numeral);
        return negative ? value.negate() : value;
    }

    /** True when the numeral carries 余 or 多 inside it (160余, 100余万, 一千多万). */
    public static boolean hasInnerApprox(String numeral) {
        for (int i = 0; i < numeral.length(); i++) {
            if (APPROX_INSIDE.indexOf(numeral.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static BigDecimal parseUnsigned(String s, String original) {
        String integerPart = s;
        BigDecimal fraction = BigDecimal.ZERO;
        int point = indexOfAny(s, DECIMAL_POINT);
        if (point >= 0) {
            integerPart = s.substring(0, point);
            fraction = chineseFraction(s.substring(point + 1), original);
        }
        return readInteger(integerPart, original).add(fraction);
    }

    /** The digits after 点, read one by one: 五五四四 → 0.5544. */
    private static BigDecimal chineseFraction(String digits, String original) {
        if (digits.isEmpty()) {
            throw new NumberFormatException("nothing after the point in '" + original + "'");
        }
        StringBuilder plain = new StringBuilder("0.");
        for (int i = 0; i < digits.length(); i++) {
            Integer d = DIGITS.get(digits.charAt(i));
            if (d == null) {
                throw new NumberFormatException("'" + digits.charAt(i) + "' is not a decimal digit in '" + original + "'");
            }
            plain.append(d);
        }
        return new BigDecimal(plain.toString());
    }

    /**
     * Reads digits, position words and group words left to right. {@code pending} is the
     * number waiting for its position word; {@code section} the value below the current
     * group; {@code total} everything already multiplied by 亿.
     */
    private static BigDecimal readInteger(String s, String original) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal section = BigDecimal.ZERO;
        BigDecimal pending = null;
        boolean pendingIsChineseDigit = false;
        BigDecimal lastMultiplier = null; // the position or group word read just before, for 两千三
        boolean sawAnything = false;
        boolean wanApplied = false; // the section was already multiplied by 万 (3万4万 is no numeral)
        char previous = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (isArabic(c)) {
                int end = i;
                while (end < s.length() && isArabic(s.charAt(end))) {
                    end++;
                }
                if (pending != null) {
                    throw new NumberFormatException("two numbers in a row in '" + original + "'");
                }
                pending = ArabicNumber.parse(s.substring(i, end));
                pendingIsChineseDigit = false;
                lastMultiplier = null;
                sawAnything = true;
                previous = '0';
                i = end;
                continue;
            }
            Integer digit = DIGITS.get(c);
            Integer position = POSITIONS.get(c);
            BigDecimal group = GROUPS.get(c);
            if (digit != null) {
                if (digit == 0) {
                    lastMultiplier = null; // 一万零五: 零 only marks a gap
                } else {
                    if (pending != null) {
                        throw new NumberFormatException("two digits in a row in '" + original + "'");
                    }
                    pending = BigDecimal.valueOf(digit);
                    pendingIsChineseDigit = true;
                }
                sawAnything = true;
            } else if (position != null) {
                // A position word without its digit means one of it (十二, 百余), but only at the
                // start, after 零 or after a group word: 五十千 is no numeral.
                if (pending == null && previous != 0 && previous != '零' && previous != '〇' && !GROUPS.containsKey(previous)) {
                    throw new NumberFormatException("'" + c + "' without a digit in '" + original + "'");
                }
                BigDecimal times = pending == null ? BigDecimal.ONE : pending;
                BigDecimal unit = BigDecimal.valueOf(position);
                section = section.add(times.multiply(unit));
                pending = null;
                lastMultiplier = unit;
                sawAnything = true;
            } else if (group != null) {
                if (!sawAnything) {
                    throw new NumberFormatException("a magnitude without a number in '" + original + "'");
                }
                BigDecimal below = pending == null ? section : section.add(pending);
                if (group.compareTo(GROUPS.get('亿')) == 0) {
                    total = total.add(below).multiply(group);
                    section = BigDecimal.ZERO;
                    wanApplied = false;
                } else {
                    boolean doubled = GROUPS.containsKey(previous) && GROUPS.get(previous).equals(group); // 四万万
                    if (wanApplied && !doubled) {
                        throw new NumberFormatException("万 twice in one group in '" + original + "'");
                    }
                    section = below.multiply(group);
                    wanApplied = true;
                }
                pending = null;
                lastMultiplier = group;
            } else if (APPROX_INSIDE.indexOf(c) >= 0) {
                lastMultiplier = null;
            } else if (!Character.isWhitespace(c)) {
                throw new NumberFormatException("'" + c + "' is not part of a numeral in '" + original + "'");
            }
            previous = c;
            i++;
        }
        if (!sawAnything) {
            throw new NumberFormatException("no digits in '" + original + "'");
        }
        if (pending != null) {
            boolean spokenShort = pendingIsChineseDigit && lastMultiplier != null
                    && lastMultiplier.compareTo(BigDecimal.valueOf(100)) >= 0;
            section = section.add(spokenShort ? pending.multiply(lastMultiplier).movePointLeft(1) : pending);
        }
        return total.add(section);
    }

    private static boolean isArabic(char c) {
        return (c >= '0' && c <= '9') || c == '.' || c == ',' || c == ArabicNumber.MIDDLE_DOT;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
