package org.tiqu.extract.org.tagger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.tiqu.document.WordMarks;
import org.tiqu.text.Span;

/**
 * Trains an {@link OrgTagger}: averaged structured perceptron over sentence JSONL files (the
 * {@code ner-zh} format: text plus ORG/PER/LOC entities in code points; only ORG is learnt),
 * sentences in file order, shuffled each pass with a fixed seed, so that the same files give the
 * same model. Then the features with the smallest weights are pruned.
 */
public final class TaggerTrainer {

    /** Training settings. */
    public record Settings(int passes, double keep, long seed) {
    }

    /** ORG precision/recall/F1 of a tagger on a sentence file, exact spans. */
    public record Score(int gold, int predicted, int correct) {
        public double precision() {
            return predicted == 0 ? 0 : (double) correct / predicted;
        }

        public double recall() {
            return gold == 0 ? 0 : (double) correct / gold;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "P %.4f R %.4f F1 %.4f (gold %d, predicted %d, correct %d)",
                    precision(), recall(), f1(), gold, predicted, correct);
        }
    }

    record Sentence(int[] codePoints, List<Span> orgs) {
    }

    private final WordMarks.Source dictionary;
    private final PrintWriter log;

    public TaggerTrainer(WordMarks.Source dictionary, PrintWriter log) {
        this.dictionary = dictionary;
        this.log = log;
    }

    /** Reads ORG-annotated sentences from ner-zh JSONL. */
    static List<Sentence> read(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Sentence> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                int[] cps = node.get("text").asText().codePoints().toArray();
                if (cps.length == 0) {
                    continue;
                }
                List<Span> orgs = new ArrayList<>();
                for (JsonNode e : node.get("entities")) {
                    if ("ORG".equals(e.get("type").asText())) {
                        orgs.add(new Span(e.get("start").asInt(), e.get("end").asInt()));
                    }
                }
                out.add(new Sentence(cps, orgs));
            }
        }
        return out;
    }

    /** Trains on {@code files} and writes the pruned model to {@code out}. */
    public void train(List<Path> files, Settings settings, Path out) throws IOException {
        List<Sentence> sentences = new ArrayList<>();
        for (Path f : files) {
            List<Sentence> s = read(f);
            log.printf(Locale.ROOT, "read %s: %d sentences%n", f, s.size());
            sentences.addAll(s);
        }
        log.flush();
        // Features of every sentence, indexed once.
        LongIndex index = new LongIndex();
        TaggerFeatures features = new TaggerFeatures(dictionary);
        int[][] featureIds = new int[sentences.size()][];
        int[][] gold = new int[sentences.size()][];
        long[] keys = null;
        for (int s = 0; s < sentences.size(); s++) {
            Sentence sentence = sentences.get(s);
            int n = sentence.codePoints().length;
            keys = features.keys(sentence.codePoints(), n, keys);
            int[] ids = new int[n * TaggerFeatures.COUNT];
            for (int k = 0; k < ids.length; k++) {
                ids[k] = index.add(keys[k]);
            }
            featureIds[s] = ids;
            gold[s] = Tags.of(sentence.orgs(), n);
        }
        int nf = index.size();
        log.printf(Locale.ROOT, "features: %d%n", nf);
        log.flush();
        float[] w = new float[nf * Tags.COUNT];
        double[] u = new double[nf * Tags.COUNT]; // sum of step * update, for averaging
        float[] tw = new float[Tags.COUNT * Tags.COUNT];
        double[] tu = new double[Tags.COUNT * Tags.COUNT];
        long step = 1;
        Integer[] order = new Integer[sentences.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(settings.seed());
        float[] emission = new float[0];
        float[] score = new float[0];
        int[] back = new int[0];
        int[] pred = new int[0];
        for (int pass = 1; pass <= settings.passes(); pass++) {
            List<Integer> shuffled = new ArrayList<>(Arrays.asList(order));
            java.util.Collections.shuffle(shuffled, random);
            int wrong = 0;
            for (int s : shuffled) {
                int n = gold[s].length;
                if (pred.length < n) {
                    emission = new float[n * Tags.COUNT];
                    score = new float[n * Tags.COUNT];
                    back = new int[n * Tags.COUNT];
                    pred = new int[n];
                }
                int[] ids = featureIds[s];
                Arrays.fill(emission, 0, n * Tags.COUNT, 0f);
                for (int i = 0; i < n; i++) {
                    for (int k = 0; k < TaggerFeatures.COUNT; k++) {
                        int base = ids[i * TaggerFeatures.COUNT + k] * Tags.COUNT;
                        for (int t = 0; t < Tags.COUNT; t++) {
                            emission[i * Tags.COUNT + t] += w[base + t];
                        }
                    }
                }
                Tags.viterbi(emission, tw, n, pred, score, back);
                int[] g = gold[s];
                boolean same = true;
                for (int i = 0; i < n; i++) {
                    if (g[i] != pred[i]) {
                        same = false;
                        for (int k = 0; k < TaggerFeatures.COUNT; k++) {
                            int base = ids[i * TaggerFeatures.COUNT + k] * Tags.COUNT;
                            w[base + g[i]] += 1;
                            u[base + g[i]] += step;
                            w[base + pred[i]] -= 1;
                            u[base + pred[i]] -= step;
                        }
                    }
                    if (i > 0 && (g[i] != pred[i] || g[i - 1] != pred[i - 1])) {
                        tw[g[i - 1] * Tags.COUNT + g[i]] += 1;
                        tu[g[i - 1] * Tags.COUNT + g[i]] += step;
                        tw[pred[i - 1] * Tags.COUNT + pred[i]] -= 1;
                        tu[pred[i - 1] * Tags.COUNT + pred[i]] -= step;
                    }
                }
                if (!same) {
                    wrong++;
                }
                step++;
            }
            log.printf(Locale.ROOT, "pass %d: %d of %d sentences wrong%n", pass, wrong, sentences.size());
            log.flush();
        }
        // Averaged weights: w - u / step.
        float[] avg = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            avg[i] = (float) (w[i] - u[i] / step);
        }
        float[] tavg = new float[tw.length];
        for (int i = 0; i < tw.length; i++) {
            tavg[i] = (float) (tw[i] - tu[i] / step);
        }
        u = null;
        w = null;
        featureIds = null;
        prune(index, avg, tavg, settings.keep(), out);
    }

    private void prune(LongIndex index, float[] avg, float[] tavg, double keep, Path out) throws IOException {
        int nf = index.size();
        long[] allKeys = index.keys();
        // Rank by the sum of absolute weights; ties by key, so that the cut is deterministic.
        long[] ranked = new long[nf];
        float[] mass = new float[nf];
        int nonZero = 0;
        for (int f = 0; f < nf; f++) {
            float m = 0;
            for (int t = 0; t < Tags.COUNT; t++) {
                m += Math.abs(avg[f * Tags.COUNT + t]);
            }
            mass[f] = m;
            if (m > 0) {
                nonZero++;
            }
        }
        Integer[] byMass = new Integer[nf];
        for (int f = 0; f < nf; f++) {
            byMass[f] = f;
        }
        Arrays.sort(byMass, (a, b) -> mass[a] != mass[b] ? Float.compare(mass[b], mass[a]) : Long.compare(allKeys[a], allKeys[b]));
        int kept = (int) Math.min(nonZero, Math.round(nf * keep));
        Integer[] chosen = Arrays.copyOf(byMass, kept);
        Arrays.sort(chosen, (a, b) -> Long.compare(allKeys[a], allKeys[b]));
        long[] keys = new long[kept];
        float[] weights = new float[kept * Tags.COUNT];
        for (int i = 0; i < kept; i++) {
            int f = chosen[i];
            keys[i] = allKeys[f];
            System.arraycopy(avg, f * Tags.COUNT, weights, i * Tags.COUNT, Tags.COUNT);
        }
        log.printf(Locale.ROOT, "kept %d of %d features (%d non-zero)%n", kept, nf, nonZero);
        log.flush();
        OrgTagger.write(out, keys, weights, tavg);
    }

    /** Scores a tagger on a sentence file. */
    public static Score score(OrgTagger tagger, Path file) throws IOException {
        int goldCount = 0;
        int predicted = 0;
        int correct = 0;
        for (Sentence s : read(file)) {
            Set<Span> gold = new HashSet<>(s.orgs());
            List<Span> found = tagger.tag(s.codePoints(), s.codePoints().length);
            goldCount += gold.size();
            predicted += found.size();
            for (Span f : found) {
                if (gold.contains(f)) {
                    correct++;
                }
            }
        }
        return new Score(goldCount, predicted, correct);
    }

    /** Open-addressing map from 64-bit keys to dense indices in insertion order. */
    static final class LongIndex {
        private long[] slotKeys = new long[1 << 20];
        private int[] slotIds = new int[1 << 20]; // id + 1; 0 = empty
        private long[] keys = new long[1 << 16];
        private int size;

        int add(long key) {
            int mask = slotKeys.length - 1;
            int slot = (int) (key ^ (key >>> 32)) & mask;
            while (slotIds[slot] != 0) {
                if (slotKeys[slot] == key) {
                    return slotIds[slot] - 1;
                }
                slot = (slot + 1) & mask;
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
            }
            keys[size] = key;
            slotKeys[slot] = key;
            slotIds[slot] = ++size;
            if (size * 2 > slotKeys.length) {
                grow();
            }
            return size - 1;
        }

        private void grow() {
            long[] oldKeys = slotKeys;
            int[] oldIds = slotIds;
            slotKeys = new long[oldKeys.length * 2];
            slotIds = new int[oldIds.length * 2];
            int mask = slotKeys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldIds[i] != 0) {
                    int slot = (int) (oldKeys[i] ^ (oldKeys[i] >>> 32)) & mask;
                    while (slotIds[slot] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    slotKeys[slot] = oldKeys[i];
                    slotIds[slot] = oldIds[i];
                }
            }
        }

        int size() {
            return size;
        }

        long[] keys() {
            return Arrays.copyOf(keys, size);
        }
    }
}
