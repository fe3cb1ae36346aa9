package org.tiqu.review;

import java.util.ArrayList;
import java.util.List;

/**
 * Chinese text made searchable by SQLite's word tokenizer. SQLite's {@code unicode61}
 * tokenizer takes a run of Han characters for one word, so a search for 济南 would not find
 * 济南高新区. Each run of Han characters is therefore written as its overlapping character
 * pairs, and the last character of the run alone ({@code 济南高 → 济南 南高 高}); other text
 * is left for the tokenizer to cut into words. A query is cut the same way into a phrase of
 * pairs, so that a match is a substring match (as Lucene's CJK bigram analyzer does it).
 */
final class SearchTokens {

    private SearchTokens() {
    }

    /** The text as it is indexed. */
    static String index(String text) {
        StringBuilder out = new StringBuilder(text.length() * 3);
        cut(text, out, true);
        return out.toString();
    }

    /**
     * An FTS5 query that matches the indexed text holding {@code query} as a substring
     * (for Han text; other words match from their start), or null when it holds nothing to
     * search for.
     */
    static String match(String query) {
        StringBuilder cut = new StringBuilder();
        boolean prefix = cut(query, cut, false);
        List<String> tokens = new ArrayList<>();
        for (String t : cut.toString().split("[^\\p{L}\\p{N}\\p{M}]+")) {
            if (!t.isEmpty()) {
                tokens.add(t);
            }
        }
        if (tokens.isEmpty()) {
            return null;
        }
        // Tokens hold letters and digits only, so quoting them is enough to keep FTS5 syntax out.
        return "\"" + String.join(" ", tokens) + "\"" + (prefix ? " *" : "");
    }

    /**
     * Cuts {@code text} into {@code out}; returns whether its last token must be matched as a
     * prefix (a query ending in a single Han character, which the text may continue).
     *
     * @param indexing whether the text is indexed (every run ends with its last character alone)
     *                 or a query (a run at the end of the query may go on in the text, so it
     *                 ends with its last pair)
     */
    private static boolean cut(String text, StringBuilder out, boolean indexing) {
        int[] cps = text.codePoints().toArray();
        boolean prefix = false;
        int i = 0;
        while (i < cps.length) {
            if (!isHan(cps[i])) {
                out.appendCodePoint(cps[i]);
                i++;
                continue;
            }
            int start = i;
            while (i < cps.length && isHan(cps[i])) {
                i++;
            }
            boolean runMayContinue = !indexing && i == cps.length;
            out.append(' ');
            for (int k = start; k + 1 < i; k++) {
                out.appendCodePoint(cps[k]).appendCodePoint(cps[k + 1]).append(' ');
            }
            if (!runMayContinue) {
                out.appendCodePoint(cps[i - 1]).append(' ');
            } else if (i - start == 1) {
                out.appendCodePoint(cps[start]).append(' ');
                prefix = true;
            }
        }
        return prefix;
    }

    private static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }
}
