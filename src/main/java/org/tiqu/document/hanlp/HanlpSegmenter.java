package org.tiqu.document.hanlp;

import java.util.ArrayList;
import java.util.List;

import com.hankcs.hanlp.HanLP;
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

    private HanlpSegmenter(Segment segment) {
        this.segment = segment;
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
                .enableCustomDictionary(true));
    }

    /** Viterbi segmentation with HanLP's organisation and place recognisers on (much slower). */
    public static HanlpSegmenter withNames() {
        return new HanlpSegmenter(HanLP.newSegment()
                .enableNameRecognize(false)
                .enablePlaceRecognize(true)
                .enableOrganizationRecognize(true)
                .enableNumberQuantifierRecognize(false)
                .enableCustomDictionary(true));
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
