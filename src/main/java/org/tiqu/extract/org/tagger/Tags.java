package org.tiqu.extract.org.tagger;

import java.util.ArrayList;
import java.util.List;

import org.tiqu.text.Span;

/**
 * The BIOES tags of one entity type and the Viterbi search over them. Impossible sequences
 * (I after O, a name left open at the end) are ruled out by the search, not learnt.
 */
final class Tags {

    static final int O = 0;
    static final int B = 1;
    static final int I = 2;
    static final int E = 3;
    static final int S = 4;
    static final int COUNT = 5;

    private Tags() {
    }

    static boolean allowed(int from, int to) {
        boolean open = from == B || from == I;
        boolean continues = to == I || to == E;
        return open == continues;
    }

    static boolean canStart(int t) {
        return t == O || t == B || t == S;
    }

    static boolean canEnd(int t) {
        return t == O || t == E || t == S;
    }

    /**
     * The best tag sequence.
     *
     * @param emission  {@code emission[i * COUNT + t]}
     * @param transition {@code transition[from * COUNT + to]}
     */
    static int[] viterbi(float[] emission, float[] transition, int n, int[] out, float[] work, int[] back) {
        float[] score = work;
        for (int t = 0; t < COUNT; t++) {
            score[t] = canStart(t) ? emission[t] : Float.NEGATIVE_INFINITY;
        }
        for (int i = 1; i < n; i++) {
            int prev = (i - 1) * COUNT;
            int cur = i * COUNT;
            for (int t = 0; t < COUNT; t++) {
                float best = Float.NEGATIVE_INFINITY;
                int arg = 0;
                for (int f = 0; f < COUNT; f++) {
                    if (!allowed(f, t)) {
                        continue;
                    }
                    float s = score[prev + f] + transition[f * COUNT + t];
                    if (s > best) {
                        best = s;
                        arg = f;
                    }
                }
                score[cur + t] = best + emission[cur + t];
                back[cur + t] = arg;
            }
        }
        int last = (n - 1) * COUNT;
        int arg = O;
        float best = Float.NEGATIVE_INFINITY;
        for (int t = 0; t < COUNT; t++) {
            if (canEnd(t) && score[last + t] > best) {
                best = score[last + t];
                arg = t;
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            out[i] = arg;
            arg = back[i * COUNT + arg];
        }
        return out;
    }

    /** The spans the tags mark, relative to the sentence. */
    static List<Span> spans(int[] tags, int n) {
        List<Span> spans = new ArrayList<>();
        int begin = -1;
        for (int i = 0; i < n; i++) {
            switch (tags[i]) {
                case S -> spans.add(new Span(i, i + 1));
                case B -> begin = i;
                case E -> {
                    if (begin >= 0) {
                        spans.add(new Span(begin, i + 1));
                    }
                    begin = -1;
                }
                case I -> { }
                default -> begin = -1;
            }
        }
        return spans;
    }

    /** Gold tags from entity spans (relative to the sentence). */
    static int[] of(List<Span> entities, int n) {
        int[] tags = new int[n];
        for (Span s : entities) {
            if (s.length() == 1) {
                tags[s.begin()] = S;
            } else {
                tags[s.begin()] = B;
                for (int i = s.begin() + 1; i < s.end() - 1; i++) {
                    tags[i] = I;
                }
                tags[s.end() - 1] = E;
            }
        }
        return tags;
    }
}
