package org.tiqu.extract.org;

import java.util.List;

import org.tiqu.document.Term;
import org.tiqu.text.Span;

/**
 * A name is words followed by a name ending (集团, 研究院, 开发区 ...). Given where an ending was
 * found, this walks left over the sentence's words while they can belong to a name, and says
 * where the name starts — or that there is no name.
 *
 * <p>The walk stops at punctuation, function words and other parts of speech that never sit
 * inside a name, and at the cue words of {@code left_stops}. HanLP splits names it does not
 * know into single characters with arbitrary tags (济/vg 北/f), so a single character that is
 * not a function word is a name piece whatever its tag; a verb stays inside only with a name
 * word on its left (新旧动能转换产业合作区).
 */
final class SuffixGrammar {

    /** Longest name the walk builds, in code points: longer runs are sentences, not names. */
    private static final int MAX_NAME = 26;

    /** How a suffix rule's names are bounded. */
    record Options(Distinctive distinctive, boolean stopAtNames, boolean placeBefore) {
    }

    /** What the words before the ending must hold. */
    enum Distinctive {
        /** nothing: 建设发展局 */
        NONE,
        /** a word that is not a generic modifier: 量子研究院, not 综合服务中心 */
        LOOSE,
        /** a place, person, brand or organisation word, or a character of an unknown name: 台湾工业园 */
        STRICT
    }

    private final OrgLexicons lex;

    SuffixGrammar(OrgLexicons lex) {
        this.lex = lex;
    }

    /** The name ending with the ending at {@code ending}, or null. */
    Span nameEndingWith(List<Term> terms, Span ending, Options options) {
        int last = ClauseWords.endingAt(terms, ending.end());
        int first = ClauseWords.containing(terms, ending.begin());
        if (last < 0 || first < 0) {
            return null; // the ending does not end a word: 办理, 委托
        }
        Term head = terms.get(first);
        if (isVerb(terms.get(last).pos()) && (first == 0 || !isDistinctiveWord(terms.get(first - 1)))) {
            return null; // 学会 in 要学会, 办 in 举办
        }
        if (ending.length() == 1 && head.span().begin() != ending.begin() && !isInstitutionWord(head)) {
            return null; // a one-character ending is a word of its own (全部, 内部) or ends an institution word (发展局)
        }
        if (options.placeBefore() && (first == 0 || !terms.get(first - 1).pos().startsWith("ns"))) {
            return null;
        }
        int start = walkLeft(terms, first, ending.end(), options.stopAtNames());
        // A name does not start with a verb, nor with a verbal noun before a place (建设 济南高新区;
        // but 建设发展局 keeps it).
        while (start < first && !isPiece(terms.get(start)) && (isVerb(terms.get(start).pos())
                || terms.get(start).pos().equals("vn") && placeAfterVerbs(terms, start, first))) {
            start++;
        }
        boolean ownWords = start < first || terms.get(first).span().begin() < ending.begin();
        if (!ownWords) {
            return null; // a bare ending is a common noun: 集团, 高新区
        }
        if (ending.length() == 1 && head.span().begin() == ending.begin()
                && (!hasNonGeneric(terms, start, first, ending) || verbFollows(terms, last))) {
            return null; // 一部, 张某所作: a one-character ending needs a name of its own and no verb after it
        }
        if (ending.length() == 1 && head.span().begin() < ending.begin()
                && !hasNonGeneric(terms, start, first, ending) && lex.genericModifiers().contains(ownPart(head, ending))) {
            return null;
        }
        if (options.distinctive() == Distinctive.STRICT && !hasDistinctive(terms, start, first, ending)
                || options.distinctive() == Distinctive.LOOSE && !hasNonGeneric(terms, start, first, ending)) {
            return null;
        }
        return new Span(terms.get(start).span().begin(), ending.end());
    }

    /**
     * Whether the plain words could make up {@code span} as one name: it starts a word that may
     * start a name (not 该, 一些, 前, a verb), holds no word that ends the walk, and has the
     * distinctive element the ending's rule asks for.
     */
    boolean couldBeName(List<Term> terms, Span span, Span ending, Options options) {
        int first = ClauseWords.containing(terms, span.begin());
        if (first >= 0 && terms.get(first).span().begin() != span.begin()) {
            first = -1; // the span does not start a word
        }
        if (first < 0 || !mayStartName(terms.get(first))) {
            return false;
        }
        for (int j = first; j < terms.size() && terms.get(j).span().end() <= span.end(); j++) {
            if (!canSitInside(terms.get(j))) {
                return false;
            }
        }
        int head = ClauseWords.containing(terms, ending.begin());
        if (head < first || options.placeBefore() && (head == 0 || !terms.get(head - 1).pos().startsWith("ns"))) {
            return false;
        }
        return switch (options.distinctive()) {
            case NONE -> true;
            case LOOSE -> hasNonGeneric(terms, first, head, ending);
            case STRICT -> hasDistinctive(terms, first, head, ending);
        };
    }

