package org.tiqu.extract.number;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tiqu.rules.RuleBook;
import org.tiqu.text.MatchView;
import org.tiqu.text.Span;

/**
 * Every bare numeral of a text with its value: Arabic, Chinese and mixed, signed, with
 * magnitude ({@code 负三十二}, {@code 2.82万}, {@code 一千多万}). Not a record type of the
 * contract: the extractors find numbers with their units; this finder exists to test the
 * numeral grammar on its own (the Recognizers-Text number specs) and for tools.
 *
 * <p>A numeral of one Chinese character (一, 五, 陆) is only a number where nothing Chinese
 * touches it or a unit follows it (五台, 一吨, 九年): 一切, 四川 and 陆地 hold no numbers.
 */
public final class NumberFinder {

    /** A numeral found: its source span, folded text and value. */
    public record Found(Span span, String text, BigDecimal value) {
    }

    private final Pattern numeral;
    private final Set<String> unitsAfterBareDigit = new HashSet<>();
    private final int longestUnit;

    public NumberFinder(RuleBook rules) {
        this.numeral = Pattern.compile(rules.file("number").pattern("SIGNED_NUMERAL"));
        unitsAfterBareDigit.addAll(rules.lexicon("number.units_after_bare_digit").entries().keySet());
        if (rules.has("quantity")) {
            unitsAfterBareDigit.addAll(rules.lexicon("quantity.classifier").entries().keySet());
            unitsAfterBareDigit.addAll(rules.lexicon("quantity.measure").entries().keySet());
        }
        this.longestUnit = unitsAfterBareDigit.stream().mapToInt(String::length).max().orElse(0);
    }

    public List<Found> find(String source) {
        MatchView view = MatchView.of(source);
        String text = view.text();
        List<Found> out = new ArrayList<>();
        Matcher m = numeral.matcher(text);
        while (m.find()) {
            String folded = m.group();
            if (isSingleChineseDigit(folded) && !standsAsNumber(text, m.start(), m.end())) {
                continue;
            }
            try {
                out.add(new Found(view.toSource(m.start(), m.end()), folded, NumberParser.parse(folded)));
            } catch (NumberFormatException e) {
                // not a numeral we can read exactly: leave it
            }
        }
        return out;
    }

    private static boolean isSingleChineseDigit(String folded) {
        return folded.length() == 1 && Character.UnicodeScript.of(folded.charAt(0)) == Character.UnicodeScript.HAN;
    }

    private boolean standsAsNumber(String text, int start, int end) {
        for (int len = Math.min(longestUnit, text.length() - end); len >= 1; len--) {
            if (unitsAfterBareDigit.contains(text.substring(end, end + len))) {
                return true;
            }
        }
        boolean hanBefore = start > 0 && isHan(text.charAt(start - 1));
        boolean hanAfter = end < text.length() && isHan(text.charAt(end));
        return !hanBefore && !hanAfter;
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
