package org.tiqu.extract;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tiqu.document.Deadline;
import org.tiqu.document.Document;
import org.tiqu.rules.Rule;

/**
 * Runs rules' patterns over a document's match view, giving for each rule exactly the
 * matches {@link Matcher#find()} would give.
 *
 * <p>A pattern is tried only at positions whose character can start a match
 * ({@link StartChars}), anchored there with {@code lookingAt} over a region that leaves the
 * text around it visible, so lookarounds and anchors see what {@code find()} sees. An
 * instance made for a list of rules (an extractor's) finds every rule's possible starts in
 * one pass over the text: the set of rules that may start with a character, and with a
 * character between two others, is learnt once as a bit mask, instead of each rule reading
 * every character.
 *
 * <p>Thread-safe: the learnt tables are written racily, but every thread computes the same values.
 */
public final class RuleMatcher {

    private static final long[] NONE = new long[0];

    private final Rule[] rules;
    private final StartChars[] starts;
    /** Per character, the rules that may start with it: bit {@code i} of word {@code i / 64}. */
    private final AtomicReferenceArray<long[]> masks = new AtomicReferenceArray<>(Character.MAX_VALUE + 1);
    /** The same after the text's first character, where {@code \A} and {@code ^} no longer hold. */
    private final AtomicReferenceArray<long[]> insideMasks = new AtomicReferenceArray<>(Character.MAX_VALUE + 1);
    /** Longs per mask: one bit per rule. */
    private final int maskWords;
    /**
     * Per (character before, character, character after) met so far, the rules that may start
     * there: an open-addressing table, half full at most; past that, triples are not remembered.
     */
    private final AtomicReferenceArray<TripleMask> tripleMasks = new AtomicReferenceArray<>(TRIPLE_SLOTS);
    private final AtomicInteger triplesLearnt = new AtomicInteger();
    private static final int TRIPLE_BITS = 16;
    private static final int TRIPLE_SLOTS = 1 << TRIPLE_BITS;

    private record TripleMask(long triple, long[] mask) {
    }

    /** A matcher for {@code rules} in this order; rules that only carry knowledge (no pattern) are left out. */
    public RuleMatcher(List<Rule> rules) {
        this.rules = rules.stream().filter(r -> r.pattern() != null).toArray(Rule[]::new);
        this.starts = Arrays.stream(this.rules).map(r -> new StartChars(r.pattern())).toArray(StartChars[]::new);
        this.maskWords = (this.rules.length + 63) / 64;
    }

    /**
     * The possible starts of every rule in {@code document}, found in one pass over its
     * characters; ask it for each rule's matches.
     */
    public Scan scan(Document document) {
        return new Scan(document, candidates(document.view().text(), document.deadline()));
    }

    /** One document's possible rule starts. */
    public final class Scan {
        private final Document document;
        private final int[][] candidates;

        private Scan(Document document, int[][] candidates) {
            this.document = document;
            this.candidates = candidates;
        }

        /**
         * Calls {@code onMatch} for each non-overlapping match of {@code rule} (one of the
         * matcher's), left to right, exactly as {@link Matcher#find()} would find them. The
         * match object is only valid during the call.
         */
        public void forEachMatch(Rule rule, Consumer<RuleMatch> onMatch) {
            if (rule.pattern() == null) {
                return;
            }
            document.deadline().check(); // the guarded text checks only every few thousand reads
            for (int i = 0; i < rules.length; i++) {
                if (rules[i] == rule) {
                    run(rule, starts[i], candidates[i], document, onMatch);
                    return;
                }
            }
            throw new IllegalArgumentException("rule " + rule.id() + " is not one of this matcher's");
        }
    }

    /** Each rule's possible start positions (UTF-16 indices into the view), in one pass over it. */
    private int[][] candidates(String view, Deadline deadline) {
        int[][] lists = new int[rules.length][];
        int[] sizes = new int[rules.length];
        for (int i = 0; i < rules.length; i++) {
            lists[i] = new int[8];
        }
        int length = view.length();
        for (int p = 0; p < length; p++) {
            if ((p & 0xFFFF) == 0xFFFF) {
                deadline.check();
            }
            char c = view.charAt(p);
            long[] mask = p == 0 ? maskOf(c) : insideMaskOf(c);
            if (mask.length > 0 && p > 0 && p + 1 < length) {
                mask = maskBetween(view.charAt(p - 1), c, view.charAt(p + 1), mask);
            }
            for (int w = 0; w < mask.length; w++) {
                for (long bits = mask[w]; bits != 0; bits &= bits - 1) {
                    int i = w << 6 | Long.numberOfTrailingZeros(bits);
                    if (sizes[i] == lists[i].length) {
                        lists[i] = Arrays.copyOf(lists[i], sizes[i] * 2);
                    }
                    lists[i][sizes[i]++] = p;
                }
            }
        }
        for (int i = 0; i < rules.length; i++) {
            lists[i] = Arrays.copyOf(lists[i], sizes[i]);
        }
        return lists;
    }

