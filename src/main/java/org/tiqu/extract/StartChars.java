package org.tiqu.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which characters a pattern's match can start with, learnt from the pattern itself, one
 * character at a time, the first time that character is met.
 *
 * <p>Why: most rules match rarely, yet {@code find()} tries them at every position, and
 * their leading lookbehinds and large Chinese character classes are slow to test. A table
 * lookup per position, with the full pattern tried only where the table says it may start,
 * gives the same matches for a fraction of the time.
 *
 * <p>How: a match starting with character {@code c} must, on the one-character text
 * {@code "c"}, either match or run off the end of the text ({@link Matcher#hitEnd()});
 * when it does neither, no text starting with {@code c} can match there. Lookbehinds and
 * word boundaries see what precedes the start, which the one-character text lacks: a
 * negative lookbehind then passes (the test stays permissive, which is safe), but a
 * positive lookbehind or a word boundary could wrongly fail, so patterns holding them are
 * not learnt and are tried everywhere, as before. Surrogates are always tried.
 *
 * <p>Thread-safe: entries are written racily but every thread computes the same value.
 */
final class StartChars {

    private static final byte UNKNOWN = 0;
    private static final byte CAN_START = 1;
    private static final byte CANNOT_START = 2;

    /** Null when the pattern cannot be learnt this way: every position is tried. */
    private final byte[] table;

    StartChars(Pattern pattern) {
        this.table = learnable(pattern.pattern()) ? new byte[Character.MAX_VALUE + 1] : null;
    }

    /** True when the pattern looks at what precedes its start in a way the one-character test cannot see. */
    static boolean learnable(String regex) {
        return !(regex.contains("(?<=") || regex.contains("\\b") || regex.contains("\\B") || regex.contains("\\G"));
    }

    boolean learnt() {
        return table != null;
    }

    /**
     * False only when no match of {@code pattern} (the one this table was made for; not held
     * here, so that a cache keyed weakly by the pattern can let both go) can start with {@code c}.
     */
    boolean mayStartWith(Pattern pattern, char c) {
        if (table == null || Character.isSurrogate(c)) {
            return true;
        }
        byte known = table[c];
        if (known == UNKNOWN) {
            Matcher m = pattern.matcher(String.valueOf(c));
            known = m.lookingAt() || m.hitEnd() ? CAN_START : CANNOT_START;
            table[c] = known;
        }
        return known == CAN_START;
    }
}
