package org.tiqu.link;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.tiqu.document.Document;
import org.tiqu.document.Sentence;
import org.tiqu.document.Term;
import org.tiqu.record.Mention;
import org.tiqu.record.RecordType;
import org.tiqu.text.CodePointText;
import org.tiqu.text.Span;

/**
 * A document's text and mentions as the linker reads them: positions are UTF-16
 * indices into the text (so that plain {@code String} operations apply), converted
 * from and back to code-point {@link Span}s only here.
 */
final class LinkText {

    /** A mention with its UTF-16 bounds. */
    record Placed(Mention mention, int begin, int end) {
        RecordType type() {
            return mention.type();
        }
    }

    /** A sentence with its UTF-16 bounds. */
    record Sent(Sentence sentence, int begin, int end) {
    }

    final String text;
    private final Document document;
    private final Map<Sent, List<Term>> terms = new HashMap<>();
    private final CodePointText codePoints;
    final List<Placed> mentions;
    final List<Sent> sentences;

    LinkText(Document document, List<Mention> mentions) {
        this.document = document;
        this.codePoints = document.text();
        this.text = codePoints.text();
        List<Placed> placed = new ArrayList<>();
        for (Mention m : mentions) {
            placed.add(new Placed(m, codePoints.unitIndex(m.span().begin()), codePoints.unitIndex(m.span().end())));
        }
        placed.sort(Comparator.comparingInt(Placed::begin).thenComparingInt(Placed::end));
        this.mentions = List.copyOf(placed);
        List<Sent> sents = new ArrayList<>();
        for (Sentence s : document.sentences()) {
            Sent next = new Sent(s, codePoints.unitIndex(s.span().begin()), codePoints.unitIndex(s.span().end()));
            Sent last = sents.isEmpty() ? null : sents.get(sents.size() - 1);
            if (last != null && isCutMidSentence(last)) {
                // a line break inside a sentence (8个省级重\n\n点建设项目) does not end it
                sents.set(sents.size() - 1, new Sent(last.sentence(), last.begin(), next.end()));
            } else {
                sents.add(next);
            }
        }
        this.sentences = List.copyOf(sents);
    }

    Span span(int begin, int end) {
        return new Span(codePoints.codePointIndex(begin), codePoints.codePointIndex(end));
    }

    String slice(int begin, int end) {
        return text.substring(begin, end);
    }

    /** The sentence holding UTF-16 index {@code at}, or a pseudo-sentence of the line when none does. */
    Sent sentenceAt(int at) {
        for (Sent s : sentences) {
            if (s.begin() <= at && at < s.end()) {
                return s;
            }
        }
        return null;
    }

    /** Mentions lying inside {@code [from, to)} that satisfy {@code filter}, in text order. */
    List<Placed> within(int from, int to, Predicate<Placed> filter) {
        List<Placed> out = new ArrayList<>();
        for (Placed p : mentions) {
            if (p.begin() >= from && p.end() <= to && filter.test(p)) {
                out.add(p);
            }
        }
        return out;
    }

    static boolean isValue(Placed p) {
        return p.type() == RecordType.MONEY || p.type() == RecordType.QUANTITY || p.type() == RecordType.PERCENT;
    }

    /** Where the clause holding {@code at} begins: after the last clause break of its sentence before it. */
    int clauseStart(MetricCues cues, int at, int sentenceBegin) {
        for (int i = at - 1; i >= sentenceBegin; i--) {
            if (cues.isClauseBreak(text.charAt(i))) {
                return i + 1;
            }
        }
        return sentenceBegin;
    }

    /** Where the clause holding {@code at} ends: at the first clause break of its sentence from it. */
    int clauseEnd(MetricCues cues, int at, int sentenceEnd) {
        for (int i = at; i < sentenceEnd; i++) {
            if (cues.isClauseBreak(text.charAt(i))) {
                return i;
            }
        }
        return sentenceEnd;
    }

    /** The words of sentence {@code s}, segmented once per link call. */
    List<Term> terms(Sent s) {
        return terms.computeIfAbsent(s, x -> document.termsOf(x.sentence()));
    }

    int unitIndex(int codePoint) {
        return codePoints.unitIndex(codePoint);
    }

    /** Whether the words of {@code [begin, end)} in sentence {@code s} start with a verb (HanLP's tag v…). */
    boolean startsWithVerb(Sent s, int begin, int end) {
        for (Term term : terms(s)) {
            int b = unitIndex(term.span().begin());
            if (b == begin) {
                return term.pos() != null && term.pos().startsWith("v") && unitIndex(term.span().end()) <= end;
            }
            if (b > begin) {
                return false;
            }
        }
        return false;
    }

    /** A sentence that stops at a line break with no end mark, and is not a heading. */
    private boolean isCutMidSentence(Sent s) {
        String body = text.substring(s.begin(), s.end()).strip();
        if (body.isEmpty() || body.equals(s.sentence().section())) {
            return false;
        }
        return "。！？；;!?…”」』）)：:".indexOf(body.charAt(body.length() - 1)) < 0;
    }
}
