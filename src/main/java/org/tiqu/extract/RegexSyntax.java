package org.tiqu.extract;

/**
 * Where the pieces of a Java regex end: character classes, quotations, groups and
 * quantifiers. Shared by the two readers of the rules' patterns, {@link ForwardPattern}
 * (which rewrites a pattern) and {@link MatchAlphabet} (which reads what it consumes), so
 * that both split a pattern the same way.
 */
final class RegexSyntax {

    private RegexSyntax() {
    }

    /** A quantifier: where it ends, whether it allows no repetition, and whether it is possessive. */
    record Quantifier(int end, boolean optional, boolean possessive) {
    }

    /**
     * Index just past the character class opening at {@code at} (on its {@code [}), nested
     * classes included, or -1 when it is not closed. A {@code ]} right after {@code [} or
     * {@code [^} is a member, as Java reads it.
     */
    static int classEnd(String regex, int at) {
        int i = at + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            i++;
        }
        while (i < regex.length() && regex.charAt(i) != ']') {
            char c = regex.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '[') {
                i = classEnd(regex, i);
                if (i < 0) {
                    return -1;
                }
            } else {
                i++;
            }
        }
        return i < regex.length() ? i + 1 : -1;
    }

    /** Index just past the {@code \Q…\E} quotation opening at {@code at}; the pattern's end when no {@code \E} follows. */
    static int quotedEnd(String regex, int at) {
        int end = regex.indexOf("\\E", at + 2);
        return end < 0 ? regex.length() : end + 2;
    }

    /** Index just past the group opening at {@code at} (on its {@code (}), or -1 when it is not closed. */
    static int groupEnd(String regex, int at) {
        int depth = 0;
        int i = at;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i = regex.startsWith("\\Q", i) ? quotedEnd(regex, i) : i + 2;
            } else if (c == '[') {
                i = classEnd(regex, i);
                if (i < 0) {
                    return -1;
                }
            } else {
                i++;
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The quantifier at {@code at} ({@code * + ? {n} {n,} {n,m}}, maybe lazy or possessive), or null. */
    static Quantifier quantifierAt(String regex, int at) {
        if (at >= regex.length()) {
            return null;
        }
        char c = regex.charAt(at);
        int end;
        boolean optional;
        if (c == '*' || c == '?' || c == '+') {
            end = at + 1;
            optional = c != '+';
        } else if (c == '{') {
            int close = regex.indexOf('}', at);
            String bounds = close < 0 ? "" : regex.substring(at + 1, close);
            if (!bounds.matches("[0-9]+(,[0-9]*)?")) {
                return null;
            }
            end = close + 1;
            optional = Integer.parseInt(bounds.split(",", -1)[0]) == 0;
        } else {
            return null;
        }
        boolean possessive = end < regex.length() && regex.charAt(end) == '+';
        if (end < regex.length() && (regex.charAt(end) == '?' || possessive)) {
            end++;
        }
        return new Quantifier(end, optional, possessive);
    }
}
