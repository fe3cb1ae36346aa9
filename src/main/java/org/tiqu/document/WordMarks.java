package org.tiqu.document;

import java.util.Arrays;

/**
 * Per character of a sentence: the longest dictionary word (two characters or more) starting
 * and ending there, with a code of its part of speech, and whether a word of three characters or
 * more covers it strictly inside. Reused across sentences to keep the per-character cost flat.
 */
public final class WordMarks {

    /** Longest word looked for, in characters. */
    public static final int MAX_WORD = 8;

    /** Fills marks for a sentence given as code points. */
    public interface Source {
        void mark(int[] codePoints, int length, WordMarks out);
    }

    private int[] startLength = new int[64];
    private int[] startNature = new int[64];
    private int[] endLength = new int[64];
    private int[] endNature = new int[64];
    private boolean[] inside = new boolean[64];

    public void clear(int length) {
        if (startLength.length < length) {
            int n = Math.max(length, startLength.length * 2);
            startLength = new int[n];
            startNature = new int[n];
            endLength = new int[n];
            endNature = new int[n];
            inside = new boolean[n];
        }
        Arrays.fill(startLength, 0, length, 0);
        Arrays.fill(startNature, 0, length, 0);
        Arrays.fill(endLength, 0, length, 0);
        Arrays.fill(endNature, 0, length, 0);
        Arrays.fill(inside, 0, length, false);
    }

    /** Records a dictionary word of {@code length} characters at {@code begin}; longer words win. */
    public void word(int begin, int length, int nature) {
        if (length > startLength[begin]) {
            startLength[begin] = length;
            startNature[begin] = nature;
        }
        int last = begin + length - 1;
        if (length > endLength[last]) {
            endLength[last] = length;
            endNature[last] = nature;
        }
        if (length >= 3) {
            for (int k = begin + 1; k < last; k++) {
                inside[k] = true;
            }
        }
    }

    public int startLength(int i) {
        return startLength[i];
    }

    public int startNature(int i) {
        return startNature[i];
    }

    public int endLength(int i) {
        return endLength[i];
    }

    public int endNature(int i) {
        return endNature[i];
    }

    public boolean inside(int i) {
        return inside[i];
    }
}
