package org.tiqu.document.hanlp;

import java.util.ArrayList;
import java.util.List;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.collection.trie.DoubleArrayTrie;
import com.hankcs.hanlp.collection.trie.bintrie.BaseNode;
import com.hankcs.hanlp.collection.trie.bintrie.BinTrie;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.DynamicCustomDictionary;
import com.hankcs.hanlp.dictionary.other.CharType;
import com.hankcs.hanlp.seg.Segment;

import org.tiqu.document.Segmenter;
import org.tiqu.document.Term;
import org.tiqu.text.Span;

/**
 * The only place that imports HanLP. Rebuilds every term's span against the text, failing
 * loudly when a term is not the exact slice of the text at that place.
 *
 * <p><b>HanLP's global configuration.</b> HanLP keeps its settings in static fields of
 * {@code HanLP.Config}, shared by every user of HanLP in the JVM (a Spark executor may run
 * other jobs' code beside tiqu). tiqu needs two of them at HanLP's defaults:
 * {@code Normalization = false} (HanLP must see and return the source as it is: normalising
 * folds full-width and traditional characters and changes what the dictionaries hold, so
 * words, and with them ORG names and clause words, would change; only tiqu's match view folds
 * characters, with an exact alignment back) and {@code ShowTermNature = true} (the part-of-speech
 * tags that place and organisation words are read from). tiqu does not set them: writing them
 * would silently change another HanLP user's results. {@link #checkConfiguration()} checks them
 * when a pipeline is loaded and again before every segmentation, and fails with what to do, so
 * that another user changing them can neither shift tiqu's offsets nor change its records
 * without a word: the document fails, naming the setting.
 */
public final class HanlpSegmenter implements Segmenter {

    /**
     * Fails when HanLP's global configuration is not what tiqu's records assume (see the class
     * comment): another library in this JVM changed {@code HanLP.Config}.
     *
     * @throws IllegalStateException naming the setting and its value
     */
    public static void checkConfiguration() {
        if (HanLP.Config.Normalization || !HanLP.Config.ShowTermNature) {
            throw new IllegalStateException("HanLP's global configuration was changed in this JVM"
                    + " (HanLP.Config.Normalization=" + HanLP.Config.Normalization + ", ShowTermNature="
                    + HanLP.Config.ShowTermNature + "): tiqu needs Normalization=false and ShowTermNature=true,"
                    + " HanLP's defaults, or its words and offsets would not be those of the text;"
                    + " run tiqu in a JVM where no other code changes HanLP.Config");
        }
    }

    private final Segment segment;
    /** Whether the dictionaries tell about the words (plain segmentation; see mayStartPlaceOrOrgWord). */
    private final boolean plain;

    private HanlpSegmenter(Segment segment, boolean plain) {
        this.segment = segment;
        this.plain = plain;
    }

    /**
     * Loads HanLP's dictionaries and models on a background thread, so that a command can
     * read its rules on one core while HanLP loads on the other. Class initialisation is
     * thread-safe: whoever needs HanLP first simply waits for what is still loading.
     *
     * @return done when HanLP is loaded; failed with what stopped it (running out of heap), which
     *         the caller reports, instead of the thread printing a stack trace
     */
    public static java.util.concurrent.CompletableFuture<Void> preloadInBackground() {
        java.util.concurrent.CompletableFuture<Void> loaded = new java.util.concurrent.CompletableFuture<>();
        Thread loader = new Thread(() -> {
            try {
                plain().segment("济南高新区2023年实现地区生产总值1500亿元。");
                withNames().segment("济南高新区管委会发布");
                loaded.complete(null);
            } catch (Throwable e) {
                loaded.completeExceptionally(e);
            }
        }, "hanlp-preload");
        loader.setDaemon(true);
        loader.start();
        return loaded;
    }

    /** Plain Viterbi segmentation with the core dictionary: HanLP's fastest useful mode. */
    public static HanlpSegmenter plain() {
        return new HanlpSegmenter(HanLP.newSegment()
                .enableNameRecognize(false)
                .enableTranslatedNameRecognize(false)
                .enableJapaneseNameRecognize(false)
                .enablePlaceRecognize(false)
                .enableOrganizationRecognize(false)
                .enableNumberQuantifierRecognize(false)
                .enableCustomDictionary(true), true);
    }

