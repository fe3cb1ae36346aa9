package org.tiqu.extract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class MatchAlphabetTest {

    private static MatchAlphabet of(String regex) {
        return MatchAlphabet.of(Pattern.compile(regex));
    }

    @Test
    void aMatchNeedsARequiredCharacterWithinItsAlphabet() {
        MatchAlphabet points = of("(?<![0-9])[0-9]+(?:\\.[0-9]+)?\\s*个?百分点");
        assertTrue(points.mayMatchFrom("提高1.5个百分点", 2));
        assertTrue(points.mayMatchFrom("提高1.5 百分点", 2));
        assertFalse(points.mayMatchFrom("增长1.5%，提高2个百分点", 2), "a % ends the run before any 百");
        assertFalse(points.mayMatchFrom("增长15", 2), "the text ends first");
    }

    @Test
    void optionalPartsRequireNothingAndAlternativesRequireOneOfTheirs() {
        MatchAlphabet unit = of("[0-9]+(?:万元|亿元|美元)");
        assertTrue(unit.mayMatchFrom("3亿元", 0));
        assertFalse(unit.mayMatchFrom("3吨亿元", 0), "吨 is not in the alphabet");
        assertNull(of("[0-9]*(?:万元|吨)?"), "every part optional: no character is needed");
        MatchAlphabet quoted = of("\\Q上半年\\E|[0-9]+月");
        assertTrue(quoted.mayMatchFrom("上半年", 0));
        assertTrue(quoted.mayMatchFrom("12月", 0));
        assertFalse(quoted.mayMatchFrom("12日", 0));
    }

    @Test
    void lookaroundsAddNothingWhateverTheyRead() {
        MatchAlphabet month = of("(?<![^0-9]年)(?=[0-9])[0-9]{1,2}月(?!.)");
        assertFalse(month.mayMatchFrom("12日", 0));
        assertTrue(month.mayMatchFrom("12月", 0));
    }

    @Test
    void aMatchNeedsWhatEachOfItsPartsRequires() {
        MatchAlphabet count = of("[0-9]+\\s*(?:万|亿)?\\s*[个人家]");
        assertFalse(count.mayMatchFrom("万个", 0), "no digit");
        assertFalse(count.mayMatchFrom("12万吨", 0), "no unit");
        assertTrue(count.mayMatchFrom("12万个", 0));
        MatchAlphabet word = of("\\Q百分点\\E");
        assertFalse(word.mayMatchFrom("百分比", 0));
    }

    @Test
    void whatAPositiveLookaheadReadsCounts() {
        MatchAlphabet list = of("[0-9]+(?=(?:、[0-9]+)*、[0-9]+个百分点)");
        assertTrue(list.mayMatchFrom("1、2、3个百分点", 0));
        assertFalse(list.mayMatchFrom("1、2、3个", 0));
        assertFalse(list.mayMatchFrom("1、2、3%，1个百分点", 0), "the % ends the run");
        MatchAlphabet unreadAhead = of("[0-9]+月(?=.)");
        assertTrue(unreadAhead.mayMatchFrom("12月", 0), "a lookahead it cannot read adds nothing");
        assertFalse(unreadAhead.mayMatchFrom("12日", 0));
    }

    @Test
    void patternsItCannotReadHaveNoAlphabet() {
        assertNull(of("[0-9]+.月"));
        assertNull(of("[^0-9]+月"));
        assertNull(of("\\p{IsHan}+局"));
        assertNull(of("(?i)[0-9]+kg"));
        assertNull(MatchAlphabet.of(Pattern.compile("[0-9]+kg", Pattern.CASE_INSENSITIVE)));
        assertNull(of("[0-9&&[^5]]+月"));
    }
}
