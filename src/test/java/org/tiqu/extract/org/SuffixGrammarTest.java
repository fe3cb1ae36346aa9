package org.tiqu.extract.org;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.tiqu.document.Term;
import org.tiqu.rules.RulesLoader;
import org.tiqu.text.Span;

class SuffixGrammarTest {

    private static final SuffixGrammar GRAMMAR =
            new SuffixGrammar(OrgLexicons.of(new RulesLoader().load(Path.of("rules")).file("org")));
    private static final SuffixGrammar.Options LOOSE = new SuffixGrammar.Options(SuffixGrammar.Distinctive.LOOSE, true, false);
    private static final SuffixGrammar.Options STRICT = new SuffixGrammar.Options(SuffixGrammar.Distinctive.STRICT, true, false);

    /** Words from "word/pos" pairs, spans laid end to end from 0. */
    private static List<Term> words(String... tagged) {
        List<Term> out = new ArrayList<>();
        int at = 0;
        for (String wp : tagged) {
            String word = wp.substring(0, wp.indexOf('/'));
            int length = word.codePointCount(0, word.length());
            out.add(new Term(new Span(at, at + length), word, wp.substring(wp.indexOf('/') + 1)));
            at += length;
        }
        return out;
    }

    /** Every span the recogniser could offer that couldBeName accepts is also allowed by roomForName. */
    private static void assertRoomAgreesWithCouldBeName(List<Term> terms, Span ending, SuffixGrammar.Options options) {
        boolean any = false;
        for (Term t : terms) {
            Span span = new Span(t.span().begin(), ending.end());
            if (t.span().begin() < ending.begin() && GRAMMAR.couldBeName(terms, span, ending, options)) {
                any = true;
            }
        }
        if (any) {
            assertTrue(GRAMMAR.roomForName(terms, ending, 0, options), terms.toString());
        }
    }

    @Test
    void noRoomAfterAFunctionWordOrNumeral() {
        assertFalse(GRAMMAR.roomForName(words("买/v", "的/uj", "基金/n"), new Span(2, 4), 0, LOOSE));
        assertFalse(GRAMMAR.roomForName(words("三/m", "基金/n"), new Span(1, 3), 0, LOOSE));
        assertFalse(GRAMMAR.roomForName(words("，/w", "基金/n"), new Span(1, 3), 0, LOOSE));
    }

    @Test
    void noRoomWithoutADistinctiveWordWhenTheRuleAsksForOne() {
        assertFalse(GRAMMAR.roomForName(words("的/uj", "制造/vn", "集团/n"), new Span(3, 5), 0, STRICT));
    }

    @Test
    void roomBeforeAPlaceOrBrand() {
        List<Term> terms = words("华北/ns", "制药/vn", "集团/n");
        assertTrue(GRAMMAR.roomForName(terms, new Span(4, 6), 0, STRICT));
        assertRoomAgreesWithCouldBeName(terms, new Span(4, 6), STRICT);
        assertFalse(GRAMMAR.roomForName(terms, new Span(4, 6), 4, STRICT), "nothing may start before the clause");
    }

    @Test
    void roomNeverDeniesWhatCouldBeNameAccepts() {
        assertRoomAgreesWithCouldBeName(words("中国/ns", "营养/n", "保健/vn", "食品/n", "协会/n"), new Span(8, 10), LOOSE);
        assertRoomAgreesWithCouldBeName(words("由/p", "中国/ns", "银行/n"), new Span(3, 5), STRICT);
        assertRoomAgreesWithCouldBeName(words("华/j", "夏/ng", "基金/n"), new Span(2, 4), LOOSE);
    }
}