    /**
     * False when no span ending with {@code ending} and starting at or after {@code from} can pass
     * {@link #couldBeName}: no word there may start a name with only words that may lie inside a
     * name between it and the ending, or even the longest such span lacks the distinctive element
     * the rule asks for. Decided from the plain words, so the recogniser need not run.
     */
    boolean roomForName(List<Term> terms, Span ending, int from, Options options) {
        int head = ClauseWords.containing(terms, ending.begin());
        if (head < 0 || options.placeBefore() && (head == 0 || !terms.get(head - 1).pos().startsWith("ns"))) {
            return false;
        }
        int earliest = -1;
        Term h = terms.get(head);
        if (h.span().begin() < ending.begin() && h.span().begin() >= from && mayStartName(h)) {
            earliest = head;
        }
        for (int k = head - 1; k >= 0 && terms.get(k).span().begin() >= from && canSitInside(terms.get(k)); k--) {
            if (mayStartName(terms.get(k))) {
                earliest = k;
            }
        }
        if (earliest < 0) {
            return false;
        }
        // The distinctive checks only get easier with more words, so the longest span decides.
        return switch (options.distinctive()) {
            case NONE -> true;
            case LOOSE -> hasNonGeneric(terms, earliest, head, ending);
            case STRICT -> hasDistinctive(terms, earliest, head, ending);
        };
    }

    private boolean mayStartName(Term t) {
        return !isVerb(t.pos()) && !lex.functionChars().contains(t.word());
    }

    /** Whether {@code t} may lie inside a name {@link #couldBeName} accepts. */
    private boolean canSitInside(Term t) {
        return !(lex.leftStops().contains(t.word()) || isNumeral(t) || !isPiece(t) && lex.isStopPos(t.pos()));
    }

    private int walkLeft(List<Term> terms, int first, int end, boolean stopAtNames) {
        int start = first;
        int j = first - 1;
        while (j >= 0) {
            Term t = terms.get(j);
            if (end - t.span().begin() > MAX_NAME) {
                break;
            }
            if (isBracketedPlace(terms, j)) {
                j -= 3; // 中国（济南）特医食品城
                start = j + 1;
                continue;
            }
            if (!canContinue(terms, j, first) || stopAtNames && endsWithName(t)) {
                break;
            }
            start = j;
            j--;
        }
        // A walk that ended on a bracket or a dot leaves it outside.
        while (start < first && terms.get(start).pos().equals("w")) {
            start++;
        }
        return start;
    }

    /** {@code （济南）} ending at {@code j}: a place in brackets inside a name. */
    private static boolean isBracketedPlace(List<Term> terms, int j) {
        return j >= 3 && isClose(terms.get(j).word()) && terms.get(j - 1).pos().startsWith("ns")
                && isOpen(terms.get(j - 2).word()) && terms.get(j - 3).pos().startsWith("ns");
    }

    private static boolean isClose(String w) {
        return w.equals("）") || w.equals(")");
    }

    private static boolean isOpen(String w) {
        return w.equals("（") || w.equals("(");
    }

    private boolean canContinue(List<Term> terms, int j, int first) {
        Term t = terms.get(j);
        if (lex.leftStops().contains(t.word()) || endsWithStop(t.word())) {
            return false;
        }
        if (t.word().equals("·")) {
            return j > 0 && isNameWord(terms.get(j - 1)); // 连城·济北智造小镇
        }
        if (isNumeral(t)) {
            // A numeral inside a name follows a place or brand (山东七运集团); otherwise it counts (一部, 五局).
            return j > 0 && lex.isDistinctivePos(terms.get(j - 1).pos());
        }
        if (isPiece(t)) {
            return true;
        }
        if (isFunctionChar(t) || lex.isStopPos(t.pos()) || t.pos().isEmpty()) {
            return false;
        }
        if (isVerb(t.pos())) {
            // Only between common nouns (动能 转换 产业); 出任 欧洲…, 战胜 中国队 end the name.
            // Right before the ending, only after a noun that itself follows a distinctive word (中欧 装备 制造 小镇).
            boolean inside = j + 1 < first || j > 1 && isDistinctiveWord(terms.get(j - 2));
            return j > 0 && inside && isCommonNoun(terms.get(j - 1)) && isCommonNoun(terms.get(j + 1))
                    && !lex.leftStops().contains(terms.get(j - 1).word());
        }
        return true;
    }

