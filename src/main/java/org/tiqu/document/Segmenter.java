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
     * Whether {@code word} is an entry of the segmenter's core dictionary (资本, 安全), looked up
     * without segmenting: the linker asks it of two characters to tell whether a short word it
     * found is the end of a longer one (资本市场 holds no 本市). None by default.
     */
    default boolean isCoreWord(String word) {
        return false;
    }

    /**
     * Whether a word that {@link #segment} gives, when it segments a text that holds
     * {@code text[at, to)} (a clause), may start at UTF-16 index {@code at}, end by {@code to}
     * and have a tag starting with one of {@code tags} ({@code "ns"}, {@code "v"}), answered from
     * the dictionaries without segmenting. "No" must be sure: no segmentation of that text has
     * such a word. "May" by default.
     */
    default boolean mayStartWordTagged(String text, int at, int to, String... tags) {
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
