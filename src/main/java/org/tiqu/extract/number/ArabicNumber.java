package org.tiqu.extract.number;

import java.math.BigDecimal;

/** Arabic numerals as press releases write them: {@code 7778.25}, {@code 30,000}, after full-width folding. */
public final class ArabicNumber {

    private ArabicNumber() {
    }

    /** The exact value of {@code digits}; grouping commas are dropped. */
    public static BigDecimal parse(String digits) {
        String plain = digits.replace(",", "");
        if (plain.isEmpty()) {
            throw new NumberFormatException("no digits in '" + digits + "'");
        }
        return new BigDecimal(plain);
    }
}
