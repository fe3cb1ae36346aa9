package org.tiqu.document.hanlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.tiqu.document.Term;
import org.tiqu.text.CodePointText;

class HanlpSegmenterTest {

    @Test
    void everyTermIsTheExactSourceSliceInCodePoints() {
        String text = "𠀀济北开发区于1995年设立， 规上工业总产值完成２１４．３５亿元😀。";
        CodePointText cp = new CodePointText(text);
        List<Term> terms = HanlpSegmenter.plain().segment(text);
        assertTrue(terms.size() > 5);
        for (Term t : terms) {
            assertEquals(t.word(), cp.slice(t.span()), () -> "term " + t);
        }
        assertTrue(terms.stream().anyMatch(t -> t.word().contains("２")),
                "HanLP must see and return the source as it is: its own normalisation stays off");
    }
}
