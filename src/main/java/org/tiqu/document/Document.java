package org.tiqu.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.tiqu.source.SourceText;
import org.tiqu.text.CodePointText;
import org.tiqu.text.MatchView;
import org.tiqu.text.Span;

/**
 * A source text ready for extraction: the text in code points, its match view,
 * its sentences and, on demand, its words.
 *
 * <p>One document belongs to one thread; the segmentation is computed the first
 * time it is asked for, so extractors that need no words cost nothing.
 */
public final class Document {

    private final SourceText source;
    private final CodePointText text;
    private final MatchView view;
    private final List<Sentence> sentences;
    private final Segmenter segmenter;
    private final ReferenceTime reference;
    private final Deadline deadline;
    /** Clauses segmented on their own so far, by their first code point (see {@link #termsOfClause}). */
    private final Map<Integer, List<Term>> clauseTerms;
    /** Results computed once per document and shared by whoever asks (see {@link #memo}). */
    private final Map<Object, Object> memos;

    /** A document whose reference time is the given date, or unknown when {@code referenceDate} is null. */
    public Document(SourceText source, Segmenter segmenter, LocalDate referenceDate) {
        this(source, segmenter, referenceDate, Deadline.none());
    }

    /** As above, with a time budget that every extraction step checks. */
    public Document(SourceText source, Segmenter segmenter, LocalDate referenceDate, Deadline deadline) {
        this.deadline = deadline;
        this.source = source;
        this.text = new CodePointText(source.text());
        this.view = MatchView.of(source.text());
        this.sentences = List.copyOf(new SentenceSplitter().split(text));
        this.segmenter = segmenter;
        this.reference = referenceDate == null ? ReferenceTime.unknown() : ReferenceTime.given(referenceDate);
        this.memos = new HashMap<>();
        this.clauseTerms = new HashMap<>();
    }

    private Document(Document other, ReferenceTime reference) {
        this.source = other.source;
        this.text = other.text;
        this.view = other.view;
        this.sentences = other.sentences;
        this.segmenter = other.segmenter;
        this.deadline = other.deadline;
        this.reference = reference;
        this.memos = other.memos;
        this.clauseTerms = other.clauseTerms;
    }

    /** The same document with another reference time; the text, view and sentences are shared. */
    public Document withReference(ReferenceTime reference) {
        return new Document(this, reference);
    }

    public String id() {
        return source.id();
    }

    public SourceText source() {
        return source;
    }

    public CodePointText text() {
        return text;
    }

    public MatchView view() {
        return view;
    }

    public List<Sentence> sentences() {
        return sentences;
    }

    /** The time the document speaks from: given, inferred from its text, or unknown. */
    public ReferenceTime reference() {
        return reference;
    }

    /** The time budget of this document; long-running steps call {@link Deadline#check()}. */
    public Deadline deadline() {
        return deadline;
    }

    /**
     * The value {@code compute} gives for this document, computed the first time {@code key}
     * is asked for and shared after, also with {@link #withReference} copies. For findings
     * that do not depend on the reference time and that two steps need (the date rules serve
     * both the reference inference and the date extractor), so that no rule runs twice.
     */
    @SuppressWarnings("unchecked")
    public <T> T memo(Object key, Supplier<T> compute) {
        Object known = memos.get(key);
        if (known == null) {
            known = compute.get();
            memos.put(key, known);
        }
        return (T) known;
    }

    public String slice(Span span) {
        return text.slice(span);
    }

    /** Whether the segmenter's dictionaries know {@code word} as a place name (平利县, 四川省). */
    public boolean isPlaceName(String word) {
        return segmenter.isPlaceName(word);
    }

    /** Whether {@code word} is an entry of the segmenter's core dictionary (资本, 安全). */
    public boolean isCoreWord(String word) {
        return segmenter.isCoreWord(word);
    }