    /** Whether the verbs and verbal nouns from {@code j} on are followed by a place (规划 建设 中国…). */
    private boolean placeAfterVerbs(List<Term> terms, int j, int first) {
        int k = j;
        while (k < first && terms.get(k).pos().startsWith("v")) {
            k++;
        }
        return k < terms.size() && lex.isDistinctivePos(terms.get(k).pos());
    }

    /** The part of {@code head} before the ending that starts inside it. */
    private static String ownPart(Term head, Span ending) {
        return head.word().substring(0, head.word().offsetByCodePoints(0, ending.begin() - head.span().begin()));
    }

    private static boolean verbFollows(List<Term> terms, int last) {
        if (last + 1 >= terms.size()) {
            return false;
        }
        String pos = terms.get(last + 1).pos();
        return isVerb(pos) || pos.startsWith("u");
    }

    /** A word HanLP glued to a cue (统筹推进): its cue still ends the walk. */
    private boolean endsWithStop(String word) {
        for (int i = word.length() - 2; i > 0; i--) {
            if (lex.leftStops().contains(word.substring(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNumeral(Term t) {
        return t.pos().startsWith("m") && t.word().codePointCount(0, t.word().length()) == 1
                && Character.UnicodeScript.of(t.word().codePointAt(0)) == Character.UnicodeScript.HAN;
    }

    private boolean isFunctionChar(Term t) {
        return lex.functionChars().contains(t.word());
    }

    /** A single Han character that is not a function word: a piece of a name HanLP did not know. */
    private boolean isPiece(Term t) {
        String w = t.word();
        if (t.pos().startsWith("m")) {
            return false;
        }
        return w.codePointCount(0, w.length()) == 1
                && Character.UnicodeScript.of(w.codePointAt(0)) == Character.UnicodeScript.HAN
                && !lex.functionChars().contains(w);
    }

    private boolean isDistinctiveWord(Term t) {
        return lex.isDistinctivePos(t.pos()) || isPiece(t);
    }

    private static boolean isCommonNoun(Term t) {
        return t.pos().equals("n") || t.pos().equals("vn") || t.pos().equals("nz") || t.pos().equals("j");
    }

    private boolean isNameWord(Term t) {
        String pos = t.pos();
        return isPiece(t) || pos.startsWith("n") || pos.equals("j") || pos.startsWith("g") || pos.equals("b");
    }

    /** A word that is itself a zone or body name ending: a company name does not reach over it. */
    private boolean endsWithName(Term t) {
        String w = t.word();
        for (int from = w.length() - 2; from >= 0; from--) {
            if (lex.nameEndings().contains(w.substring(from))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A word that ends with a one-character ending and is itself a name: tagged as an institution
     * (发展局/nis, 外交部/nt), or a noun of three characters or more (司法部, 巴西队); never 全部, 干部.
     */
    private boolean isInstitutionWord(Term t) {
        if (lex.commonWords().longestSuffixOf(t.word()) != null) {
            return false;
        }
        return t.pos().equals("nis") || t.pos().startsWith("nt")
                || (t.pos().equals("n") || t.pos().equals("nz")) && t.word().codePointCount(0, t.word().length()) >= 3;
    }

    private static boolean isVerb(String pos) {
        return pos.startsWith("v") && !pos.equals("vn");
    }

    private boolean hasNonGeneric(List<Term> terms, int start, int first, Span ending) {
        for (int j = start; j < first; j++) {
            if (!lex.genericModifiers().contains(terms.get(j).word())) {
                return true;
            }
        }
        return hasDistinctive(terms, start, first, ending);
    }

    private boolean hasDistinctive(List<Term> terms, int start, int first, Span ending) {
        for (int j = start; j < first; j++) {
            Term t = terms.get(j);
            // a sector word is no distinctive element, whatever its tag (新材料/nz 产业园)
            if (lex.isDistinctivePos(t.pos()) && !lex.genericModifiers().contains(t.word()) || isPiece(t)) {
                return true;
            }
        }
        // The ending sat inside a longer word (济北开发区 as one word).
        Term head = terms.get(first);
        if (head.span().begin() >= ending.begin() || !lex.isDistinctivePos(head.pos())) {
            return false;
        }
        String own = head.word().substring(0, head.word().offsetByCodePoints(0, ending.begin() - head.span().begin()));
        return !lex.genericModifiers().contains(own); // 科技园/nz before 区 is not distinctive
    }
}
