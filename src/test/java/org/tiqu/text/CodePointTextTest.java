package org.tiqu.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CodePointTextTest {

    @Test
    void convertsBetweenCodePointsAndUtf16Units() {
        CodePointText t = new CodePointText("a😀b𠀀c");
        assertEquals(5, t.length());
        assertEquals(3, t.unitIndex(2));
        assertEquals(2, t.codePointIndex(3));
        assertEquals("b𠀀", t.slice(new Span(2, 4)));
        assertEquals(0x20000, t.codePointAt(3));
        assertThrows(IndexOutOfBoundsException.class, () -> t.slice(new Span(4, 6)));
    }
}
