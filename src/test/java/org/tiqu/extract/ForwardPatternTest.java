package org.tiqu.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class ForwardPatternTest {

    private static String loosened(String regex) {
        Pattern p = ForwardPattern.of(Pattern.compile(regex));
        return p == null ? null : p.pattern();
    }

    @Test
    void negativeLookbehindsKeepTheirOneCharacterAlternatives() {
        assertEquals("(?<![0-9.])[12]\\d{3}", loosened("(?<![0-9.]|[0-9],)[12]\\d{3}"));
        assertEquals("(?<!\\d|a)x", loosened("(?<!\\d|a|bc)x"));
        assertEquals("x", loosened("(?<!(?:^|[^0-9])[0-9]{2}\\s?年)x"));
        assertEquals("x", loosened("(?<!\\Q上年\\E)x"), "a quoted word reads more than one character");
    }

    @Test
    void positiveLookbehindsAndBoundariesGo() {
        assertEquals("[0-9]+年", loosened("(?<=约)[0-9]+\\b年"));
        assertEquals("(?<m>1[0-2])月(?=$|[，。])", loosened("(?<m>1[0-2])月(?<=[0-9]月)(?=$|[，。])"));
    }

    @Test
    void aNegativeLookaheadThatReadsBehindGoesWhole() {
        assertEquals("x", loosened("x(?!y(?<=xy))"));
        assertEquals("x(?!y)", loosened("x(?!y)"));
        assertEquals("x(?=y)", loosened("x(?=y(?<=xy))"));
    }

    @Test
    void quotingClassesAndFlagsAreCopied() {
        assertEquals("(?i)\\Q(a|b\\E[\\](]\\p{IsHan}{1,3}?", loosened("(?i)\\Q(a|b\\E[\\](]\\p{IsHan}{1,3}?"));
        assertEquals("(?:\\Q万元\\E|\\Q元\\E)", loosened("(?:\\Q万元\\E|\\Q元\\E)"));
    }

    @Test
    void unsoundConstructsAreNotLoosened() {
        assertNull(loosened("(?>ab)c"));
        assertNull(loosened("a++b"));
        assertNull(loosened("(?<y>a)\\k<y>"));
        assertNull(loosened("(a)\\1"));
    }

    @Test
    void theLoosenedPatternRulesOutWhatTheLongLookbehindHid() {
        Pattern month = Pattern.compile("(?<![0-9])(?<!(?:^|[^0-9])[0-9]{2}\\s?年)(?:1[0-2]|[1-9]|[一二三四五六七八九])月");
        StartChars starts = new StartChars(month);
        assertTrue(starts.mayStartWith('一'));
        assertFalse(starts.mayStartBetween('统', '一', '个'), "一 of 一个 starts no month");
        assertTrue(starts.mayStartBetween('年', '一', '月'));
        assertFalse(starts.mayStartBetween('1', '2', '月'), "inside a number");
    }
}
