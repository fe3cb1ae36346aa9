package org.tiqu.extract.org;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.tiqu.document.Document;
import org.tiqu.document.Sentence;
import org.tiqu.document.Term;
import org.tiqu.text.CodePointText;
import org.tiqu.text.Span;

/**
 * The words around a place in a document, segmented one clause at a time and only when asked
 * for, so that clauses with no organisation cue are never segmented. One per {@code extract} call.
 *
 * <p>A clause runs from the clause mark before a place to the one after it, both included
 * (，、；：。！？ or the sentence's ends). HanLP's segmentation is a best path through a word
 * lattice, and a clause mark is always a word of its own, so every path of the sentence goes
 * through both marks and the best path between them does not depend on what lies outside: the
 * clause's words are the sentence's words there. (OrgWindowCheck measures this on the corpus.)
 * The suffix grammar never looks past a clause mark, so it needs no more than the clause.
 */
final class ClauseWords {

    private final Document document;
    /** Clauses segmented so far, by their first code point. */
    private final Map<Integer, List<Term>> byBegin = new HashMap<>();
    /** Indexes of the sentences some step asked about: those holding an organisation cue. */
    private final Set<Integer> asked = new HashSet<>();

    ClauseWords(Document document) {
        this.document = document;
    }

    /** A clause mark: a word of its own in every segmentation, and where a name's walk stops. */
    static boolean isClauseMark(int cp) {
        return switch (cp) {
            case '，', '、', '；', '：', '。', '！', '？' -> true;
            default -> false;
        };
    }

    /** The words of the clause holding code point {@code offset}; empty between sentences. */
    List<Term> around(int offset) {
        Sentence sentence = document.sentenceAt(offset);
        if (sentence == null) {
            return List.of();
        }
        asked.add(sentence.index());
        Span clause = clauseAt(document.text(), sentence.span(), offset);
        List<Term> known = byBegin.get(clause.begin());
        if (known == null) {
            List<Term> sentenceWords = document.termsIfSegmented(sentence);
            known = sentenceWords != null ? within(sentenceWords, clause) : document.segment(clause);
            byBegin.put(clause.begin(), known);
        }
        return known;
    }

    /** The words of the clause holding {@code offset} if they are known already, else null. */
    List<Term> ifSegmented(int offset) {
        Sentence sentence = document.sentenceAt(offset);
        if (sentence == null) {
            return null;
        }
        if (byBegin.containsKey(clauseAt(document.text(), sentence.span(), offset).begin())
                || document.termsIfSegmented(sentence) != null) {
            return around(offset);
        }
        return null;
    }

    /** Notes that {@code sentence} holds an organisation cue, though no words were needed for it. */
    void cueIn(Sentence sentence) {
        asked.add(sentence.index());
    }

    /** Whether {@code sentence} holds an organisation cue: some step asked for words in it, or noted one. */
    boolean asked(Sentence sentence) {
        return asked.contains(sentence.index());
    }

    /**
     * From the clause mark before {@code offset} to the one at or after it, within the sentence.
     * A run of marks (。。。) is one word, so a clause takes in the whole run at either end.
     */
    static Span clauseAt(CodePointText text, Span sentence, int offset) {
        int begin = offset - 1;
        while (begin >= sentence.begin() && !isClauseMark(text.codePointAt(begin))) {
            begin--;
        }
        while (begin > sentence.begin() && isClauseMark(text.codePointAt(begin - 1))) {
            begin--;
        }
        begin = Math.max(begin, sentence.begin());
        int end = offset;
        while (end < sentence.end() && !isClauseMark(text.codePointAt(end))) {
            end++;
        }
        while (end < sentence.end() && isClauseMark(text.codePointAt(end))) {
            end++;
        }
        return new Span(begin, end);
    }

    private static List<Term> within(List<Term> words, Span clause) {
        List<Term> out = new ArrayList<>();
        for (Term t : words) {
            if (t.span().begin() >= clause.begin() && t.span().end() <= clause.end()) {
                out.add(t);
            }
        }
        return Collections.unmodifiableList(out);
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
