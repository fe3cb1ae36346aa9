package org.tiqu.extract.number;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.tiqu.text.MatchView;

class NumberParserTest {

    private static final String DIGITS = "零一二三四五六七八九";
    private static final int CASES = 3000;

    @ParameterizedTest
    @CsvSource({
            "7778.25, 7778.25", "'30,000', 30000", "０, 0",
            "两千三百, 2300", "十二, 12", "一万零五, 10005", "〇, 0", "三点五, 3.5", "零点五, 0.5",
            "百余, 100", "千, 1000", "160余, 160", "100余万, 1000000", "一千多万, 10000000",
            "2.82万, 28200", "1.5亿, 150000000", "3千, 3000", "4.78万亿, 4780000000000", "10万万, 1000000000",
            "两千三, 2300", "一万三, 13000", "九十二万四, 924000", "百三, 130", "两千三点一, 2300.1",
            "肆佰陆拾, 460", "拾万零五十六, 100056", "倆千两百贰拾二, 2222", "四万万, 400000000",
            "五亿零六, 500000006", "四千万零六千, 40006000", "一百零十万, 1100000", "一万五千亿, 1500000000000",
            "5万4千6百, 54600", "5亿1万4千6百, 500014600", "1千零20, 1020", "2千零30万, 20300000",
            "负三十二, -32", "-10000, -10000", "負四十五億零四百零四萬, -4504040000",
            "两千万点五五四四, 20000000.5544",
            "9 946万, 99460000", "'15 000', 15000", "'1 234 567.5', 1234567.5", "7666.25 万, 76662500", "1·8, 1.8"
    })
    void readsNumeralsExactly(String numeral, String expected) {
        String folded = MatchView.of(numeral).text(); // the parser reads the match view
        assertEquals(0, new BigDecimal(expected).compareTo(NumberParser.parse(folded)), numeral);
    }

    @ParameterizedTest
    @ValueSource(strings = {"万", "亿", "三四十", "两两", "", "点五", "3万4万5", "五元", "12 34", "1 2"})
    void refusesWhatIsNoNumeral(String text) {
        assertThrows(NumberFormatException.class, () -> NumberParser.parse(text));
    }

    @Test
    void innerApproximation() {
        assertTrue(NumberParser.hasInnerApprox("160余"));
        assertTrue(NumberParser.hasInnerApprox("一千多万"));
        assertFalse(NumberParser.hasInnerApprox("160"));
    }

    /** Property: every integer written in Chinese, as a report would, reads back as itself. */
    @Test
    void chineseIntegersRoundTrip() {
        Random random = new Random(20241122);
        for (int i = 0; i < CASES; i++) {
            long n = randomMagnitude(random, 16);
            String written = chinese(n, random);
            assertEquals(BigDecimal.valueOf(n), NumberParser.parse(written), () -> written + " should read " + n);
        }
    }

    /** Property: Chinese decimals (三点一四) read back exactly. */
    @Test
    void chineseDecimalsRoundTrip() {
        Random random = new Random(7);
        for (int i = 0; i < CASES; i++) {
            long whole = randomMagnitude(random, 9);
            StringBuilder fraction = new StringBuilder();
            int places = 1 + random.nextInt(4);
            for (int p = 0; p < places; p++) {
                fraction.append(random.nextInt(10));
            }
            String written = chinese(whole, random) + "点" + fraction.chars()
                    .mapToObj(c -> String.valueOf(DIGITS.charAt(c - '0'))).reduce("", String::concat);
            BigDecimal expected = new BigDecimal(whole + "." + fraction);
            assertEquals(0, expected.compareTo(NumberParser.parse(written)), () -> written + " should read " + expected);
        }
    }

    /** Property: Arabic decimals with grouping, half- or full-width, read back exactly through the match view. */
    @Test
    void arabicNumbersRoundTripThroughTheMatchView() {
        Random random = new Random(11);
        for (int i = 0; i < CASES; i++) {
            int scale = random.nextInt(5);
            BigDecimal n = BigDecimal.valueOf(randomMagnitude(random, 13), scale);
            String written = String.format(Locale.ROOT, random.nextBoolean() ? "%,." + scale + "f" : "%." + scale + "f", n);
            String source = random.nextBoolean() ? fullWidth(written) : written;
            String folded = MatchView.of(source).text();
            assertEquals(0, n.compareTo(NumberParser.parse(folded)), () -> source + " should read " + n);
        }
    }

    /** Property: an Arabic number with a magnitude (2.82万, 1.5亿, 3千) is the number times the magnitude. */
    @Test
    void mixedNumbersRoundTrip() {
        String[] words = {"百", "千", "万", "十万", "百万", "千万", "亿", "万亿"};
        int[] powers = {2, 3, 4, 5, 6, 7, 8, 12};
        Random random = new Random(3);
        for (int i = 0; i < CASES; i++) {
            int m = random.nextInt(words.length);
            BigDecimal n = BigDecimal.valueOf(randomMagnitude(random, 6), random.nextInt(3));
            String written = n.toPlainString() + words[m];
            BigDecimal expected = n.scaleByPowerOfTen(powers[m]);
            assertEquals(0, expected.compareTo(NumberParser.parse(written)), () -> written + " should read " + expected);
        }
    }

    /** A random non-negative number of up to {@code digits} digits, with every length equally likely. */
    private static long randomMagnitude(Random random, int digits) {
        long bound = 1;
        for (int d = random.nextInt(digits) + 1; d > 0; d--) {
            bound *= 10;
        }
        long n = Math.floorMod(random.nextLong(), bound);
        // Round numbers are the common case in reports: zero the low digits now and then.
        if (random.nextBoolean() && n > 0) {
            long cut = 1;
            for (int z = random.nextInt(String.valueOf(n).length()); z > 0; z--) {
                cut *= 10;
            }
            n = n / cut * cut;
        }
        return n;
    }

    /** How a report writes {@code n} in Chinese: 一万零五, 十二万, 两千三百, 一亿零五千. */
    static String chinese(long n, Random random) {
        if (n == 0) {
            return random.nextBoolean() ? "零" : "〇";
        }
        String written = groups(n);
        if (written.startsWith("一十") && random.nextBoolean()) {
            written = written.substring(1); // 十二 rather than 一十二
        }
        if (random.nextBoolean()) {
            written = written.replaceAll("二(?=[千百万亿])", "两");
        }
        return written;
    }

    private static String groups(long n) {
        if (n >= 100_000_000L) {
            long high = n / 100_000_000L;
            long low = n % 100_000_000L;
            return groups(high) + "亿" + (low == 0 ? "" : (low < 10_000_000L ? "零" : "") + groups(low));
        }
        if (n >= 10_000L) {
            long high = n / 10_000L;
            long low = n % 10_000L;
            return belowTenThousand(high) + "万" + (low == 0 ? "" : (low < 1000 ? "零" : "") + belowTenThousand(low));
        }
        return belowTenThousand(n);
    }

    private static String belowTenThousand(long n) {
        String[] positions = {"千", "百", "十", ""};
        long[] values = {1000, 100, 10, 1};
        StringBuilder out = new StringBuilder();
        boolean gap = false;
        for (int i = 0; i < values.length; i++) {
            int d = (int) (n / values[i] % 10);
            if (d == 0) {
                gap = out.length() > 0;
            } else {
                if (gap) {
                    out.append('零');
                    gap = false;
                }
                out.append(DIGITS.charAt(d)).append(positions[i]);
            }
        }
        return out.toString();
    }

    private static String fullWidth(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c >= 0x21 && c <= 0x7E ? (char) (c + 0xFEE0) : c);
        }
        return out.toString();
    }
}