    /** The sentence that contains code point {@code offset}, or null when it falls between sentences. */
    public Sentence sentenceAt(int offset) {
        int lo = 0;
        int hi = sentences.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Span s = sentences.get(mid).span();
            if (offset < s.begin()) {
                hi = mid - 1;
            } else if (offset >= s.end()) {
                lo = mid + 1;
            } else {
                return sentences.get(mid);
            }
        }
        return null;
    }

    /**
     * The words of the clause of {@code sentence} holding code point {@code offset}, segmented
     * once. HanLP's segmentation is a best path through a word lattice, and a clause mark is a
     * word of its own in every path, so the best path between the marks that bound a clause
     * does not depend on what lies outside them: a clause's words are its sentence's words
     * there (the ORG extractor's {@code OrgWindowCheck} finds no clause of the corpus that
     * differs). Steps that need a few clauses need not segment whole sentences.
     */
    public List<Term> termsOfClause(Sentence sentence, int offset) {
        Span clause = clauseMarks().clauseAt(sentence.span(), offset);
        List<Term> known = clauseTerms.get(clause.begin());
        if (known == null || known == OWED) {
            known = segment(clause);
            clauseTerms.put(clause.begin(), known);
        }
        return known;
    }

    /**
     * The words of the clause holding {@code offset} if some step has segmented it already (or
     * counts it as segmented, see {@link #segmentedLater}), else null.
     */
    public List<Term> clauseTermsIfSegmented(Sentence sentence, int offset) {
        Span clause = clauseMarks().clauseAt(sentence.span(), offset);
        List<Term> known = clauseTerms.get(clause.begin());
        if (known == OWED) {
            known = segment(clause);
            clauseTerms.put(clause.begin(), known);
        }
        return known;
    }

    /**
     * Counts the clause holding {@code offset} as segmented, as {@link #termsOfClause} would,
     * for a step that found it need not read the words: {@link #clauseTermsIfSegmented} gives
     * its words from now on, segmenting it when first asked. What later steps see is the same
     * as if it had been segmented now; a clause nobody reads is never segmented.
     */
    public void segmentedLater(Sentence sentence, int offset) {
        clauseTerms.putIfAbsent(clauseMarks().clauseAt(sentence.span(), offset).begin(), OWED);
    }

    /**
     * Whether the words of the clause of {@code sentence} holding code point {@code offset} may
     * have a word that starts there, ends by code point {@code end} and has a tag starting with
     * one of {@code tags}: the segmenter answers from its dictionaries, without segmenting;
     * "no" is sure.
     */
    public boolean mayStartWordTagged(Sentence sentence, int offset, int end, String... tags) {
        Span clause = clauseMarks().clauseAt(sentence.span(), offset);
        return segmenter.mayStartWordTagged(text.text(), text.unitIndex(offset), text.unitIndex(Math.min(end, clause.end())),
                tags);
    }

    /**
     * Whether the words of the clause of {@code sentence} holding code point {@code offset}
     * surely have that code point as a one-character word, told by the segmenter from its
     * dictionaries without segmenting; false when it cannot tell.
     */
    public boolean surelyOneCharWord(Sentence sentence, int offset) {
        Span clause = clauseMarks().clauseAt(sentence.span(), offset);
        return segmenter.surelyOneCharWord(text.text(), text.unitIndex(clause.begin()), text.unitIndex(clause.end()),
                text.unitIndex(offset));
    }

    /** Marks a clause counted as segmented whose words are not read yet. */
    private static final List<Term> OWED = Collections.unmodifiableList(new java.util.ArrayList<>());

    /** The runs of clause marks of the text, found once: {@link #clauseAt} in a binary search. */
    private ClauseMarks clauseMarks() {
        return memo(ClauseMarks.class, () -> ClauseMarks.of(text));
    }

    /** A clause mark: a word of its own in every segmentation. */
    public static boolean isClauseMark(int cp) {
        return switch (cp) {
            case '，', '、', '；', '：', '。', '！', '？' -> true;
            default -> false;
        };
    }

    /**
     * From the clause mark before {@code offset} to the one at or after it, both included,
     * within {@code sentence}. A run of marks (。。。) is one word, so a clause takes in the
     * whole run at either end.
     */
    public static Span clauseAt(CodePointText text, Span sentence, int offset) {
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

    /**
     * The words of {@code span} segmented on their own, with source spans; not kept. Steps ask
     * for clauses ({@link #termsOfClause}), which are kept; this is for those and for tools
     * that compare segmentations.
     */
    public List<Term> segment(Span span) {
        deadline.check();
        List<Term> local = segmenter.segment(text.slice(span));
        List<Term> shifted = new ArrayList<>(local.size());
        int base = span.begin();
        for (Term t : local) {
            shifted.add(new Term(new Span(base + t.span().begin(), base + t.span().end()), t.word(), t.pos()));
        }
        return Collections.unmodifiableList(shifted);
    }
}
