package org.tiqu.extract.org.tagger;

import java.io.BufferedOutputStream;
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

    private final int features;
    private final float scale;
    private final float[] transition;
    private final float[] scaledTransition;
    private final WordMarks.Source dictionary;
    /**
     * Open addressing, three longs per slot so that one look-up touches one cache line: the key,
     * the first four 16-bit weights, the fifth. An empty slot has weights word {@link #EMPTY}
     * in its third long (a real fifth weight only uses the low 16 bits).
     */
    private final long[] table;
    private final int mask;
    /** Blocked Bloom filter of the keys: two bits in one long per key, 8 to 16 bits per key (about 0.5 MB). */
    private final long[] filter;
    private final int filterMask;
    private static final long EMPTY = Long.MIN_VALUE;
    /** The indexes in {@link TaggerFeatures#keys} of the templates looked up in the table: those without dense weights. */
    private static final int[] HASHED_TEMPLATES = java.util.stream.IntStream.range(TaggerFeatures.CHARACTER_TEMPLATES, TaggerFeatures.COUNT)
            .filter(k -> k != TaggerFeatures.CLASS_TEMPLATE_INDEX && k != TaggerFeatures.LENGTHS_TEMPLATE_INDEX
                    && k != TaggerFeatures.BESIDE_TEMPLATE_INDEX)
            .toArray();
    /**
     * The weights of the five character templates, a row of {@code 5 * 5} per character (row 0:
     * none), indexed by {@link #characterRow}; those of the class and word-length templates by
     * their values (below). A character's five templates are then one cache line, not five probes
     * of the large table, and nine of the seventeen features need no probe at all. Sums of 16-bit
     * integers in floats are exact, so the order of adding does not matter.
     */
    private final short[] characterWeights;
    /** Per BMP character, then {@link TaggerFeatures#BEGIN} and {@link TaggerFeatures#END}: its row, 0 for none. */
    private final char[] characterRow;
    private final short[] classWeights;
    /** The same for the two word-length templates, whose values are few (see {@link TaggerFeatures#lengthsValue}). */
    private final short[] lengthsWeights;
    private final short[] besideWeights;

    OrgTagger(long[] keys, short[] weights, float scale, float[] transition, WordMarks.Source dictionary) {
        this.features = keys.length;
        this.scale = scale;
        this.transition = transition;
        // Weights are integers times one scale: the transitions in the same unit.
        this.scaledTransition = new float[transition.length];
        for (int i = 0; i < transition.length; i++) {
            scaledTransition[i] = transition[i] / scale;
        }
        this.dictionary = dictionary;
        int size = Integer.highestOneBit(Math.max(16, keys.length + keys.length / 2)) << 1;
        this.mask = size - 1;
        this.table = new long[size * 3];
        for (int slot = 0; slot < size; slot++) {
            table[slot * 3 + 2] = EMPTY;
        }
        int words = Integer.highestOneBit(Math.max(64, keys.length / 8)) << 1;
        this.filter = new long[words];
        this.filterMask = words - 1;
        for (long key : keys) {
            filter[(int) (key >>> 40) & filterMask] |= (1L << (key & 63)) | (1L << ((key >>> 6) & 63));
        }
        for (int i = 0; i < keys.length; i++) {
            int slot = slot(keys[i]);
            while (table[slot * 3 + 2] != EMPTY) {
                slot = (slot + 1) & mask;
            }
            int b = i * Tags.COUNT;
            table[slot * 3] = keys[i];
            table[slot * 3 + 1] = (weights[b] & 0xFFFFL) | (weights[b + 1] & 0xFFFFL) << 16
                    | (weights[b + 2] & 0xFFFFL) << 32 | (weights[b + 3] & 0xFFFFL) << 48;
            table[slot * 3 + 2] = weights[b + 4] & 0xFFFFL;
        }
        this.characterRow = new char[0x10000 + 2];
        final int rowLength = Tags.COUNT * TaggerFeatures.CHARACTER_TEMPLATES;
        short[] rows = new short[rowLength * 1024];
        int used = 1;
        float[] w = new float[Tags.COUNT];
        for (int c = 0; c < characterRow.length; c++) {
            int cp = c < 0x10000 ? c : c == 0x10000 ? TaggerFeatures.BEGIN : TaggerFeatures.END;
            if ((used + 1) * rowLength > rows.length) {
                rows = java.util.Arrays.copyOf(rows, rows.length * 2);
            }
            boolean any = false;
            for (int t = 0; t < TaggerFeatures.CHARACTER_TEMPLATES; t++) {
                any |= copyWeights(TaggerFeatures.key(t + 1, cp, 0, 0), rows, used * rowLength + t * Tags.COUNT, w);
            }
            if (any) {
                if (used > Character.MAX_VALUE) {
                    throw new IllegalStateException("more characters with weights than rows");
                }
                characterRow[c] = (char) used++;
            }
        }
        this.characterWeights = java.util.Arrays.copyOf(rows, used * rowLength);
        this.classWeights = denseWeights(1000, v -> TaggerFeatures.key(TaggerFeatures.CLASS_TEMPLATE_INDEX + 1, v, 0, 0));
        this.lengthsWeights = denseWeights(TaggerFeatures.LENGTHS_VALUES, TaggerFeatures::lengthsKey);
        this.besideWeights = denseWeights(TaggerFeatures.BESIDE_VALUES, TaggerFeatures::besideKey);
    }

    /** The weights of the keys of values 0 to {@code values - 1} of one template, {@link Tags#COUNT} per value. */
    private short[] denseWeights(int values, java.util.function.IntToLongFunction keyOf) {
        short[] dense = new short[values * Tags.COUNT];
        float[] w = new float[Tags.COUNT];
        for (int v = 0; v < values; v++) {
            copyWeights(keyOf.applyAsLong(v), dense, v * Tags.COUNT, w);
        }
        return dense;
    }

    /**
     * Copies the weights of {@code key} (zeros when unknown) to {@code out[at..at+5)}; whether any
     * is not zero. {@code w}: scratch of {@link Tags#COUNT}, so that loading allocates nothing per key.
     */
    private boolean copyWeights(long key, short[] out, int at, float[] w) {
        java.util.Arrays.fill(w, 0f);
        addWeights(key, w, 0);
        boolean any = false;
        for (int tag = 0; tag < Tags.COUNT; tag++) {
            out[at + tag] = (short) w[tag];
            any |= w[tag] != 0;
        }
        return any;
    }

    private static void addDense(short[] dense, int value, float[] emission, int e) {
        int at = value * Tags.COUNT;
        for (int tag = 0; tag < Tags.COUNT; tag++) {
            emission[e + tag] += dense[at + tag];
        }
    }

    /** The row of {@link #characterWeights} of a normalised character, or -1 when it has none there (beyond the BMP). */
    private int characterRowOf(int cp) {
        if (cp < 0x10000) {
            return characterRow[cp];
        }
        return cp == TaggerFeatures.BEGIN ? characterRow[0x10000] : cp == TaggerFeatures.END ? characterRow[0x10001] : -1;
    }

    private int slot(long key) {
        return (int) (key ^ (key >>> 29)) & mask;
    }

    /** Adds the weights of {@code key}, if known, to {@code emission[e..e+5)}. */
    private void addWeights(long key, float[] emission, int e) {
        // Most n-gram keys of new text are not in the model: the filter (small enough to stay in
        // cache) answers for them without touching the table.
        long probe = (1L << (key & 63)) | (1L << ((key >>> 6) & 63));
        if ((filter[(int) (key >>> 40) & filterMask] & probe) != probe) {
            return;
        }
        int slot = slot(key);
        while (true) {
            int at = slot * 3;
            long last = table[at + 2];
            if (last == EMPTY) {
                return;
            }
            if (table[at] == key) {
                long four = table[at + 1];
                emission[e] += (short) four;
                emission[e + 1] += (short) (four >>> 16);
                emission[e + 2] += (short) (four >>> 32);
                emission[e + 3] += (short) (four >>> 48);
                emission[e + 4] += (short) last;
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    public int features() {
        return features;
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
        long[] keys = w.keys;
        TaggerFeatures features = w.features;
        int rowLength = Tags.COUNT * TaggerFeatures.CHARACTER_TEMPLATES;
        for (int i = 0; i < n; i++) {
            int o = i * TaggerFeatures.COUNT;
            int e = i * Tags.COUNT;
            for (int t = 0; t < TaggerFeatures.CHARACTER_TEMPLATES; t++) {
                int row = characterRowOf(features.character(i, t - 2));
                if (row < 0) {
                    addWeights(keys[o + t], emission, e);
                } else {
                    int at = row * rowLength + t * Tags.COUNT;
                    for (int tag = 0; tag < Tags.COUNT; tag++) {
                        emission[e + tag] += characterWeights[at + tag];
                    }
                }
            }
            addDense(classWeights, features.classTriple(i), emission, e);
            addDense(lengthsWeights, features.lengthsValue(i), emission, e);
            addDense(besideWeights, features.besideValue(i, n), emission, e);
            for (int k : HASHED_TEMPLATES) {
                addWeights(keys[o + k], emission, e);
            }
        }
        Tags.viterbi(emission, scaledTransition, n, w.tags, w.score, w.back);
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
        // The whole file at once, then bulk reads: a million readLong/readShort calls through
        // the stream cost a noticeable part of start-up, before the JIT compiles them.
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(new GZIPInputStream(raw, 1 << 16).readAllBytes());
        try {
            if (in.getInt() != MAGIC || in.getInt() != VERSION) {
                throw new IOException("not an ORG tagger model (version " + VERSION + ")");
            }
            int n = in.getInt();
            float scale = in.getFloat();
            long[] keys = new long[n];
            in.asLongBuffer().get(keys);
            in.position(in.position() + n * Long.BYTES);
            short[] weights = new short[n * Tags.COUNT];
            in.asShortBuffer().get(weights);
            in.position(in.position() + weights.length * Short.BYTES);
            float[] transition = new float[Tags.COUNT * Tags.COUNT];
            in.asFloatBuffer().get(transition);
            return new OrgTagger(keys, weights, scale, transition, dictionary);
        } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
            throw new IOException("truncated ORG tagger model");
        }
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
