package org.tiqu.link;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    /** HanLP's tags of verbs (v, vn, vi, …) and of places and organisations (ns…, nt…). */
    static final String[] VERB = {"v"};
    static final String[] PLACE_OR_ORG = {"ns", "nt"};

    /** No clause reaches further than this from its value: past it, text is not one clause. */
    static final int MAX_CLAUSE = 200;
    private static final int MAX_SEGMENTED_SENTENCE = 2000;
    /** How far back in its sentence a value looks for its date, owner or frame. */
    static final int MAX_SENTENCE_REACH = 1000;

    final String text;
    private final Document document;
    private final CodePointText codePoints;
    final List<Placed> mentions;
    final List<Sent> sentences;
    /** Where the words of a lexicon stand in the text, by lexicon name, once looked for. */
    final java.util.Map<String, java.util.TreeMap<Integer, String>> wordPositions = new java.util.HashMap<>();
    /** The document's main subject, once counted (empty when it has none). */
    java.util.Optional<String> mainSubject;
    /** The date each sentence opens with, by its begin, once {@link Governors} asks (empty for none). */
    final java.util.Map<Integer, java.util.Optional<Placed>> dateOpeners = new java.util.HashMap<>();
    /** {@link #fullSentenceStart} by sentence index, once asked. */
    private final java.util.Map<Integer, Sent> fullSentenceStarts = new java.util.HashMap<>();
    /** The owners the document names, once {@link SubjectResolver} first needs them. */
    DocumentOwners owners;

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

    /** The sentence holding UTF-16 index {@code at}, or null when it falls between sentences. */
    Sent sentenceAt(int at) {
        int lo = 0;
        int hi = sentences.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Sent s = sentences.get(mid);
            if (at < s.begin()) {
                hi = mid - 1;
            } else if (at >= s.end()) {
                lo = mid + 1;
            } else {
                return s;
            }
        }
        return null;
    }

    /** The position of {@code s} among the sentences. */
    int indexOf(Sent s) {
        int lo = 0;
        int hi = sentences.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int begin = sentences.get(mid).begin();
            if (begin == s.begin()) {
                return mid;
            } else if (begin < s.begin()) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    /** Index of the first mention beginning at or after {@code from}. */
    private int firstFrom(int from) {
        int lo = 0;
        int hi = mentions.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (mentions.get(mid).begin() < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Mentions lying inside {@code [from, to)} that satisfy {@code filter}, in text order. */
    List<Placed> within(int from, int to, Predicate<Placed> filter) {
        List<Placed> out = new ArrayList<>();
        for (int i = firstFrom(from); i < mentions.size() && mentions.get(i).begin() < to; i++) {
            Placed p = mentions.get(i);
            if (p.end() <= to && filter.test(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The mention beginning exactly at {@code at}, or null. */
    Placed mentionAt(int at) {
        int i = firstFrom(at);
        return i < mentions.size() && mentions.get(i).begin() == at ? mentions.get(i) : null;
    }

    static boolean isValue(Placed p) {
        return p.type() == RecordType.MONEY || p.type() == RecordType.QUANTITY || p.type() == RecordType.PERCENT;
    }

    /** Where the clause holding {@code at} begins: after the last clause break of its sentence before it. */
    int clauseStart(MetricCues cues, int at, int sentenceBegin) {
        int stop = Math.max(sentenceBegin, at - MAX_CLAUSE);
        for (int i = at - 1; i >= stop; i--) {
            if (cues.isClauseBreak(text.charAt(i))) {
                return i + 1;
            }
        }
        return stop;
    }

    /** Where the clause holding {@code at} ends: at the first clause break of its sentence from it. */
    int clauseEnd(MetricCues cues, int at, int sentenceEnd) {
        int stop = Math.min(sentenceEnd, at + MAX_CLAUSE);
        for (int i = at; i < stop; i++) {
            if (cues.isClauseBreak(text.charAt(i))) {
                return i;
            }
        }
        return stop;
    }

    /**
     * The words of the clause of sentence {@code s} holding UTF-16 index {@code at}, segmented
     * once per document and shared with the ORG extractor (a clause's words are its sentence's
     * words there); none in a sentence too long to be prose (a table or a run-on line), where
     * word classes give no help. Every question below is about the word starting at a place,
     * which lies within that place's clause.
     */
    private List<Term> wordsAround(Sent s, int at) {
        if (s.end() - s.begin() > MAX_SEGMENTED_SENTENCE) {
            return List.of();
        }
        return document.termsOfClause(s.sentence(), codePoints.codePointIndex(at));
    }

    /** HanLP's tag of the first word starting at or after UTF-16 index {@code at} in sentence {@code s}, or null. */
    String posOfWordFrom(Sent s, int at) {
        // The clause holding at ends with its marks, each a word: the word sought is in it, if anywhere.
        for (Term term : wordsAround(s, at)) {
            if (unitIndex(term.span().begin()) >= at) {
                return term.pos();
            }
        }
        return null;
    }

    /**
     * The first word starting exactly at {@code at}, with its tag, if some step has segmented
     * its clause already (no segmentation is started for it); else null.
     */
    Term segmentedWordAt(Sent s, int at) {
        if (s.end() - s.begin() > MAX_SEGMENTED_SENTENCE) {
            return null;
        }
        List<Term> terms = document.clauseTermsIfSegmented(s.sentence(), codePoints.codePointIndex(at));
        if (terms == null) {
            return null;
        }
        for (Term term : terms) {
            int b = unitIndex(term.span().begin());
            if (b == at) {
                return term;
            }
            if (b > at) {
                return null;
            }
        }
        return null;
    }

    /** The end (UTF-16) of the first word starting at or after {@code at} in sentence {@code s}, or -1. */
    int wordEndFrom(Sent s, int at) {
        for (Term term : wordsAround(s, at)) {
            if (unitIndex(term.span().begin()) >= at) {
                return unitIndex(term.span().end());
            }
        }
        return -1;
    }

    /** The start (UTF-16) of the first word starting at or after {@code at} in sentence {@code s}, or -1. */
    int wordBeginFrom(Sent s, int at) {
        for (Term term : wordsAround(s, at)) {
            int b = unitIndex(term.span().begin());
            if (b >= at) {
                return b;
            }
        }
        return -1;
    }

    int unitIndex(int codePoint) {
        return codePoints.unitIndex(codePoint);
    }

    /** Whether the words of {@code [begin, end)} in sentence {@code s} start with a verb (HanLP's tag v…). */
    boolean startsWithVerb(Sent s, int begin, int end) {
        if (s.end() - s.begin() <= MAX_SEGMENTED_SENTENCE && !mayStartWordTagged(s, begin, end, VERB)) {
            // no dictionary verb starts here: no words needed, but later steps see the clause
            // as segmented, as they would had its words been read here
            document.segmentedLater(s.sentence(), codePoints.codePointIndex(begin));
            return false;
        }
        for (Term term : wordsAround(s, begin)) {
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
        Stripped body = stripped(s);
        int from = body.from();
        int to = body.to();
        String section = s.sentence().section();
        if (from == to || section != null && section.length() == to - from && text.startsWith(section, from)) {
            return false;
        }
        char last = text.charAt(to - 1);
        // a line ending in a figure (三次产业结构为9.2:51:39.8) is a statement of its own
        return "。！？；;!?…”」』）)：:%".indexOf(last) < 0 && !Character.isDigit(last);
    }

    /**
     * Whether the words of the clause of {@code s} holding {@code at} may have a word that
     * starts at {@code at}, ends by {@code end} and has a tag starting with one of {@code tags}:
     * asked of the segmenter's dictionaries, without segmenting; "no" is sure.
     */
    boolean mayStartWordTagged(Sent s, int at, int end, String... tags) {
        return document.mayStartWordTagged(s.sentence(), codePoints.codePointIndex(at),
                codePoints.codePointIndex(Math.min(end, text.length())), tags);
    }

    /** Whether the segmenter makes the character at {@code at} a word of its own. */
    boolean isOneCharWord(int at) {
        Sent s = sentenceAt(at);
        if (s == null) {
            return false;
        }
        if (s.end() - s.begin() <= MAX_SEGMENTED_SENTENCE) {
            int cp = codePoints.codePointIndex(at);
            if (document.surelyOneCharWord(s.sentence(), cp)) {
                // the dictionaries tell, but later steps see the clause as segmented, as they
                // would had its words been read here
                document.segmentedLater(s.sentence(), cp);
                return true;
            }
        }
        for (Term term : wordsAround(s, at)) {
            int b = unitIndex(term.span().begin());
            if (b == at) {
                return unitIndex(term.span().end()) == at + 1;
            }
            if (b > at) {
                return false;
            }
        }
        return false;
    }

    /**
     * The first piece of the sentence that {@code s} ends or continues, read to 。: the
     * splitter cuts at ；, and a list introduced by a colon (情况如下：) runs on over lines
     * that end in ；.
     */
    Sent fullSentenceStart(Sent s) {
        int here = indexOf(s);
        if (here < 0) {
            return s;
        }
        return fullSentenceStarts.computeIfAbsent(here, k -> {
            int i = here;
            while (i > 0) {
                int last = lastNonBlank(sentences.get(i - 1));
                if (last < 0 || "；;：:".indexOf(text.charAt(last)) < 0) {
                    break;
                }
                i--;
            }
            return sentences.get(i);
        });
    }

    /** Where the last character of {@code s} that is not whitespace stands, or -1 for a blank sentence. */
    private int lastNonBlank(Sent s) {
        for (int i = s.end() - 1; i >= s.begin(); i--) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Whether sentence {@code s}, without its outer whitespace, opens with a word of {@code words}. */
    boolean opensWith(org.tiqu.rules.Lexicon words, Sent s) {
        Stripped body = stripped(s);
        return words.prefixLength(text, body.from(), body.to()) > 0;
    }

    /** UTF-16 bounds of a sentence without its outer whitespace. */
    private record Stripped(int from, int to) {
    }

    /** Sentence {@code s} without its outer whitespace, read in place (as {@code String.strip()} cuts it). */
    private Stripped stripped(Sent s) {
        int from = s.begin();
        int to = s.end();
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        return new Stripped(from, to);
    }

    /** Where a value at {@code at} stops looking back in sentence {@code s}. */
    int reachBack(Sent s, int at) {
        return Math.max(s.begin(), at - MAX_SENTENCE_REACH);
    }

    /** Whether {@code [begin, end)} starts with a verb directly followed by 了, with words after it. */
    boolean verbThenLe(int begin, int end) {
        Sent s = sentenceAt(begin);
        if (s == null) {
            return false;
        }
        if (!holds(text, '了', begin + 1, end - 1) && s.end() - s.begin() <= MAX_SEGMENTED_SENTENCE) {
            // no 了 where the verb's could be: no words needed, but later steps see the clause
            // as segmented, as they would had its words been read here
            document.segmentedLater(s.sentence(), codePoints.codePointIndex(begin));
            return false;
        }
        if (s.end() - s.begin() <= MAX_SEGMENTED_SENTENCE && !mayStartWordTagged(s, begin, end - 1, VERB)) {
            // no dictionary verb starts here that a 了 and a word could follow: as above
            document.segmentedLater(s.sentence(), codePoints.codePointIndex(begin));
            return false;
        }
        for (Term term : wordsAround(s, begin)) {
            int b = unitIndex(term.span().begin());
            if (b == begin) {
                int after = unitIndex(term.span().end());
                return term.pos() != null && term.pos().startsWith("v") && after + 1 < end && text.charAt(after) == '了';
            }
            if (b > begin) {
                return false;
            }
        }
        return false;
    }

    /** Whether {@code ch} stands in {@code text[from, to)}. */
    private static boolean holds(String text, char ch, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == ch) {
                return true;
            }
        }
        return false;
    }

    /** Whether the segmenter's dictionaries know {@code word} as a place name. */
    boolean isPlaceName(String word) {
        return document.isPlaceName(word);
    }

    /**
     * Whether a word starting at UTF-16 index {@code at} is rather the end of a longer one: the
     * character before it and its first character make a word of the core dictionary (资本市场:
     * no 本市 after 资; 完全市场化: no 全市 after 完), and the character before does not end a
     * word of its own (瑞安全市 keeps its 全市: 瑞安 is a word).
     */
    boolean continuesWordBefore(int at) {
        if (at < 1 || !Character.isIdeographic(text.charAt(at - 1)) || !Character.isIdeographic(text.charAt(at))
                || !document.isCoreWord(text.substring(at - 1, at + 1))) {
            return false;
        }
        if (at < 2 || !Character.isIdeographic(text.charAt(at - 2))) {
            return true;
        }
        String before = text.substring(at - 2, at);
        return !document.isCoreWord(before) && !document.isPlaceName(before);
    }

    /** The words of that clause if some step has segmented it already, else null (nothing is segmented). */
    List<Term> wordsIfSegmented(Sent s, int at) {
        return document.clauseTermsIfSegmented(s.sentence(), codePoints.codePointIndex(at));
    }

    /** The words of the clause of {@code s} holding UTF-16 index {@code at} (none in an over-long sentence). */
    List<Term> words(Sent s, int at) {
        return wordsAround(s, at);
    }
}
