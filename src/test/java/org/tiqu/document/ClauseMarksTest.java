package org.tiqu.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

import org.tiqu.text.CodePointText;
import org.tiqu.text.Span;

/** The indexed clause lookup gives exactly what walking to the clause marks gives. */
class ClauseMarksTest {

    @Test
    void sameClausesAsWalkingToTheMarks() {
        Random random = new Random(15);
        String alphabet = "，、；：。！？甲乙😀";
        for (int round = 0; round < 300; round++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(24);
            for (int i = 0; i < length; i++) {
                b.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(10))));
            }
            CodePointText text = new CodePointText(b.toString());
            ClauseMarks marks = ClauseMarks.of(text);
            for (int begin = 0; begin <= text.length(); begin++) {
                for (int end = begin; end <= text.length(); end++) {
                    Span sentence = new Span(begin, end);
                    for (int offset = 0; offset <= text.length(); offset++) {
                        // Callers may ask from outside the sentence too (the linker does).
                        Span walked;
                        try {
                            walked = Document.clauseAt(text, sentence, offset);
                        } catch (IllegalArgumentException noClause) {
                            continue;
                        }
                        assertEquals(walked, marks.clauseAt(sentence, offset),
                                "'" + text.text() + "' sentence " + sentence + " offset " + offset);
                    }
                }
            }
        }
    }
}
