package org.tiqu.extract.org;

import java.util.List;
import java.util.Set;

import org.tiqu.document.Document;
import org.tiqu.document.Term;
import org.tiqu.rules.RuleFile;
import org.tiqu.text.Span;

/**
 * The boundary rules every found name obeys, whatever found it: a name never starts or ends inside
 * a word the segmentation keeps whole (性基金 from 引导性基金, 合作协 from 合作协议), and never
 * starts with a verb, preposition, function word or quantity (驻开发区, 占公司, 含红塔集团,
 * 第10.5代…产业园) or with the stray last character of a place name before it (市河东新区 from
 * 遂宁市河东新区): such words are trimmed from the left, and what is left must still be a name.
 */
final class NameBoundaries {

    private final Set<String> functionChars;
    private final Set<String> leadingWords;
    private final Set<String> placeChars;
    /** Parts of speech a name never starts with (HanLP tags): prepositions, conjunctions, particles, pronouns, time, adverbs, punctuation. */
    private static final Set<String> NEVER_FIRST = Set.of("p", "pba", "pbei", "c", "cc", "u", "ud", "ude1", "ude2", "ude3",
            "udeng", "udh", "ug", "uguo", "uj", "ul", "ule", "ulian", "uls", "usuo", "uv", "uyy", "uz", "uzhe", "uzhi",
            "r", "rr", "ry", "rys", "ryt", "ryv", "rz", "rzs", "rzt", "rzv", "t", "d", "w", "vshi", "vyou");

    /** Function words that never stand inside a name as words of their own. */
    private static final Set<String> INSIDE_NEVER = Set.of("在", "由", "对", "向", "从", "把", "被", "的", "是", "将", "为");

    NameBoundaries(OrgLexicons lex, RuleFile rules) {
        this.functionChars = lex.functionChars();
        this.leadingWords = Set.copyOf(rules.lexicon("leading_non_name").entries().keySet());
        this.placeChars = Set.copyOf(rules.lexicon("place_chars").entries().keySet());
    }

    /**
     * The name in {@code span} after trimming words that cannot start one, or null when the span
     * cuts a word at its start (or at its end, when {@code checkEnd}) or nothing of two characters
     * is left.
     */
    Span fix(Document document, List<Term> words, Span span, boolean checkEnd) {
        int first = ClauseWords.containing(words, span.begin());
        if (first < 0) {
            return span; // no words known: nothing to check against
        }
        if (words.get(first).span().begin() != span.begin()) {
            return null;
        }
        if (checkEnd && ClauseWords.endingAt(words, span.end()) < 0) {
            return null;
        }
        int begin = span.begin();
        boolean afterNumber = first > 0 && (words.get(first - 1).word().startsWith("第")
                || words.get(first - 1).word().chars().anyMatch(Character::isDigit)); // 第10.5/代…
        // A verb, preposition or function word inside the name: the ending's walk went too far
        // (中央/驻/开发区, 第10.5代显示器/全/生态产业园), and what is after it need not be a name.
        for (int i = first + 1; i < words.size() && words.get(i).span().end() < span.end(); i++) {
            Term t = words.get(i);
            if (leadingWords.contains(t.word()) || INSIDE_NEVER.contains(t.word())) {
                return null;
            }
        }
        for (int i = first; i < words.size(); i++) {
            Term t = words.get(i);
            if (t.span().end() >= span.end()) {
                break;
            }
            if (!cannotStartName(t, afterNumber) && !(i == first && i > 0 && strayPlaceChar(t, words.get(i - 1)))) {
                break;
            }
            afterNumber = isNumber(t);
            begin = t.span().end();
        }
        if (span.end() - begin < 2) {
            return null;
        }
        return begin == span.begin() ? span : new Span(begin, span.end());
    }

    /** Whether {@code name} ends with the last character of a place name (北京市, 湖北省). */
    boolean isPlaceLike(String name) {
        return !name.isEmpty() && placeChars.contains(name.substring(name.length() - 1));
    }

    private boolean cannotStartName(Term t, boolean afterNumber) {
        String w = t.word();
        if (functionChars.contains(w) || leadingWords.contains(w) || NEVER_FIRST.contains(t.pos())) {
            return true;
        }
        if (t.pos().startsWith("m") && (w.startsWith("第") || w.chars().anyMatch(Character::isDigit))) {
            return true; // 第10.5, 3: a count or an ordinal
        }
        return afterNumber && (t.pos().equals("q") || t.span().length() == 1); // the measure word after it: 10.5代
    }

    private static boolean isNumber(Term t) {
        return t.pos().startsWith("m") || t.word().startsWith("第") || t.word().chars().anyMatch(Character::isDigit);
    }

    /** The last character of a place name split off from it: 遂宁/ns 市/n 河东新区 (not 据/县供电局). */
    private boolean strayPlaceChar(Term t, Term before) {
        return t.span().length() == 1 && placeChars.contains(t.word()) && before.span().end() == t.span().begin()
                && before.pos().startsWith("ns");
    }
}
