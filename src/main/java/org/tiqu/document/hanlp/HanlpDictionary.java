package org.tiqu.document.hanlp;

import com.hankcs.hanlp.collection.trie.DoubleArrayTrie;
import com.hankcs.hanlp.dictionary.CoreDictionary;

import org.tiqu.document.WordMarks;

/**
 * Word evidence from HanLP's core dictionary without segmenting: at each character, the longest
 * dictionary word starting and ending there, with its first part of speech. A walk of at most
 * {@link WordMarks#MAX_WORD} trie steps per character, allocation-free: several times cheaper than
 * segmentation, and the same whatever the sentence around it.
 */
public final class HanlpDictionary implements WordMarks.Source {

    private static final HanlpDictionary INSTANCE = new HanlpDictionary();
    /** The hash of each part of speech's name (the model's features use it); Nature.toString() builds a new string each call. */
    private static final java.util.concurrent.ConcurrentHashMap<com.hankcs.hanlp.corpus.tag.Nature, Integer> NATURE_CODES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private HanlpDictionary() {
    }

    public static HanlpDictionary core() {
        return INSTANCE;
    }

    /**
     * Whether {@code word} is, first of all, a frequent common noun, verb or adjective in the core
     * dictionary (钢铁, 化工: a sector) rather than a name that is also a rare word (长安, 吉利).
     */
    public boolean isCommonWord(String word, int minFrequency) {
        CoreDictionary.Attribute a = CoreDictionary.get(word);
        if (a == null || a.nature.length == 0) {
            return false;
        }
        String first = a.nature[0].toString();
        return (first.equals("n") || first.equals("vn") || first.equals("v") || first.equals("a") || first.equals("an"))
                && a.frequency[0] >= minFrequency;
    }

    @Override
    public void mark(int[] codePoints, int length, WordMarks out) {
        DoubleArrayTrie<CoreDictionary.Attribute> trie = CoreDictionary.trie;
        out.clear(length);
        for (int i = 0; i < length; i++) {
            int state = 1; // the root
            for (int j = i; j < length && j - i < WordMarks.MAX_WORD; j++) {
                int cp = codePoints[j];
                if (cp > 0xFFFF) {
                    break; // not in the dictionary's alphabet
                }
                state = trie.transition((char) cp, state);
                if (state < 0) {
                    break;
                }
                int len = j - i + 1;
                if (len >= 2) {
                    CoreDictionary.Attribute a = trie.output(state);
                    if (a != null) {
                        int nature = a.nature.length == 0 ? 0 : NATURE_CODES.computeIfAbsent(a.nature[0], x -> x.toString().hashCode());
                        out.word(i, len, nature);
                    }
                }
            }
        }
    }
}
