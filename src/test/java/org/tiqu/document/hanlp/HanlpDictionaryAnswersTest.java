package org.tiqu.document.hanlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import org.tiqu.document.Document;
import org.tiqu.document.Sentence;
import org.tiqu.document.SentenceSplitter;
import org.tiqu.document.Term;
import org.tiqu.testing.CorpusFiles;
import org.tiqu.text.CodePointText;
import org.tiqu.text.Span;

/**
 * The segmenter's dictionary answers ({@code mayStartPlaceOrOrgWord}, {@code surelyOneCharWord})
 * against real plain segmentation of every clause of the corpus, segmented on its own as
 * {@link Document#termsOfClause} does: wherever HanLP gives a place or organisation word, the
 * check said "may"; wherever the check says "surely one character", HanLP gives that word.
 */
class HanlpDictionaryAnswersTest {

    private final HanlpSegmenter plain = HanlpSegmenter.plain();

    @Test
    void answersAgreeWithSegmentationOnTheCorpus() throws IOException {
        assumeTrue(Files.exists(CorpusFiles.CNEWS), "corpus not present");
        List<String> texts = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader in = Files.newBufferedReader(CorpusFiles.CNEWS, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    texts.add(json.readTree(line).get("text").asText());
                }
            }
        }
        long placeWords = 0;
        long verbs = 0;
        long surelyNoVerb = 0;
        long wordStarts = 0;
        long surelyNot = 0;
        long oneCharWords = 0;
        long surelyOne = 0;
        for (String text : texts) {
            CodePointText cps = new CodePointText(text);
            for (Sentence sentence : new SentenceSplitter().split(cps)) {
                int offset = sentence.span().begin();
                while (offset < sentence.span().end()) {
                    Span clause = Document.clauseAt(cps, sentence.span(), offset);
                    offset = Math.max(offset + 1, clause.end());
                    String clauseText = cps.slice(clause);
                    CodePointText local = new CodePointText(clauseText);
                    int from = cps.unitIndex(clause.begin());
                    int to = cps.unitIndex(clause.end());
                    boolean[] oneCharAt = new boolean[to - from];
                    for (Term term : plain.segment(clauseText)) {
                        int b = local.unitIndex(term.span().begin());
                        int e = local.unitIndex(term.span().end());
                        boolean may = plain.mayStartWordTagged(text, from + b, to, "ns", "nt");
                        boolean mayVerb = plain.mayStartWordTagged(text, from + b, to, "v");
                        if (term.pos().startsWith("v")) {
                            // bounded by the word's own end, as the linker asks (a verb ending by the phrase's end)
                            verbs++;
                            assertTrue(plain.mayStartWordTagged(text, from + b, from + e, "v"),
                                    () -> "'" + term.word() + "'/" + term.pos() + " in '" + clauseText + "'");
                        }
                        if (!mayVerb) {
                            surelyNoVerb++;
                        }
                        wordStarts++;
                        if (!may) {
                            surelyNot++;
                        }
                        if (term.pos().startsWith("ns") || term.pos().startsWith("nt")) {
                            placeWords++;
                            assertTrue(may, () -> "'" + term.word() + "'/" + term.pos() + " in '" + clauseText + "'");
                        }
                        if (e == b + 1) {
                            oneCharAt[b] = true;
                            oneCharWords++;
                        }
                    }
                    for (int u = from; u < to; u++) {
                        if (plain.surelyOneCharWord(text, from, to, u)) {
                            surelyOne++;
                            int at = u - from;
                            assertTrue(oneCharAt[at], () -> "'" + clauseText.charAt(at) + "' at " + at + " of '" + clauseText
                                    + "' is no word of its own: " + plain.segment(clauseText));
                        }
                    }
                }
            }
        }
        System.out.printf("%d place/org words, all 'may'; %d of %d word starts 'surely not'; %d verbs, all 'may',"
                + " %d word starts 'surely no verb'; %d of %d one-character words told%n",
                placeWords, surelyNot, wordStarts, verbs, surelyNoVerb, surelyOne, oneCharWords);
        assertTrue(placeWords > 1000, "the corpus holds place and organisation words");
        assertTrue(surelyNot > wordStarts / 2, "most word starts are told apart without segmenting");
        assertTrue(surelyOne > oneCharWords / 4, "many one-character words are told without segmenting");
    }

    @Test
    void answersOnAFewSentences() {
        String text = "济南高新区2023年实现地区生产总值1500亿元，共签约项目12个。";
        int to = text.indexOf('，') + 1;
        assertTrue(plain.mayStartWordTagged(text, 0, to, "ns", "nt"), "济南 is a place");
        assertFalse(plain.mayStartWordTagged(text, text.indexOf("实现"), to, "ns", "nt"));
        assertTrue(plain.mayStartWordTagged(text, text.indexOf("实现"), to, "v"), "实现 is a verb");
        assertFalse(plain.mayStartWordTagged(text, text.indexOf("实现"), text.indexOf("实现") + 1, "v"), "实 alone is none");
        assertTrue(plain.mayStartWordTagged(text, text.indexOf("2023"), to, "m"), "an atom's tag: no answer");
        int gong = text.indexOf('共');
        assertEquals(plain.surelyOneCharWord(text, to, text.length(), gong),
                plain.segment(text.substring(to)).get(0).word().equals("共"));
        assertFalse(plain.surelyOneCharWord(text, 0, to, text.indexOf("实现")), "实 begins 实现");
    }

    @Test
    void theRecognisingSegmenterAnswersNothingFromItsDictionaries() {
        HanlpSegmenter names = HanlpSegmenter.withNames();
        String text = "共签约项目12个。";
        assertTrue(names.mayStartWordTagged(text, 2, text.length(), "ns", "nt"));
        assertFalse(names.surelyOneCharWord(text, 0, text.length(), 0));
    }
}
