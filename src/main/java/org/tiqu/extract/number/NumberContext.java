package org.tiqu.extract.number;

import java.util.List;

import org.tiqu.rules.Lexicon;
import org.tiqu.rules.RuleFile;

/**
 * What the words around a numeral say about it, from the lexicons of
 * {@code rules/number.yaml}: an approximation word before or after it (超160亿, 1.8倍以上),
 * an ordinal marker before it (第六个, 前五位), an idiom it belongs to (半壁江山), a short
 * quoted name (“三次创业”) or a web address around it.
 * Works on the match view, in UTF-16 positions of the view. Immutable and shared.
 */
public final class NumberContext {

    private final Lexicon approxBefore;
    private final Lexicon approxAfter;
    private final Lexicon approxInside;
    private final Lexicon approxExceptions;
    private final Lexicon ordinalBefore;
    private final Lexicon ordinalExceptions;
    private final List<String> idioms;
    private final Lexicon nameQuotes;
    private final Lexicon rankWords;
    private final Lexicon rankMoves;
    private final int longestBefore;

    /** The longest quoted text still read as a name or slogan (“两园一中心”), in view units. */
    static final int MAX_QUOTED_NAME = 8;

    /** How far back a web address is looked for, in view units. */
    static final int MAX_URL = 300;

    /** How far back a ranking word is looked for in the clause, in view units. */
    static final int MAX_RANK_CLAUSE = 30;
    private static final String CLAUSE_BREAKS = ",;:!?。，；：！？\n";