    private long[] maskOf(char c) {
        return learnt(masks, c, false);
    }

    private long[] insideMaskOf(char c) {
        return learnt(insideMasks, c, true);
    }

    /** The rules that may start with {@code c}, learnt once into {@code table}. */
    private long[] learnt(AtomicReferenceArray<long[]> table, char c, boolean inside) {
        long[] mask = table.get(c);
        if (mask == null) {
            mask = new long[maskWords];
            boolean any = false;
            for (int i = 0; i < rules.length; i++) {
                if (inside ? starts[i].mayStartInside(c) : starts[i].mayStartWith(c)) {
                    mask[i >>> 6] |= 1L << i;
                    any = true;
                }
            }
            mask = any ? mask : NONE;
            table.set(c, mask);
        }
        return mask;
    }

    /** The rules of {@code charMask} that may start with {@code c} between these two characters. */
    private long[] maskBetween(char before, char c, char after, long[] charMask) {
        if (Character.isSurrogate(before) || Character.isSurrogate(c) || Character.isSurrogate(after)) {
            return charMask;
        }
        long triple = (long) before << 32 | (long) c << 16 | after;
        int slot = (int) (triple * 0x9E3779B97F4A7C15L >>> (64 - TRIPLE_BITS));
        for (TripleMask known = tripleMasks.get(slot); known != null; known = tripleMasks.get(slot)) {
            if (known.triple() == triple) {
                return known.mask();
            }
            slot = (slot + 1) & (TRIPLE_SLOTS - 1);
        }
        long[] mask = new long[charMask.length];
        boolean any = false;
        for (int w = 0; w < charMask.length; w++) {
            for (long bits = charMask[w]; bits != 0; bits &= bits - 1) {
                int i = w << 6 | Long.numberOfTrailingZeros(bits);
                if (starts[i].mayStartBetween(before, c, after)) {
                    mask[w] |= 1L << i;
                    any = true;
                }
            }
        }
        mask = any ? mask : NONE;
        // Two threads may learn the same triple into two slots: both hold the same answer.
        if (triplesLearnt.get() < TRIPLE_SLOTS / 2 && tripleMasks.compareAndSet(slot, null, new TripleMask(triple, mask))) {
            triplesLearnt.incrementAndGet();
        }
        return mask;
    }

    /** One rule's matches, tried at {@code candidates}: ascending view positions that passed the start tests. */
    private static void run(Rule rule, StartChars starts, int[] candidates, Document document, Consumer<RuleMatch> onMatch) {
        Pattern pattern = rule.pattern();
        String view = document.view().text();
        // The guarded text stops a runaway regex when the document's time budget is spent.
        Matcher m = pattern.matcher(document.deadline().guard(view));
        RuleMatch match = new RuleMatch(rule, m, document.view());
        if (!starts.learnable()) {
            while (m.find()) {
                if (m.end() > m.start()) {
                    onMatch.accept(match);
                }
            }
            return;
        }
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        int length = view.length();
        MatchAlphabet.Starts alphabet = starts.startsIn(view);
        int next = 0; // no match may start before the end of the previous one
        int tried = 0;
        for (int p : candidates) {
            if (p < next) {
                continue;
            }
            if ((++tried & 1023) == 0) {
                document.deadline().check(); // a run of a million candidates that all fail reads no guarded text
            }
            if (Character.isLowSurrogate(view.charAt(p)) && p > 0 && Character.isHighSurrogate(view.charAt(p - 1))) {
                continue; // find() does not start inside a surrogate pair either
            }
            if (alphabet != null && !alphabet.mayMatchFrom(p)) {
                next = Math.max(next, alphabet.runEnd()); // the rest of the run lacks the same requirement
                continue;
            }
            m.region(p, length);
            if (m.lookingAt() && m.end() > m.start()) {
                onMatch.accept(match);
                next = m.end();
            }
        }
    }
}