    /** Viterbi segmentation with HanLP's organisation and place recognisers on (much slower). */
    public static HanlpSegmenter withNames() {
        return new HanlpSegmenter(HanLP.newSegment()
                .enableNameRecognize(false)
                .enablePlaceRecognize(true)
                .enableOrganizationRecognize(true)
                .enableNumberQuantifierRecognize(false)
                .enableCustomDictionary(true), false);
    }

    /**
     * HanLP's own segmentation of {@code text} and nothing else — no span rebuilding —
     * as the reference speed that benchmarks compare the pipeline against.
     */
    public int referenceSegment(String text) {
        return segment.seg(text).size();
    }

    /** A word HanLP's core or custom dictionary tags as a place ({@code ns}). */
    @Override
    public boolean isPlaceName(String word) {
        com.hankcs.hanlp.dictionary.CoreDictionary.Attribute attribute = com.hankcs.hanlp.dictionary.CoreDictionary.get(word);
        if (attribute == null) {
            attribute = com.hankcs.hanlp.dictionary.CustomDictionary.get(word);
        }
        if (attribute == null) {
            return false;
        }
        for (com.hankcs.hanlp.corpus.tag.Nature nature : attribute.nature) {
            if (nature == com.hankcs.hanlp.corpus.tag.Nature.ns) {
                return true;
            }
        }
        return false;
    }

    /*
     * Dictionary answers about plain() segmentation, without segmenting. What they rely on
     * (HanLP portable-1.8.4, read in ViterbiSegment.segSentence, WordBasedSegment.generateWordNet,
     * WordNet.add, Segment.combineByCustomDictionary/combineWords/convert and Vertex): with every
     * recogniser off, no number-quantifier merge, no index mode and no forced custom dictionary,
     * a segmentation is (1) a best path through a lattice holding every core-dictionary word of
     * the text, found by a trie walk from each position (attribute: the core entry's), and atoms
     * for the positions no core word starts at: runs of one character type (digits, latin),
     * tagged n, m, w or nx only; then (2) runs of consecutive path words whose concatenation is a
     * custom-dictionary word (its double-array trie, then its BinTrie of words added at run
     * time) become that one word, with that entry's attribute. A word's tag is its attribute's
     * first nature (Vertex.guessNature; part-of-speech tagging is off). So every word is an atom
     * or a core or custom entry, tagged with that entry's first nature: the walks below
     * (the same transitions HanLP makes, from the root, state 1) find every such entry.
     */

    /** The tags of atoms, the words of runs no core word starts in (WordNet.add of atom nodes). */
    private static final String[] ATOM_TAGS = {"n", "m", "w", "nx"};

    private static boolean hasTag(CoreDictionary.Attribute attribute, String[] tags) {
        if (attribute.nature.length == 0) {
            return true; // no tag to tell by
        }
        for (String tag : tags) {
            if (attribute.nature[0].startsWith(tag)) {
                return true;
            }
        }
        return false;
    }

    /**
     * "No" when no core or custom dictionary word that starts at {@code at} and ends by
     * {@code to} has any nature starting with one of {@code tags}: the word HanLP gives there
     * is then such an entry or an atom (see above, tagged n, m, w or nx), neither tagged so.
     * An entry's tag is its first nature: plain() leaves part-of-speech tagging off (HanLP's
     * default), which would choose among the natures instead.
     */
    @Override
    public boolean mayStartWordTagged(String text, int at, int to, String... tags) {
        checkConfiguration();
        if (!plain) {
            return true; // the recognisers make places and organisations of words no dictionary holds
        }
        for (String tag : tags) {
            for (String atomTag : ATOM_TAGS) {
                if (atomTag.startsWith(tag)) {
                    return true; // an atom may have it: the dictionaries do not tell
                }
            }
        }
        try {
            if (hasEntry(CoreDictionary.trie, text, at, to, -1, tags)) {
                return true;
            }
            DynamicCustomDictionary custom = segment.customDictionary;
            return custom != null && (custom.dat != null && hasEntry(custom.dat, text, at, to, -1, tags)
                    || custom.trie != null && hasEntry(custom.trie, text, at, to, -1, tags));
        } catch (ArrayIndexOutOfBoundsException e) {
            return true; // a character outside a trie's table: no answer from the dictionaries
        }
    }

