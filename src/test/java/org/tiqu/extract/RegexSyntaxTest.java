package org.tiqu.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegexSyntaxTest {

    @Test
    void classesEndAtTheirOwnBracket() {
        assertEquals(5, RegexSyntax.classEnd("[a-z]x", 0));
        assertEquals(4, RegexSyntax.classEnd("[]a]x", 0), "a ] first is a member");
        assertEquals(8, RegexSyntax.classEnd("[\\]a[b]]", 0), "an escaped ] and a nested class");
        assertEquals(-1, RegexSyntax.classEnd("[ab", 0));
    }

    @Test
    void groupsSkipWhatLooksLikeParenthesesInsideClassesAndQuotations() {
        assertEquals(11, RegexSyntax.groupEnd("(a[)]\\Q)\\E)x", 0));
        assertEquals(7, RegexSyntax.groupEnd("(?:(b))c", 0));
        assertEquals(-1, RegexSyntax.groupEnd("(a(b)", 0));
        assertEquals(5, RegexSyntax.quotedEnd("\\Qa\\Eb", 0));
        assertEquals(4, RegexSyntax.quotedEnd("\\Qab", 0));
    }

    @Test
    void quantifiersSayWhetherTheyAllowNone() {
        assertTrue(RegexSyntax.quantifierAt("a*", 1).optional());
        assertFalse(RegexSyntax.quantifierAt("a+", 1).optional());
        assertTrue(RegexSyntax.quantifierAt("a{0,3}", 1).optional());
        assertTrue(RegexSyntax.quantifierAt("a{00,3}", 1).optional());
        assertFalse(RegexSyntax.quantifierAt("a{2}", 1).optional());
        assertEquals(7, RegexSyntax.quantifierAt("a{1,2}?b", 1).end());
        assertTrue(RegexSyntax.quantifierAt("a++", 1).possessive());
        assertNull(RegexSyntax.quantifierAt("a{x}", 1));
        assertNull(RegexSyntax.quantifierAt("ab", 1));
    }
}
