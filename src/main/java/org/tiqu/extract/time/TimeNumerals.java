package org.tiqu.extract.time;

import java.math.BigDecimal;

/**
 * The few numerals dates and durations need: Arabic counts ({@code 29}, {@code 3.5}), small
 * Chinese counts ({@code 五}, {@code 十二}, {@code 三十}, {@code 两千零四}) and years written digit
 * by digit ({@code 二〇二四}).
 *
 * <p>A deliberately minimal reader, local to the time package so that it does not wait for
 * the full numeral parser of {@code extract.number}; once that parser is merged, this class
 * should delegate to it.
 */
final class TimeNumerals {

    private static final String DIGITS = "〇零一二三四五六七八九";

    private TimeNumerals() {
    }

    /** The value of a count, Arabic or Chinese, or null when it is not a well-formed number. */
    static BigDecimal count(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        if (Character.isDigit(s.charAt(0))) {
            try {
                return new BigDecimal(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        Integer n = chinese(s);
        return n == null ? null : BigDecimal.valueOf(n);
    }

    /** An integer from Arabic digits or Chinese numerals, or null. */
    static Integer integer(String s) {
        BigDecimal n = count(s);
        if (n == null) {
            return null;
        }
        try {
            return n.intValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /**
     * A Chinese number below ten thousand: 五, 十二, 三十, 一百零五, 两千零四. Null when the
     * characters do not form one (two digits in a row, as in 二零一七, are a year, not a count).
     */
    static Integer chinese(String s) {
        int total = 0;
        int digit = -1;
        int lastUnit = Integer.MAX_VALUE;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = digitOf(c);
            if (d >= 0) {
                if (digit > 0) {
                    return null;
                }
                digit = d == 0 ? -1 : d;
                continue;
            }
            int unit = switch (c) {
                case '十' -> 10;
                case '百' -> 100;
                case '千' -> 1000;
                default -> -1;
            };
            if (unit < 0 || unit >= lastUnit) {
                return null;
            }
            int times;
            if (digit > 0) {
                times = digit;
            } else if (unit == 10 && i == 0) {
                times = 1;
            } else {
                return null;
            }
            total += times * unit;
            lastUnit = unit;
            digit = -1;
        }
        if (digit > 0) {
            total += digit;
        }
        return total > 0 ? total : null;
    }

    /** A year written digit by digit (二〇二四 → 2024), or a Chinese number (两千零四 → 2004); null otherwise. */
    static Integer chineseYear(String s) {
        if ((s.length() == 3 || s.length() == 4) && s.chars().allMatch(c -> digitOf((char) c) >= 0)) {
            int year = 0;
            for (int i = 0; i < s.length(); i++) {
                year = year * 10 + digitOf(s.charAt(i));
            }
            return year;
        }
        return chinese(s);
    }

    /** A year in Arabic digits or Chinese numerals (2023, 二〇二三), or null. */
    static Integer chineseYearOrArabic(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        return Character.isDigit(s.charAt(0)) ? Integer.valueOf(s) : chineseYear(s);
    }

    private static int digitOf(char c) {
        if (c == '两') {
            return 2;
        }
        int i = DIGITS.indexOf(c);
        return i < 0 ? -1 : Math.max(i - 1, 0);
    }
}
