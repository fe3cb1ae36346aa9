package org.tiqu.extract.org;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tiqu.document.Document;
import org.tiqu.document.Sentence;
import org.tiqu.document.Term;
import org.tiqu.text.Span;

/**
 * The words of a document's sentences, segmented the first time a sentence is asked for, so
 * that sentences with no organisation cue are never segmented. One per {@code extract} call.
 */
final class SentenceTerms {

    private final Document document;
    private final Map<Integer, List<Term>> bySentence = new HashMap<>();

    SentenceTerms(Document document) {
        this.document = document;
    }

    /** The words of the sentence holding code point {@code offset}; empty between sentences. */
    List<Term> around(int offset) {
        Sentence sentence = document.sentenceAt(offset);
        if (sentence == null) {
            return List.of();
        }
        return bySentence.computeIfAbsent(sentence.index(), i -> document.termsOf(sentence));
    }

    /** The words of {@code sentence} if it has been segmented already, else null. */
    List<Term> ifSegmented(Sentence sentence) {
        return bySentence.get(sentence.index());
    }

    /** Index of the word ending exactly at {@code end}, or -1. */
    static int endingAt(List<Term> terms, int end) {
        for (int i = 0; i < terms.size(); i++) {
            Span s = terms.get(i).span();
            if (s.end() == end) {
                return i;
            }
            if (s.end() > end) {
                return -1;
            }
        }
        return -1;
    }

    /** Index of the word containing code point {@code offset}, or -1. */
    static int containing(List<Term> terms, int offset) {
        for (int i = 0; i < terms.size(); i++) {
            if (terms.get(i).span().contains(offset)) {
                return i;
            }
        }
        return -1;
    }
}
