package org.tiqu.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.tiqu.text.CodePointText;

class SentenceSplitterTest {

    @Test
    void splitsAtTerminatorsAndLineBreaksKeepingClosingQuotes() {
        CodePointText text = new CodePointText("他说：“好。”又说；再见！\n新的一段？是");
        List<Sentence> s = new SentenceSplitter().split(text);
        assertEquals(List.of("他说：“好。”", "又说；", "再见！", "新的一段？", "是"),
                s.stream().map(x -> text.slice(x.span())).toList());
        assertEquals(0, s.get(2).paragraph());
        assertEquals(1, s.get(3).paragraph());
    }

    @Test
    void numberedLeadSentencesAndStandaloneLinesBecomeSections() {
        CodePointText text = new CodePointText(
                "前言一句。\n（一）综合实力不断提升。2024年，收入增长。\n\n多维政策赋能：机制灵活\n\n正文第一句。");
        List<Sentence> s = new SentenceSplitter().split(text);
        assertNull(s.get(0).section());
        assertEquals("（一）综合实力不断提升", s.get(1).section());
        assertEquals("（一）综合实力不断提升", s.get(2).section());
        assertEquals("多维政策赋能：机制灵活", s.get(3).section());
        assertEquals("多维政策赋能：机制灵活", s.get(4).section());
    }

    @Test
    void offsetsAreCodePointsEvenAfterCharactersOutsideTheBmp() {
        CodePointText text = new CodePointText("𠀀甲。乙😀。");
        List<Sentence> s = new SentenceSplitter().split(text);
        assertEquals(0, s.get(0).span().begin());
        assertEquals(3, s.get(0).span().end());
        assertEquals("乙😀。", text.slice(s.get(1).span()));
    }
}
