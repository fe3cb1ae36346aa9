package org.tiqu.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which characters a pattern's match can start with, and between which neighbours, read
 * from the pattern itself by trying it on those characters alone. {@link RuleMatcher} asks
 * once per character (and per triple) and keeps the answers of all its rules together.
 *
 * <p>Why: most rules match rarely, yet {@code find()} tries them at every position, and
 * their leading lookbehinds and large Chinese character classes are slow to test. A table
 * lookup per position, with the full pattern tried only where the table says it may start,
 * gives the same matches for a fraction of the time.
 *
 * <p>How: a match attempt is a function of the characters the regex engine reads. If an
 * attempt on the one-character text {@code "c"} neither matches nor runs off the end
 * ({@link Matcher#hitEnd()}), no text starting with {@code c} can match there, as long as
 * the attempt did not depend on what precedes the start. Two tests cover that:
 * <ul>
 *   <li>on {@code "c"} alone, which is exactly the attempt at the start of a text (where
 *       {@code ^} holds and lookbehinds see nothing);</li>
 *   <li>on {@code "c"} preceded by probe characters that record being read: an attempt
 *       that fails without reading them fails wherever {@code c} stands. If the engine did
 *       read before the start (a lookbehind, a word boundary), the first test still decides
 *       when the pattern has only negative lookbehinds (seeing nothing before, they pass: the
 *       test stays permissive, which is safe); otherwise {@code c} counts as a possible
 *       start.</li>
 * </ul>
 * Surrogates are always tried; patterns with {@code \G} are tried everywhere.
 *
 * <p>A character that can start a match is then tested with the characters around it
 * ({@link #mayStartBetween}) on the {@link ForwardPattern}, which reads nothing before the
 * character before: a lookbehind such as {@code (?<![0-9])} rules out the inside of a
 * number, where most of the remaining attempts are, and the next character rules out what
 * cannot continue (一 of 一个 for a month, 上 of 上海 for a half-year).
 *
 * <p>Immutable, so thread-safe.
 */
final class StartChars {

    /** Probe characters before the tested one: more than any lookbehind in the rules reaches. */
    private static final int PROBES = 1024;

    private final Pattern pattern;
    /** False when the pattern cannot be read this way ({@code \G}): it is tried with {@code find()}. */
    private final boolean learnable;
    /** True when reading before the start can only make a match less likely (no positive lookbehind or boundary). */
    private final boolean onlyNegativeLookbehinds;
    /** The pattern loosened to read at most one character before its start, or null ({@link ForwardPattern}). */
    private final Pattern forward;
    /** What the pattern's matches are made of, or null ({@link MatchAlphabet}). */
    private final MatchAlphabet alphabet;

    StartChars(Pattern pattern) {
        String regex = pattern.pattern();
        this.pattern = pattern;
        this.forward = ForwardPattern.of(pattern);
        this.alphabet = MatchAlphabet.of(pattern);
        this.learnable = !regex.contains("\\G");
        this.onlyNegativeLookbehinds = !(regex.contains("(?<=") || regex.contains("\\b") || regex.contains("\\B"));
    }

    boolean learnable() {
        return learnable;
    }

    /** False only when no match can start with {@code c}. */
    boolean mayStartWith(char c) {
        return !learnable || Character.isSurrogate(c) || canStart(c);
    }

    /**
     * False only when no match can start with {@code c} after the first character of a text.
     * Stricter than {@link #mayStartWith} for patterns that may start at the beginning of a text
     * ({@code \A}, {@code ^}) and otherwise only after a delimiter they consume:
     * {@code (?:\A|[，、])name} can start with any character at offset 0, elsewhere only with
     * a delimiter.
     */
    boolean mayStartInside(char c) {
        return mayStartWith(c) && (Character.isSurrogate(c) || !learnable || canStartInside(c));
    }

    /**
     * False only when no match can start at {@code start} of {@code text}: the characters
     * from there that a match could be made of lack some that every match needs.
     */
    boolean mayMatchFrom(CharSequence text, int start) {
        return alphabet == null || alphabet.mayMatchFrom(text, start);
    }

    /** {@link #mayMatchFrom} for ascending starts in {@code text}, in time linear in the text; null when every start may match. */
    MatchAlphabet.Starts startsIn(CharSequence text) {
        return alphabet == null ? null : alphabet.over(text);
    }

    /**
     * False only when no match can start with {@code c} between {@code before} and
     * {@code after}; to be asked only where {@link #mayStartWith} said yes.
     */
    boolean mayStartBetween(char before, char c, char after) {
        if (!learnable || Character.isSurrogate(before) || Character.isSurrogate(c) || Character.isSurrogate(after)) {
            return true;
        }
        return forward != null ? forwardMayStart(before, c, after) : probedMayStart(before, c, after);
    }

    /** Whether the loosened pattern can start at {@code c} between these two: it reads nothing further before. */
    private boolean forwardMayStart(char before, char c, char after) {
        Matcher m = forward.matcher(new String(new char[] {before, c, after})).region(1, 3)
                .useTransparentBounds(true).useAnchoringBounds(false);
        return m.lookingAt() || m.hitEnd();
    }

    /** The same for a pattern that cannot be loosened: an attempt that reads further back may start anywhere. */
    private boolean probedMayStart(char before, char c, char after) {
        Probed text = new Probed(before, c, after);
        Matcher m = pattern.matcher(text).region(PROBES + 1, PROBES + 3).useTransparentBounds(true)
                .useAnchoringBounds(false);
        return m.lookingAt() || m.hitEnd() || text.probed;
    }

    /**
     * The attempt at {@code c} after unknown text: an anchor on the text's beginning fails there
     * without reading anything, so an attempt that neither matches, nor runs off the end, nor
     * reads before {@code c} fails wherever {@code c} stands after the first character.
     */
    private boolean canStartInside(char c) {
        Probed text = new Probed(c);
        Matcher inside = pattern.matcher(text).region(PROBES, PROBES + 1).useTransparentBounds(true).useAnchoringBounds(false);
        return inside.lookingAt() || inside.hitEnd() || text.probed;
    }

    private boolean canStart(char c) {
        Matcher alone = pattern.matcher(String.valueOf(c));
        if (alone.lookingAt() || alone.hitEnd()) {
            return true;
        }
        return !onlyNegativeLookbehinds && canStartInside(c);
    }

    /** Characters after {@link #PROBES} characters that note when the regex engine reads them. */
    private static final class Probed implements CharSequence {
        private final char[] chars;
        boolean probed;

        Probed(char... chars) {
            this.chars = chars;
        }

        @Override
        public int length() {
            return PROBES + chars.length;
        }

        @Override
        public char charAt(int index) {
            if (index < PROBES) {
                probed = true;
                return '\uFFFF';
            }
            return chars[index - PROBES];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new StringBuilder(this).subSequence(start, end);
        }

        @Override
        public String toString() {
            return new StringBuilder(this).toString();
        }
    }
}
