package org.tiqu.extract.org.tagger;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.tiqu.document.WordMarks;
import org.tiqu.text.Span;

/**
 * A trained character tagger of organisation names: an averaged perceptron's weights over the
 * features of {@link TaggerFeatures}, decoded with Viterbi over BIOES tags. Immutable once loaded
 * and safe to share between threads (each call uses its own buffers).
 *
 * <p>File format (gzip): magic, version, feature count n, n sorted 64-bit keys, the weights as
 * 16-bit integers times one scale ({@code n * 5}), then the 25 transition weights as floats.
 */
public final class OrgTagger {

    private static final int MAGIC = 0x7469_6f72; // "tior"
    private static final int VERSION = 1;

    private final long[] keys;
    private final short[] weights;
    private final float scale;
    private final float[] transition;
    private final WordMarks.Source dictionary;
    /** Open addressing: slot → index + 1 of the key, 0 for empty. */
    private final long[] slotKeys;
    private final int[] slotIndex;
    private final int mask;

    OrgTagger(long[] keys, short[] weights, float scale, float[] transition, WordMarks.Source dictionary) {
        this.keys = keys;
        this.weights = weights;
        this.scale = scale;
        this.transition = transition;
        this.dictionary = dictionary;
        int size = Integer.highestOneBit(Math.max(16, keys.length * 2 - 1)) << 1;
        this.mask = size - 1;
        this.slotKeys = new long[size];
        this.slotIndex = new int[size];
        for (int i = 0; i < keys.length; i++) {
            int slot = slot(keys[i]);
            while (slotIndex[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slotKeys[slot] = keys[i];
            slotIndex[slot] = i + 1;
        }
    }

    private int slot(long key) {
        return (int) (key ^ (key >>> 32)) & mask;
    }

    private int indexOf(long key) {
        int slot = slot(key);
        while (true) {
            int idx = slotIndex[slot];
            if (idx == 0) {
                return -1;
            }
            if (slotKeys[slot] == key) {
                return idx - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    public int features() {
        return keys.length;
    }

    /** Per-thread buffers. */
    private final ThreadLocal<Work> work = ThreadLocal.withInitial(this::newWork);

    private Work newWork() {
        return new Work(dictionary);
    }

    private static final class Work {
        final TaggerFeatures features;
        long[] keys;
        float[] emission = new float[0];
        float[] score = new float[0];
        int[] back = new int[0];
        int[] tags = new int[0];

        Work(WordMarks.Source dictionary) {
            features = new TaggerFeatures(dictionary);
        }

        void ensure(int n) {
            if (tags.length < n) {
                int m = Math.max(n, 2 * tags.length);
                emission = new float[m * Tags.COUNT];
                score = new float[m * Tags.COUNT];
                back = new int[m * Tags.COUNT];
                tags = new int[m];
            }
        }
    }

    /** The organisation names in a sentence given as code points, as spans of code point offsets into it. */
    public List<Span> tag(int[] codePoints, int n) {
        if (n == 0) {
            return List.of();
        }
        Work w = work.get();
        w.ensure(n);
        w.keys = w.features.keys(codePoints, n, w.keys);
        float[] emission = w.emission;
        java.util.Arrays.fill(emission, 0, n * Tags.COUNT, 0f);
        for (int i = 0; i < n; i++) {
            int o = i * TaggerFeatures.COUNT;
            int e = i * Tags.COUNT;
            for (int k = 0; k < TaggerFeatures.COUNT; k++) {
                int f = indexOf(w.keys[o + k]);
                if (f >= 0) {
                    int base = f * Tags.COUNT;
                    for (int t = 0; t < Tags.COUNT; t++) {
                        emission[e + t] += weights[base + t];
                    }
                }
            }
        }
        // Weights are integers times one scale: compare the transitions in the same unit.
        float[] trans = new float[Tags.COUNT * Tags.COUNT];
        for (int i = 0; i < trans.length; i++) {
            trans[i] = transition[i] / scale;
        }
        Tags.viterbi(emission, trans, n, w.tags, w.score, w.back);
        return Tags.spans(w.tags, n);
    }

    /** The names in {@code text} (code point offsets). */
    public List<Span> tag(String text) {
        int[] cps = text.codePoints().toArray();
        return tag(cps, cps.length);
    }

    public static OrgTagger load(Path file, WordMarks.Source dictionary) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, dictionary);
        }
    }

    public static OrgTagger read(InputStream raw, WordMarks.Source dictionary) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16));
        if (in.readInt() != MAGIC || in.readInt() != VERSION) {
            throw new IOException("not an ORG tagger model (version " + VERSION + ")");
        }
        int n = in.readInt();
        float scale = in.readFloat();
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = in.readLong();
        }
        short[] weights = new short[n * Tags.COUNT];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = in.readShort();
        }
        float[] transition = new float[Tags.COUNT * Tags.COUNT];
        for (int i = 0; i < transition.length; i++) {
            transition[i] = in.readFloat();
        }
        return new OrgTagger(keys, weights, scale, transition, dictionary);
    }

    /**
     * Writes a model from float weights: {@code weights[i * 5 + t]} for {@code keys[i]} (sorted),
     * quantised to 16 bits.
     */
    static void write(Path file, long[] keys, float[] weights, float[] transition) throws IOException {
        float max = 0;
        for (float w : weights) {
            max = Math.max(max, Math.abs(w));
        }
        float scale = max == 0 ? 1 : max / Short.MAX_VALUE;
        try (OutputStream os = Files.newOutputStream(file);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(os, 1 << 16), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(keys.length);
            out.writeFloat(scale);
            for (long k : keys) {
                out.writeLong(k);
            }
            for (float w : weights) {
                out.writeShort(Math.round(w / scale));
            }
            for (float t : transition) {
                out.writeFloat(t);
            }
        }
    }
}
