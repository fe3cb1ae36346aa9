package org.tiqu.document;

import java.util.List;

/**
 * Word segmentation. Implementations must return terms that are exact slices of the
 * text given, with code-point spans relative to its start, and be safe on many threads.
 */
public interface Segmenter {

    List<Term> segment(String text);

    /**
     * Whether {@code word} is a place name in the segmenter's dictionaries (a county, city,
     * province or country), looked up without segmenting: the linker asks it of the few
     * strings that end with an administrative suffix. None by default.
     */
    default boolean isPlaceName(String word) {
        return false;
    }

    /**
     * Whether the word that {@link #segment} gives starting at UTF-16 index {@code at}, when it
     * segments a text that holds {@code text[at, to)} (a clause), may be tagged as a place or
     * an organisation ({@code ns…} or {@code nt…}), answered from the dictionaries without
     * segmenting. "No" must be sure: no segmentation of that text has such a word at {@code at}.
     * "May" by default.
     */
    default boolean mayStartPlaceOrOrgWord(String text, int at, int to) {
        return true;
    }

    /**
     * Whether segmenting {@code text[from, to)} (a clause) surely gives the one-character word
     * {@code text[at, at + 1)}, answered from the dictionaries without segmenting; false when
     * that cannot be told so (it may or may not be a word of its own). False by default.
     */
    default boolean surelyOneCharWord(String text, int from, int to, int at) {
        return false;
    }
}