    /**
     * True when {@code text[at]} is a one-character core entry that is no Chinese numeral and no
     * core or custom entry of two or more characters starting in {@code [from, at]} covers
     * {@code at}. Then no lattice word and no atom crosses either edge of {@code at} (an atom
     * run stops at a position where a core word starts, unless its character is a Chinese
     * numeral), so every path has the word {@code text[at]}, and no custom merge takes it in
     * (the merged word would be an entry of two or more characters covering {@code at}).
     */
    @Override
    public boolean surelyOneCharWord(String text, int from, int to, int at) {
        checkConfiguration();
        if (!plain || at < from || at >= to) {
            return false;
        }
        char c = text.charAt(at);
        try {
            if (Character.isSurrogate(c) || CharType.get(c) == CharType.CT_CNUM
                    || CoreDictionary.trie.output(CoreDictionary.trie.transition(c, 1)) == null) {
                return false;
            }
            DynamicCustomDictionary custom = segment.customDictionary;
            for (int q = at; q >= from; q--) {
                if (hasEntry(CoreDictionary.trie, text, q, to, at, null)
                        || custom != null && (custom.dat != null && hasEntry(custom.dat, text, q, to, at, null)
                                || custom.trie != null && hasEntry(custom.trie, text, q, to, at, null))) {
                    return false;
                }
            }
            return true;
        } catch (ArrayIndexOutOfBoundsException e) {
            return false;
        }
    }

    /**
     * Whether the trie holds a word {@code text[q, end)}, {@code end <= to}: with {@code tags},
     * one with a nature starting with one of them; else one of two or more characters covering
     * {@code covers} ({@code end > covers}).
     */
    private static boolean hasEntry(DoubleArrayTrie<CoreDictionary.Attribute> trie, String text, int q, int to,
            int covers, String[] tags) {
        int state = 1; // the root, as HanLP's own walks start
        for (int j = q; j < to; j++) {
            state = trie.transition(text.charAt(j), state);
            if (state < 0) {
                return false;
            }
            CoreDictionary.Attribute a = trie.output(state);
            if (a != null && (tags != null ? hasTag(a, tags) : j > q && j >= covers)) {
                return true;
            }
        }
        return false;
    }

    /** As above, for the custom dictionary's BinTrie (the words added at run time). */
    private static boolean hasEntry(BinTrie<CoreDictionary.Attribute> trie, String text, int q, int to,
            int covers, String[] tags) {
        BaseNode<CoreDictionary.Attribute> node = trie;
        for (int j = q; j < to; j++) {
            node = node.transition(text.charAt(j));
            if (node == null) {
                return false;
            }
            CoreDictionary.Attribute a = node.getValue();
            if (a != null && (tags != null ? hasTag(a, tags) : j > q && j >= covers)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean isCoreWord(String word) {
        return com.hankcs.hanlp.dictionary.CoreDictionary.contains(word);
    }

    @Override
    public List<Term> segment(String text) {
        checkConfiguration();
        List<com.hankcs.hanlp.seg.common.Term> raw = segment.seg(text);
        List<Term> terms = new ArrayList<>(raw.size());
        int unit = 0;
        int cp = 0;
        for (com.hankcs.hanlp.seg.common.Term t : raw) {
            int at = text.indexOf(t.word, unit);
            if (at < 0 || !text.substring(unit, at).isBlank()) {
                throw new IllegalStateException("HanLP term '" + t.word + "' is not the text at UTF-16 index "
                        + unit + " of '" + text + "'");
            }
            cp += text.codePointCount(unit, at);
            int length = t.word.codePointCount(0, t.word.length());
            terms.add(new Term(new Span(cp, cp + length), t.word, t.nature == null ? "" : t.nature.toString()));
            cp += length;
            unit = at + t.word.length();
        }
        return terms;
    }
}