    public NumberContext(RuleFile numberRules) {
        this.approxBefore = numberRules.lexicon("approx_before");
        this.approxAfter = numberRules.lexicon("approx_after");
        this.approxInside = numberRules.lexicon("approx_inside");
        this.approxExceptions = numberRules.lexicon("approx_before_exceptions");
        this.ordinalBefore = numberRules.lexicon("ordinal_before");
        this.ordinalExceptions = numberRules.lexicon("ordinal_before_exceptions");
        this.nameQuotes = numberRules.lexicon("name_quotes");
        this.rankWords = numberRules.lexicon("rank_words");
        this.rankMoves = numberRules.lexicon("rank_moves");
        this.idioms = List.copyOf(numberRules.lexicon("idioms").entries().keySet());
        this.longestBefore = approxBefore.entries().keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    /**
     * The approximation of a mention at view range {@code [start, end)}: {@code over},
     * {@code under} or {@code about}, or null. A word inside the numeral ({@code inner}, such
     * as 余 in 160余家) comes first, then a word right before, then a word right after.
     */
    public String approx(String view, int start, int end, String inner) {
        if (inner != null) {
            for (int i = 0; i < inner.length(); i++) {
                String word = approxInside.get(String.valueOf(inner.charAt(i)));
                if (word != null) {
                    return word;
                }
            }
        }
        for (int len = Math.min(longestBefore, start); len >= 1; len--) {
            String word = view.substring(start - len, start);
            String before = approxBefore.get(word);
            if (before != null) {
                if (!endsWithException(view, start, word, approxExceptions)) {
                    return before;
                }
                break; // 签约3个: 约 belongs to another word; a word after may still qualify
            }
        }
        for (String word : approxAfter.entries().keySet()) {
            if (view.startsWith(word, end)) {
                return approxAfter.get(word);
            }
        }
        return null;
    }

    /** True when the numeral starting at {@code start} follows an ordinal or rank marker (第, 前, 排名). */
    public boolean afterOrdinalMarker(String view, int start) {
        for (String marker : ordinalBefore.entries().keySet()) {
            if (view.startsWith(marker, start - marker.length()) && start >= marker.length()) {
                if (!endsWithException(view, start, marker, ordinalExceptions)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * True when the numeral starting at {@code start} counts places in a ranking: a move right
     * before it (上升2位) or a ranking word earlier in its clause (排位比1-8月前进1位).
     */
    public boolean inRanking(String view, int start) {
        for (String move : rankMoves.entries().keySet()) {
            if (start >= move.length() && view.startsWith(move, start - move.length())) {
                return true;
            }
        }
        int from = start;
        while (from > 0 && start - from < MAX_RANK_CLAUSE && CLAUSE_BREAKS.indexOf(view.charAt(from - 1)) < 0) {
            from--;
        }
        String clause = view.substring(from, start);
        return rankWords.entries().keySet().stream().anyMatch(clause::contains);
    }

    /**
     * True when the text before {@code start} ends with a word of {@code words}, or with one of
     * them and then a word of {@code links} (人口达1250万: 人口, then 达). Rules ask this in code
     * rather than with a lookbehind of words, which would keep the matcher from skipping the many
     * numerals where such a rule cannot start.
     */
    public static boolean afterWord(String view, int start, Lexicon words, Lexicon links) {
        if (endsWithWord(view, start, words)) {
            return true;
        }
        if (links != null) {
            for (String link : links.entries().keySet()) {
                if (start >= link.length() && view.startsWith(link, start - link.length())
                        && endsWithWord(view, start - link.length(), words)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean endsWithWord(String view, int end, Lexicon words) {
        for (String word : words.entries().keySet()) {
            if (end >= word.length() && view.startsWith(word, end - word.length())) {
                return true;
            }
        }
        return false;
    }

    /** True when the text before {@code start} ends with a word of {@code exceptions} that ends in {@code word} (最近 for 近). */
    private static boolean endsWithException(String view, int start, String word, Lexicon exceptions) {
        return exceptions.entries().keySet().stream()
                .anyMatch(e -> e.endsWith(word) && start >= e.length() && view.startsWith(e, start - e.length()));
    }

    /** True when view range {@code [start, end)} overlaps an idiom (半壁江山, 千家万户). */
    public boolean insideIdiom(String view, int start, int end) {
        for (String idiom : idioms) {
            // Only the few positions where an occurrence would overlap the range: cost stays
            // proportional to the mention, not to the document.
            for (int at = Math.max(0, start - idiom.length() + 1); at < end; at++) {
                if (view.startsWith(idiom, at)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * True when view range {@code [start, end)} lies inside a short quotation (“三次创业”, “四新”):
     * such a quotation names a slogan or a programme, and its numbers count nothing.
     */
    public boolean insideQuotedName(String view, int start, int end) {
        if (end - start > MAX_QUOTED_NAME) {
            return false;
        }
        for (var pair : nameQuotes.entries().entrySet()) {
            String open = pair.getKey();
            String close = pair.getValue();
            int windowStart = Math.max(0, end - MAX_QUOTED_NAME - open.length());
            int opening = view.substring(windowStart, start).lastIndexOf(open);
            if (opening < 0) {
                continue;
            }
            opening += windowStart;
            int windowEnd = Math.min(view.length(), opening + open.length() + MAX_QUOTED_NAME + close.length());
            int closing = view.substring(end, Math.max(end, windowEnd)).indexOf(close);
            if (closing < 0) {
                continue;
            }
            String inside = view.substring(opening + open.length(), end + closing);
            if (inside.indexOf('\n') < 0 && !view.substring(opening + open.length(), start).contains(close)) {
                return true;
            }
        }
        return false;
    }

    /** True when the text at {@code start} belongs to a web address (%20 and the like are no percentages). */
    public static boolean insideUrl(String view, int start) {
        int tokenStart = start;
        while (tokenStart > 0 && start - tokenStart < MAX_URL && view.charAt(tokenStart - 1) > ' ' && view.charAt(tokenStart - 1) < 0x7F) {
            tokenStart--;
        }
        String token = view.substring(tokenStart, start);
        return token.contains("://") || token.startsWith("www.");
    }

    /** True when a mention at {@code [start, end)} is not a count or amount at all: an ordinal, an idiom, a name or a URL. */
    public boolean notAQuantity(String view, int start, int end) {
        return afterOrdinalMarker(view, start) || insideIdiom(view, start, end) || insideQuotedName(view, start, end)
                || insideUrl(view, start);
    }
}
