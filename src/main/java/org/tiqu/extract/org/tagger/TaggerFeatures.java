package org.tiqu.extract.org.tagger;

import org.tiqu.document.WordMarks;

/**
 * The feature keys of every character of a sentence: characters and character pairs in a window of
 * two either side, a character trigram, character classes, and dictionary word evidence (longest
 * word starting/ending here with its part of speech, inside a long word). Each key is a 64-bit
 * hash of a template number and its values, so that no string is built per character.
 */
final class TaggerFeatures {

    /** Keys per character. */
    static final int COUNT = 17;

    static final int BEGIN = 0x110001;
    static final int END = 0x110002;
    /** The character templates (1 to 5: the characters two before to two after) come first in {@link #keys}. */
    static final int CHARACTER_TEMPLATES = 5;
    /** The index in {@link #keys} of the character-class template (12). */
    static final int CLASS_TEMPLATE_INDEX = 11;
    /** The indexes in {@link #keys} of the word-length templates (15: lengths here; 16: lengths beside). */
    static final int LENGTHS_TEMPLATE_INDEX = 14;
    static final int BESIDE_TEMPLATE_INDEX = 15;
    /** Values of the word-length templates: lengths 0 to {@link WordMarks#MAX_WORD}, and -1 past the ends. */
    static final int LENGTHS = WordMarks.MAX_WORD + 1;
    static final int LENGTHS_VALUES = LENGTHS * LENGTHS * 2;
    static final int BESIDE_VALUES = (LENGTHS + 1) * (LENGTHS + 1);

    private final WordMarks.Source dictionary;
    private final WordMarks marks = new WordMarks();
    private int[] padded = new int[64];
    private int[] classes = new int[64];

    TaggerFeatures(WordMarks.Source dictionary) {
        this.dictionary = dictionary;
    }

    /**
     * Fills {@code out[i * COUNT + k]} with the keys of character i.
     *
     * @return out, grown when too small
     */
    long[] keys(int[] cps, int n, long[] out) {
        if (out == null || out.length < n * COUNT) {
            out = new long[Math.max(n * COUNT, 64 * COUNT)];
        }
        if (padded.length < n + 4) {
            padded = new int[n + 4 + 64];
            classes = new int[n + 4 + 64];
        }
        padded[0] = BEGIN;
        padded[1] = BEGIN;
        classes[0] = 9;
        classes[1] = 9;
        for (int i = 0; i < n; i++) {
            padded[i + 2] = normalise(cps[i]);
            classes[i + 2] = classOf(cps[i]);
        }
        padded[n + 2] = END;
        padded[n + 3] = END;
        classes[n + 2] = 9;
        classes[n + 3] = 9;
        dictionary.mark(cps, n, marks);
        for (int i = 0; i < n; i++) {
            int p = i + 2;
            int a = padded[p - 2];
            int b = padded[p - 1];
            int c = padded[p];
            int d = padded[p + 1];
            int e = padded[p + 2];
            int o = i * COUNT;
            out[o] = key(1, a, 0, 0);
            out[o + 1] = key(2, b, 0, 0);
            out[o + 2] = key(3, c, 0, 0);
            out[o + 3] = key(4, d, 0, 0);
            out[o + 4] = key(5, e, 0, 0);
            out[o + 5] = key(6, a, b, 0);
            out[o + 6] = key(7, b, c, 0);
            out[o + 7] = key(8, c, d, 0);
            out[o + 8] = key(9, d, e, 0);
            out[o + 9] = key(10, b, d, 0);
            out[o + 10] = key(11, b, c, d);
            out[o + 11] = key(12, classes[p - 1] * 100 + classes[p] * 10 + classes[p + 1], 0, 0);
            out[o + 12] = key(13, marks.startLength(i), marks.startNature(i), 0);
            out[o + 13] = key(14, marks.endLength(i), marks.endNature(i), 0);
            out[o + 14] = key(15, marks.startLength(i), marks.endLength(i), marks.inside(i) ? 1 : 0);
            out[o + 15] = key(16, i > 0 ? marks.endLength(i - 1) : -1, i + 1 < n ? marks.startLength(i + 1) : -1, 0);
            out[o + 16] = key(17, c, marks.startLength(i), marks.endLength(i));
        }
        return out;
    }

    /**
     * After {@link #keys}: the normalised character {@code offset} (-2 to 2) from character i,
     * or {@link #BEGIN}/{@link #END} past the sentence's ends; the value of templates 1 to 5.
     */
    int character(int i, int offset) {
        return padded[i + 2 + offset];
    }

    /** After {@link #keys}: the value of the character-class template of character i (below 1000). */
    int classTriple(int i) {
        int p = i + 2;
        return classes[p - 1] * 100 + classes[p] * 10 + classes[p + 1];
    }

    /** After {@link #keys}: the value of template 15 at character i as one number below {@link #LENGTHS_VALUES}. */
    int lengthsValue(int i) {
        return (marks.startLength(i) * LENGTHS + marks.endLength(i)) * 2 + (marks.inside(i) ? 1 : 0);
    }

    /** After {@link #keys} of n characters: the value of template 16 at character i, below {@link #BESIDE_VALUES}. */
    int besideValue(int i, int n) {
        int before = i > 0 ? marks.endLength(i - 1) : -1;
        int after = i + 1 < n ? marks.startLength(i + 1) : -1;
        return (before + 1) * (LENGTHS + 1) + after + 1;
    }

    /** The key of template 15 for a value of {@link #lengthsValue}. */
    static long lengthsKey(int value) {
        return key(15, value / 2 / LENGTHS, value / 2 % LENGTHS, value % 2);
    }

    /** The key of template 16 for a value of {@link #besideValue}. */
    static long besideKey(int value) {
        return key(16, value / (LENGTHS + 1) - 1, value % (LENGTHS + 1) - 1, 0);
    }

    /** Digits fold to 0, Latin letters to lower-case a, full-width forms to half-width. */
    static int normalise(int cp) {
        if (cp >= 0xFF01 && cp <= 0xFF5E) {
            cp -= 0xFEE0;
        }
        if (Character.isDigit(cp)) {
            return '0';
        }
        if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z')) {
            return 'a';
        }
        return cp;
    }

    private static final String NUMERALS = "零〇一二三四五六七八九十百千万亿两";

    private static int classOf(int cp) {
        if (cp >= 0xFF01 && cp <= 0xFF5E) {
            cp -= 0xFEE0;
        }
        if (Character.isDigit(cp)) {
            return 1;
        }
        if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z')) {
            return 2;
        }
        if (cp >= 0x4E00 && cp <= 0x9FFF) { // the common block first: UnicodeScript.of is slow
            return NUMERALS.indexOf(cp) >= 0 ? 3 : 4;
        }
        if (NUMERALS.indexOf(cp) >= 0) {
            return 3;
        }
        if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
            return 4;
        }
        if (Character.isWhitespace(cp)) {
            return 5;
        }
        return 6; // punctuation and symbols
    }

    static long key(int template, int x, int y, int z) {
        // Values are below 2^21 (code points) or small codes: one multiply-xorshift mixes them.
        long h = ((long) template << 58) ^ (x * 0x9E3779B97F4A7C15L) ^ (y * 0xC2B2AE3D27D4EB4FL) ^ (z * 0x165667B19E3779F9L);
        return mix(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
