package org.tiqu.extract.org;

import java.util.List;
import java.util.HashSet;
import java.util.Set;

import org.tiqu.document.Document;
import org.tiqu.document.Sentence;
import org.tiqu.document.Term;
import org.tiqu.text.Span;

/**
 * The words around a place in a document, segmented one clause at a time and only when asked
 * for, so that clauses with no organisation cue are never segmented ({@link
 * Document#termsOfClause}: a clause's words are its sentence's words there). The suffix
 * grammar never looks past a clause mark, so it needs no more than the clause. Notes which
 * sentences hold a cue. One per {@code extract} call.
 */
final class ClauseWords {

    private final Document document;
    /** Indexes of the sentences some step asked about: those holding an organisation cue. */
    private final Set<Integer> asked = new HashSet<>();

    ClauseWords(Document document) {
        this.document = document;
    }

    /** The words of the clause holding code point {@code offset}; empty between sentences. */
    List<Term> around(int offset) {
        Sentence sentence = document.sentenceAt(offset);
        if (sentence == null) {
            return List.of();
        }
        asked.add(sentence.index());
        return document.termsOfClause(sentence, offset);
    }

    /** The words of the clause holding {@code offset} if they are known already, else null. */
    List<Term> ifSegmented(int offset) {
        Sentence sentence = document.sentenceAt(offset);
        List<Term> known = sentence == null ? null : document.clauseTermsIfSegmented(sentence, offset);
        if (known != null) {
            asked.add(sentence.index());
        }
        return known;
    }
    /** Notes that {@code sentence} holds an organisation cue, though no words were needed for it. */
    void cueIn(Sentence sentence) {
        asked.add(sentence.index());
    }

    /** Whether {@code sentence} holds an organisation cue: some step asked for words in it, or noted one. */
    boolean asked(Sentence sentence) {
        return asked.contains(sentence.index());
    }

    /** Index of the word ending exactly at {@code end}, or -1. */
    static int endingAt(List<Term> terms, int end) {
        int i = firstEndingAtOrAfter(terms, end);
        return i < terms.size() && terms.get(i).span().end() == end ? i : -1;
    }

    /** Index of the word containing code point {@code offset}, or -1. */
    static int containing(List<Term> terms, int offset) {
        int i = firstEndingAtOrAfter(terms, offset + 1);
        return i < terms.size() && terms.get(i).span().contains(offset) ? i : -1;
    }

    /**
     * Index of the first word ending at or after {@code end}, or the number of words: a binary
     * search, since words follow one another (a clause of a million characters is looked up
     * once per name ending in it).
     */
    static int firstEndingAtOrAfter(List<Term> terms, int end) {
        int lo = 0;
        int hi = terms.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (terms.get(mid).span().end() < end) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
