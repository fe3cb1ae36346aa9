package org.tiqu.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class MatchViewTest {

    @Test
    void foldsFullWidthFormsToAscii() {
        MatchView view = MatchView.of("增长１３．７２％，ＡＢｃ　完");
        assertEquals("增长13.72%,ABc 完", view.text());
    }

    @Test
    void mapsAMatchOnTheViewBackToTheSourceSlice() {
        String source = "收入１３．７２亿元";
        MatchView view = MatchView.of(source);
        Matcher m = Pattern.compile("\\d+\\.\\d+").matcher(view.text());
        m.find();
        Span span = view.toSource(m.start(), m.end());
        assertEquals(new Span(2, 7), span);
        assertEquals("１３．７２", new CodePointText(source).slice(span));
    }

    @Test
    void countsCodePointsAcrossCharactersOutsideTheBmp() {
        // 𠀀 (U+20000) and 😀 take two UTF-16 units each but one code point.
        String source = "𠀀增长15.28%😀，再增长１０％𠀀";
        MatchView view = MatchView.of(source);
        CodePointText text = new CodePointText(source);
        Matcher m = Pattern.compile("\\d+(?:\\.\\d+)?%").matcher(view.text());
        m.find();
        Span first = view.toSource(m.start(), m.end());
        assertEquals(new Span(3, 9), first);
        assertEquals("15.28%", text.slice(first));
        m.find();
        Span second = view.toSource(m.start(), m.end());
        assertEquals(new Span(14, 17), second);
        assertEquals("１０％", text.slice(second));
        assertEquals(18, text.length());
    }

    @Test
    void emptyRangesAndBoundsAreChecked() {
        MatchView view = MatchView.of("ab");
        assertEquals(new Span(2, 2), view.toSource(2, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> view.toSource(1, 3));
    }

    @Test
    void toViewFindsTheFirstViewUnitOfASourceCodePoint() {
        MatchView view = MatchView.of("𠀀ａ𠀀b");
        assertEquals(0, view.toView(0));
        assertEquals(2, view.toView(1));
        assertEquals(3, view.toView(2));
        assertEquals(5, view.toView(3));
    }
}
