package org.tiqu.extract;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a pattern's matches are made of, read from the pattern: the characters a match can
 * consist of (its alphabet), and sets of characters of each of which every match holds one
 * (its requirements) — the digits and {@code 百分点} of a rule for percentage points, the
 * digits and {@code 月} of a month.
 *
 * <p>Why: the numeric and date rules all start with a number, so each is tried at every
 * number of the text, and most of those attempts fail only after reading the whole number.
 * A match starting at a position lies within the run of alphabet characters from there; when
 * that run lacks a requirement, no match can start there, which table lookups per character
 * decide.
 *
 * <p>Negative lookarounds and lookbehinds add nothing; a positive lookahead counts as part
 * of the run (see {@link Reader#lookahead}). Patterns this cannot read exactly
 * (flags, negated or property classes, {@code .}, intersections) have no alphabet.
 */
final class MatchAlphabet {

    /** The most telling requirements kept: each is one more table lookup per character read. */
    private static final int MAX_REQUIREMENTS = 4;

    private final BitSet alphabet;
    /** Sets of characters of each of which every match holds one. */
    private final BitSet[] required;

    private MatchAlphabet(BitSet alphabet, BitSet[] required) {
        this.alphabet = alphabet;
        this.required = required;
    }

    /** The pattern's alphabet and requirements, or null when it has none worth testing. */
    static MatchAlphabet of(Pattern pattern) {
        if (pattern.flags() != 0) {
            return null;
        }
        try {
            Reader reader = new Reader(pattern.pattern());
            Info info = reader.alternation();
            if (reader.at != reader.regex.length() || info.required().isEmpty()) {
                return null;
            }
            BitSet[] telling = info.required().stream().distinct()
                    .sorted(java.util.Comparator.comparingInt(BitSet::cardinality))
                    .limit(MAX_REQUIREMENTS).toArray(BitSet[]::new);
            return new MatchAlphabet(info.alphabet(), telling);
        } catch (Unreadable e) {
            return null;
        }
    }

    /** False only when no match can start at {@code start} of {@code text}. */
    boolean mayMatchFrom(CharSequence text, int start) {
        return over(text).mayMatchFrom(start);
    }

    /** A reader of {@code text} for ascending starts: see {@link Starts}. */
    Starts over(CharSequence text) {
        return new Starts(text);
    }

    /**
     * Answers {@link #mayMatchFrom} for ascending starts in one text, reading each character
     * at most once per requirement and once for the run: where the run of alphabet characters
     * from a start ends, and where each requirement next occurs, only move forward as the start
     * does. Asked at every position of a run of a million digits, a scan from each start would
     * read the run half a million million times.
     */
    final class Starts {
        private final CharSequence text;
        /** End of the run of alphabet characters holding the last start asked (exclusive). */
        private int runEnd = -1;
        /** Per requirement, its first position at or after the last start, or {@link #runEnd} when the run has none. */
        private final int[] next = new int[required.length];

        private Starts(CharSequence text) {
            this.text = text;
            java.util.Arrays.fill(next, -1);
        }

        /**
         * Where the run of the last start asked ends: when that start could not match for want of
         * a requirement, no later start before this can either (the run from it is part of the
         * run from the start asked), so they need not be asked.
         */
        int runEnd() {
            return runEnd;
        }

        /** As {@link MatchAlphabet#mayMatchFrom}; {@code start} must not be less than the last one asked. */
        boolean mayMatchFrom(int start) {
            if (start >= runEnd) {
                runEnd = start;
                while (runEnd < text.length() && alphabet.get(text.charAt(runEnd))) {
                    runEnd++;
                }
            }
            if (runEnd == start) {
                return false;
            }
            for (int k = 0; k < required.length; k++) {
                if (next[k] < start) {
                    int i = start;
                    while (i < runEnd && !required[k].get(text.charAt(i))) {
                        i++;
                    }
                    next[k] = i;
                }
                if (next[k] >= runEnd) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A construct whose characters cannot be listed. */
    private static final class Unreadable extends RuntimeException {
        Unreadable() {
            super(null, null, false, false);
        }
    }

    /**
     * What a piece of pattern consumes, and sets of characters of each of which every match of
     * the piece holds one (none when it may match without any particular character).
     */
    private record Info(BitSet alphabet, List<BitSet> required) {
        static Info nothing() {
            return new Info(new BitSet(), List.of());
        }

        static Info of(BitSet chars) {
            return new Info(chars, List.of(chars));
        }

        BitSet smallestRequirement() {
            return required.stream().min(java.util.Comparator.comparingInt(BitSet::cardinality)).orElseThrow();
        }
    }

    private static final class Reader {
        private final String regex;
        private int at;

        Reader(String regex) {
            this.regex = regex;
        }

        /** Alternatives: a match holds one of the characters that some alternative requires. */
        Info alternation() {
            Info first = sequence();
            if (at >= regex.length() || regex.charAt(at) != '|') {
                return first;
            }
            BitSet alphabet = (BitSet) first.alphabet().clone();
            BitSet required = first.required().isEmpty() ? null : (BitSet) first.smallestRequirement().clone();
            while (at < regex.length() && regex.charAt(at) == '|') {
                at++;
                Info next = sequence();
                alphabet.or(next.alphabet());
                if (required != null && !next.required().isEmpty()) {
                    required.or(next.smallestRequirement());
                } else {
                    required = null;
                }
            }
            return new Info(alphabet, required == null ? List.of() : List.of(required));
        }

        /** Consecutive items: a match holds what each of them requires. */
        private Info sequence() {
            BitSet alphabet = new BitSet();
            List<BitSet> required = new ArrayList<>();
            while (at < regex.length() && regex.charAt(at) != '|' && regex.charAt(at) != ')') {
                Info item = quantified(atom());
                alphabet.or(item.alphabet());
                required.addAll(item.required());
            }
            return new Info(alphabet, required);
        }

        private Info quantified(Info atom) {
            RegexSyntax.Quantifier q = RegexSyntax.quantifierAt(regex, at);
            if (q == null) {
                if (at < regex.length() && regex.charAt(at) == '{') {
                    throw new Unreadable();
                }
                return atom;
            }
            at = q.end(); // lazy or possessive: the same characters
            return q.optional() ? new Info(atom.alphabet(), List.of()) : atom;
        }

        private Info atom() {
            char c = regex.charAt(at);
            switch (c) {
                case '(':
                    return group();
                case '[':
                    return Info.of(charClass());
                case '\\':
                    return escape();
                case '^':
                case '$':
                    at++;
                    return Info.nothing();
                case '.':
                    throw new Unreadable();
                default:
                    at++;
                    if (Character.isSurrogate(c)) {
                        throw new Unreadable();
                    }
                    return Info.of(single(c));
            }
        }

        private Info group() {
            if (regex.startsWith("(?=", at)) {
                return lookahead();
            }
            boolean otherLookaround = regex.startsWith("(?!", at) || regex.startsWith("(?<=", at) || regex.startsWith("(?<!", at);
            if (otherLookaround) {
                skipGroup();
                return Info.nothing(); // what it reads need not be there, or lies before the start
            } else if (regex.startsWith("(?:", at) || regex.startsWith("(?>", at)) {
                at += 3;
            } else if (regex.startsWith("(?<", at)) {
                at = regex.indexOf('>', at) + 1; // a named group
            } else if (regex.startsWith("(?", at)) {
                throw new Unreadable(); // inline flags
            } else {
                at++;
            }
            Info inner = alternation();
            if (at >= regex.length() || regex.charAt(at) != ')') {
                throw new Unreadable();
            }
            at++;
            return inner;
        }

        /**
         * A positive lookahead: what it reads starts inside the match, so the match and what
         * the lookahead reads make one run from the start, of the characters of both, holding
         * what either requires (百分点 of a list of points, which the rule only looks ahead to).
         * One it cannot read adds nothing.
         */
        private Info lookahead() {
            int open = at;
            try {
                at += 3;
                Info inner = alternation();
                if (at >= regex.length() || regex.charAt(at) != ')') {
                    throw new Unreadable();
                }
                at++;
                return inner;
            } catch (Unreadable e) {
                at = open;
                skipGroup();
                return Info.nothing();
            }
        }

        /** Past the group opening at {@code at}, reading only its structure. */
        private void skipGroup() {
            at = RegexSyntax.groupEnd(regex, at);
            if (at < 0) {
                throw new Unreadable();
            }
        }

        private Info escape() {
            char next = at + 1 < regex.length() ? regex.charAt(at + 1) : 0;
            switch (next) {
                case 'b', 'B', 'A', 'z', 'Z', 'G' -> {
                    at += 2;
                    return Info.nothing();
                }
                case 'k' -> {
                    at = regex.indexOf('>', at) + 1; // the group's own characters, already counted
                    return Info.nothing();
                }
                case 'Q' -> {
                    int end = RegexSyntax.quotedEnd(regex, at);
                    String quoted = regex.substring(at + 2, regex.startsWith("\\E", end - 2) ? end - 2 : end);
                    at = end;
                    if (quoted.isEmpty() || quoted.chars().anyMatch(ch -> Character.isSurrogate((char) ch))) {
                        throw new Unreadable();
                    }
                    BitSet chars = new BitSet();
                    List<BitSet> each = new ArrayList<>();
                    quoted.chars().forEach(ch -> {
                        chars.set(ch);
                        each.add(single((char) ch));
                    });
                    return new Info(chars, each);
                }
                default -> {
                    if (next >= '1' && next <= '9') {
                        at += 2;
                        while (at < regex.length() && Character.isDigit(regex.charAt(at))) {
                            at++;
                        }
                        return Info.nothing(); // a back reference
                    }
                    return Info.of(escapedChars());
                }
            }
        }

        /** An escape that stands for characters, inside or outside a class; {@code at} on the backslash. */
        private BitSet escapedChars() {
            char next = at + 1 < regex.length() ? regex.charAt(at + 1) : 0;
            at += 2;
            switch (next) {
                case 'd':
                    return range('0', '9');
                case 's': {
                    BitSet s = single(' ');
                    s.set('\t', '\r' + 1); // \t \n \u000B \f \r
                    return s;
                }
                case 'w': {
                    BitSet w = range('a', 'z');
                    w.or(range('A', 'Z'));
                    w.or(range('0', '9'));
                    w.set('_');
                    return w;
                }
                case 't':
                    return single('\t');
                case 'n':
                    return single('\n');
                case 'r':
                    return single('\r');
                case 'f':
                    return single('\f');
                case 'e':
                    return single('\u001B');
                case 'a':
                    return single('\u0007');
                case 'u': {
                    char c = (char) Integer.parseInt(regex.substring(at, at + 4), 16);
                    at += 4;
                    if (Character.isSurrogate(c)) {
                        throw new Unreadable();
                    }
                    return single(c);
                }
                case 'x': {
                    if (at < regex.length() && regex.charAt(at) == '{') {
                        int close = regex.indexOf('}', at);
                        int cp = Integer.parseInt(regex.substring(at + 1, close), 16);
                        at = close + 1;
                        if (cp > 0xFFFF || Character.isSurrogate((char) cp)) {
                            throw new Unreadable();
                        }
                        return single((char) cp);
                    }
                    char c = (char) Integer.parseInt(regex.substring(at, at + 2), 16);
                    at += 2;
                    return single(c);
                }
                default:
                    if (Character.isLetterOrDigit(next) || Character.isSurrogate(next) || next == 0) {
                        throw new Unreadable(); // \D \S \W \p \h \R \0 \c …: too many characters, or unusual
                    }
                    return single(next); // an escaped symbol stands for itself
            }
        }

        private BitSet charClass() {
            at++; // [
            if (at < regex.length() && regex.charAt(at) == '^') {
                throw new Unreadable();
            }
            BitSet chars = new BitSet();
            boolean first = true;
            while (at < regex.length() && (regex.charAt(at) != ']' || first)) {
                first = false;
                char c = regex.charAt(at);
                if (c == '[') {
                    chars.or(charClass());
                    continue;
                }
                if (c == '&' && regex.startsWith("&&", at)) {
                    throw new Unreadable();
                }
                BitSet item;
                char low;
                if (c == '\\') {
                    item = escapedChars();
                    low = item.cardinality() == 1 ? (char) item.nextSetBit(0) : 0;
                    if (item.cardinality() != 1) {
                        chars.or(item);
                        continue;
                    }
                } else {
                    if (Character.isSurrogate(c)) {
                        throw new Unreadable();
                    }
                    at++;
                    low = c;
                    item = single(c);
                }
                if (at + 1 < regex.length() && regex.charAt(at) == '-' && regex.charAt(at + 1) != ']') {
                    at++;
                    char high;
                    if (regex.charAt(at) == '\\') {
                        BitSet h = escapedChars();
                        if (h.cardinality() != 1) {
                            throw new Unreadable();
                        }
                        high = (char) h.nextSetBit(0);
                    } else {
                        high = regex.charAt(at++);
                    }
                    if (Character.isSurrogate(high) || high < low) {
                        throw new Unreadable();
                    }
                    chars.or(range(low, high));
                } else {
                    chars.or(item);
                }
            }
            if (at >= regex.length()) {
                throw new Unreadable();
            }
            at++; // ]
            return chars;
        }

        private static BitSet single(char c) {
            BitSet b = new BitSet();
            b.set(c);
            return b;
        }

        private static BitSet range(char low, char high) {
            BitSet b = new BitSet();
            b.set(low, high + 1);
            return b;
        }
    }
}
